import { useState } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import { errorCodeOf } from '../../api/api-error';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { useFacilitatorToken } from '../instruments/pack-support/use-facilitator-token';
import { downloadHandout } from './handouts-api';
import { hasHandout } from './print-handout-button';

export interface PlanHandoutButtonProps {
  readonly sessionId: string;
  readonly step: Step;
}

/**
 * "Skriv ut underlag" in an agenda row while planning, so the paper is ready before the day.
 * Nothing for step types without a handout. A failure is announced (the row has no room for it).
 */
export function PlanHandoutButton({ sessionId, step }: PlanHandoutButtonProps) {
  const t = useT();
  const lang = useLanguage();
  const announce = useAnnounce();
  const token = useFacilitatorToken();
  const [busy, setBusy] = useState(false);
  if (!hasHandout(step.type)) return null;

  async function print(): Promise<void> {
    if (!token) return;
    setBusy(true);
    try {
      await downloadHandout(token, sessionId, step.id, lang);
      announce(t('handouts.downloaded'));
    } catch (failure) {
      announce(t(`error.${errorCodeOf(failure)}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      variant="quiet"
      data-focus-key="print"
      busy={busy}
      disabled={!token}
      aria-label={t('handouts.printNamed', { title: step.title })}
      onClick={() => void print()}
    >
      {t('handouts.printShort')}
    </Button>
  );
}
