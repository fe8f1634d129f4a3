import { useState, type FormEvent } from 'react';
import { useInstructions } from '../../preferences/use-instruction';
import { NOTE_MAX_LENGTH, validateNoteText, type NoteInputError } from '../../../core/workshop/board';
import { useT } from '../../i18n';
import { clearDraft, loadDraft, saveDraft } from '../../storage/draft';
import { Button } from '../../ui/button';
import { TextAreaField } from '../../ui/text-field';
import { useAnnounce } from '../../ui/live-region';

export interface NoteComposerProps {
  /** Where the unsent draft is kept (one per session and person). */
  readonly draftScope: string;
  /**
   * Adds the note to the board document (it syncs by itself when connected), or sends it and
   * resolves to null when it was accepted, or to words saying why not: then the text stays.
   */
  readonly onSend: (text: string) => void | Promise<string | null>;
  readonly online: boolean;
  readonly size?: 'normal' | 'large';
  /** `device` for the facilitator's computer; participants read "telefonen". */
  readonly hint?: 'phone' | 'device';
  /** Input closed (the facilitator locked the step): the draft stays, readable, and nothing is sent. */
  readonly locked?: boolean;
  /** Id of the text that says why the field is closed. */
  readonly lockedById?: string;
  /** Replaces the field's label (default "Skriv din tanke här"). */
  readonly label?: string;
  /** "Skickat" as the answer to a plain send; a private send says where the note went instead. */
  readonly sentText?: string;
}

/**
 * The big "Skriv din tanke här" field and "Skicka" button. Every keystroke is kept in
 * localStorage, so a reload or a locked phone never loses a half-written thought.
 */
export function NoteComposer(props: NoteComposerProps) {
  const { draftScope, onSend, online, size = 'large', hint = 'phone', locked = false } = props;
  const t = useT();
  const ti = useInstructions();
  const announce = useAnnounce();
  const [text, setText] = useState(() => loadDraft(draftScope));
  const [error, setError] = useState<NoteInputError | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<'online' | 'offline' | null>(null);
  const sentText = props.sentText ?? t('board.sent');

  function change(value: string): void {
    setText(value);
    saveDraft(draftScope, value);
    if (error) setError(null);
    if (refusal) setRefusal(null);
    if (sent) setSent(null);
  }

  function accepted(wasOnline: boolean): void {
    setText('');
    clearDraft(draftScope);
    setSent(wasOnline ? 'online' : 'offline');
    announce(wasOnline ? sentText : t('board.sentOffline'));
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (locked || busy) return;
    const problem = validateNoteText(text);
    if (problem) {
      setError(problem);
      return;
    }
    const result = onSend(text);
    if (!result) {
      accepted(online);
      return;
    }
    setBusy(true);
    const why = await result.catch(() => t('error.unknown'));
    setBusy(false);
    if (why === null) accepted(true);
    else setRefusal(why);
  }

  return (
    <form
      className={locked ? 'composer stack-sm is-locked' : 'composer stack-sm'}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <TextAreaField
        label={props.label ?? t('board.composeLabel')}
        hint={hint === 'phone' ? ti('board.composeHint') : t('board.composeHintDevice')}
        error={error ? t(`error.${error}`) : refusal}
        value={text}
        onChange={(event) => change(event.target.value)}
        maxLength={NOTE_MAX_LENGTH + 200}
        rows={4}
        className="composer-input"
        readOnly={locked}
        aria-disabled={locked || undefined}
        {...(locked && props.lockedById ? { 'aria-details': props.lockedById } : {})}
      />
      <div className="composer-actions">
        <Button type="submit" size={size} className="composer-send" disabled={locked} busy={busy}>
          {t('board.send')}
        </Button>
        {sent ? (
          <span className={sent === 'online' ? 'composer-sent' : 'composer-sent is-offline'}>
            {sent === 'online' ? sentText : t('board.sentOffline')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
