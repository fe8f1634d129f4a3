import { useId } from 'react';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { GuideCards } from './guide-cards';
import { markGuideSeen, useGuideSeen } from './guide-seen';
import './help.css';

/**
 * The facilitator's first-run guide, shown above the session list until it is put away (then it
 * lives under "Hjälp" in the header). Remembered on this computer.
 */
export function FirstRunGuide() {
  const t = useT();
  const headingId = useId();
  const seen = useGuideSeen();
  if (seen) return null;
  return (
    <section className="guide" aria-labelledby={headingId} data-testid="first-run-guide">
      <div className="row-between guide-head">
        <div>
          <h2 id={headingId}>{t('help.guide.title')}</h2>
          <p className="muted">{t('help.guide.intro')}</p>
        </div>
      </div>
      <GuideCards />
      <div className="row guide-foot">
        <Button variant="secondary" onClick={markGuideSeen}>
          {t('help.guide.dismiss')}
        </Button>
        <p className="muted small">{t('help.guide.reopenHint')}</p>
      </div>
    </section>
  );
}
