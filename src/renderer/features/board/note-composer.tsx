import { useState, type FormEvent } from 'react';
import { NOTE_MAX_LENGTH, validateNoteText, type NoteInputError } from '../../../core/workshop/board';
import { useT } from '../../i18n';
import { clearDraft, loadDraft, saveDraft } from '../../storage/draft';
import { Button } from '../../ui/button';
import { TextAreaField } from '../../ui/text-field';
import { useAnnounce } from '../../ui/live-region';

export interface NoteComposerProps {
  /** Where the unsent draft is kept (one per session and person). */
  readonly draftScope: string;
  /** Adds the note to the board document; it syncs by itself when connected. */
  readonly onSend: (text: string) => void;
  readonly online: boolean;
  readonly size?: 'normal' | 'large';
  /** `device` for the facilitator's computer; participants read "telefonen". */
  readonly hint?: 'phone' | 'device';
}

/**
 * The big "Skriv din tanke här" field and "Skicka" button. Every keystroke is kept in
 * localStorage, so a reload or a locked phone never loses a half-written thought.
 */
export function NoteComposer(props: NoteComposerProps) {
  const { draftScope, onSend, online, size = 'large', hint = 'phone' } = props;
  const t = useT();
  const announce = useAnnounce();
  const [text, setText] = useState(() => loadDraft(draftScope));
  const [error, setError] = useState<NoteInputError | null>(null);
  const [sent, setSent] = useState<'online' | 'offline' | null>(null);

  function change(value: string): void {
    setText(value);
    saveDraft(draftScope, value);
    if (error) setError(null);
    if (sent) setSent(null);
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problem = validateNoteText(text);
    if (problem) {
      setError(problem);
      return;
    }
    onSend(text);
    setText('');
    clearDraft(draftScope);
    setSent(online ? 'online' : 'offline');
    announce(online ? t('board.sent') : t('board.sentOffline'));
  }

  return (
    <form className="composer stack-sm" onSubmit={submit} noValidate>
      <TextAreaField
        label={t('board.composeLabel')}
        hint={hint === 'phone' ? t('board.composeHint') : t('board.composeHintDevice')}
        error={error ? t(`error.${error}`) : null}
        value={text}
        onChange={(event) => change(event.target.value)}
        maxLength={NOTE_MAX_LENGTH + 200}
        rows={4}
        className="composer-input"
      />
      <div className="composer-actions">
        <Button type="submit" size={size} className="composer-send">
          {t('board.send')}
        </Button>
        {sent ? (
          <span className={sent === 'online' ? 'composer-sent' : 'composer-sent is-offline'}>
            {sent === 'online' ? t('board.sent') : t('board.sentOffline')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
