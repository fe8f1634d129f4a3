import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import './help.css';

const QUESTIONS = ['code', 'where', 'noApp', 'anon'] as const;

/**
 * "Så går du med": one screen for a participant who has never done this — what the code is, where
 * to type it, that no app or account is needed, and that they can stay anonymous.
 */
export function JoinHelp({ onBack }: { readonly onBack: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="stack fade-in join-help" data-testid="join-help">
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {t('help.join.title')}
        </h1>
        <p className="page-intro">{t('help.join.intro')}</p>
      </div>
      <ol className="plain-list join-help-list">
        {QUESTIONS.map((q, index) => (
          <li key={q} className="join-help-item">
            <span className="join-help-number" aria-hidden="true">
              {index + 1}
            </span>
            <div>
              <h2>{t(`help.join.${q}Title`)}</h2>
              <p>{t(`help.join.${q}Body`)}</p>
            </div>
          </li>
        ))}
      </ol>
      <Button variant="secondary" size="large" block onClick={onBack}>
        {t('help.join.back')}
      </Button>
    </div>
  );
}
