import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
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
