import { useState } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import { errorCodeOf } from '../../api/api-error';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { downloadHandout } from './handouts-api';
import { ErrorLine } from '../../ui/error-line';

export interface PrintHandoutButtonProps {
  readonly token: string | null;
  readonly sessionId: string;
  readonly step: Step;
}

/** "Skriv ut underlag": the step's printable handout as a PDF, in the facilitator's language. */
export function PrintHandoutButton({ token, sessionId, step }: PrintHandoutButtonProps) {
  const t = useT();
  const lang = useLanguage();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function print(): Promise<void> {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await downloadHandout(token, sessionId, step.id, lang);
      announce(t('handouts.downloaded'));
    } catch (failure) {
      setError(t(`error.${errorCodeOf(failure)}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack-sm">
      <Button variant="secondary" busy={busy} disabled={!token} onClick={() => void print()} aria-describedby={`handout-hint-${step.id}`}>
        {t('handouts.print')}
      </Button>
      <p id={`handout-hint-${step.id}`} className="muted small">
        {t(`handouts.printHint.${handoutKind(step.type)}`)}
      </p>
      <ErrorLine error={error} />
    </div>
  );
}

/** The instrument steps that have a printable handout (the host's handout-model.ts knows the same three). */
export const HANDOUT_STEP_TYPES = ['dialogue-cloth', 'seven-questions', 'reflection'] as const;
export type HandoutStepType = (typeof HANDOUT_STEP_TYPES)[number];

export function hasHandout(type: string): type is HandoutStepType {
  return (HANDOUT_STEP_TYPES as readonly string[]).includes(type);
}

function handoutKind(type: string): HandoutStepType {
  return hasHandout(type) ? type : 'reflection';
}
