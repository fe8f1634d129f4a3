import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useInstructions } from '../../preferences/use-instruction';
import { loadDraft, saveDraft } from '../../storage/draft';
import type { SessionConnection } from '../../sync/provider';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextAreaField } from '../../ui/text-field';
import { sendsBefore } from './recent-sends';

export interface RefusedWriteProps {
  readonly connection: SessionConnection;
  /** The draft the words go back into, so they are in the field again after "Försök igen". */
  readonly draftScope: string;
}

/**
 * The host refused what this phone wrote (close 4403): say so plainly, show the words that did not
 * arrive so they can be copied, keep them as the draft, and offer a fresh start from the host's board.
 */
export function RefusedWrite({ connection, draftScope }: RefusedWriteProps) {
  const t = useT();
  const [text] = useState(() => sendsBefore(Date.now()).join('\n\n'));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!text) return;
    const draft = loadDraft(draftScope);
    if (!draft.includes(text)) saveDraft(draftScope, draft ? `${draft}\n\n${text}` : text);
  }, [text, draftScope]);

  async function retry(): Promise<void> {
    setBusy(true);
    await connection.discardLocalBoard().catch(() => undefined);
    window.location.reload();
  }

  return (
    <Notice tone="warning" role="alert" title={t('steps.refused.title')}>
      <p>{text ? t('steps.refused.body') : t('steps.refused.bodyNoText')}</p>
      <p>{t('steps.refused.why')}</p>
      {text ? (
        <TextAreaField
          label={t('steps.refused.textLabel')}
          value={text}
          readOnly
          rows={4}
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : null}
      <Button busy={busy} onClick={() => void retry()}>
        {t('steps.refused.retry')}
      </Button>
    </Notice>
  );
}

export interface NotAcceptedNoticeProps {
  /** The person's words the host never accepted (empty when what was refused was a vote or a mark). */
  readonly texts: readonly string[];
  readonly onDismiss: () => void;
}

/**
 * After an honest reset (sync/use-honest-reset.ts): the board now shows the host's state, and this
 * says plainly what did not get through, with the words large enough to read and a button to copy
 * them. The caller has also put the words back in the writing box (keepAsDraft).
 */
export function NotAcceptedNotice({ texts, onDismiss }: NotAcceptedNoticeProps) {
  const t = useT();
  const ti = useInstructions();
  const text = texts.join('\n\n');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const box = useRef<HTMLDivElement>(null);

  async function copy(): Promise<void> {
    setCopied((await copyText(text, box.current?.querySelector('textarea') ?? null)) ? 'yes' : 'failed');
  }

  return (
    <div className="not-accepted" data-testid="not-accepted" ref={box}>
      <Notice tone="warning" role="alert" title={t('steps.refused.title')}>
        <p>{text ? ti('steps.refused.resetBody') : ti('steps.refused.resetBodyNoText')}</p>
        {text ? (
          <TextAreaField
            className="not-accepted-text"
            label={t('steps.refused.textLabel')}
            value={text}
            readOnly
            rows={Math.min(8, Math.max(3, texts.length * 2))}
            onFocus={(event) => event.currentTarget.select()}
          />
        ) : null}
        <p>{t('steps.refused.resetBoard')}</p>
        {text ? <p className="muted">{t('steps.refused.keptAsDraft')}</p> : null}
        <p role="status" className="not-accepted-copied">
          {copied === 'yes' ? t('steps.refused.copied') : copied === 'failed' ? t('steps.refused.copyFailed') : ''}
        </p>
        <div className="not-accepted-actions">
          {text ? <Button onClick={() => void copy()}>{t('steps.refused.copy')}</Button> : null}
          <Button variant={text ? 'secondary' : 'primary'} onClick={onDismiss}>
            {t('steps.refused.dismiss')}
          </Button>
        </div>
      </Notice>
    </div>
  );
}

/**
 * Copies text on a phone that reached the host over plain http on the LAN: no secure context, so
 * no async clipboard; selecting the field and the older copy command still work there.
 */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection below
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    // Deprecated, but the only copy a non-secure page has; the selection stays for a manual copy.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** Puts words that did not get through back into a draft (once), so they are in the field again. */
export function keepAsDraft(scope: string, text: string): void {
  if (!text) return;
  const draft = loadDraft(scope);
  if (!draft.includes(text)) saveDraft(scope, draft ? `${draft}\n\n${text}` : text);
}
