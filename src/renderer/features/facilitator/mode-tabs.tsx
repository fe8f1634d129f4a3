import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n';

export type Mode = 'plan' | 'run';
const MODES: readonly Mode[] = ['plan', 'run'];

export interface ModeTabsProps {
  readonly mode: Mode;
  readonly onChange: (mode: Mode) => void;
  readonly plan: ReactNode;
  readonly run: ReactNode;
  /** Controls shown at the end of the tab row (e.g. the projector buttons). */
  readonly extra?: ReactNode;
}

/**
 * "Planera" / "Genomför" as tabs (arrow keys move between them). Both panels stay mounted, so the
 * run's undo history and timer alarm live on while the facilitator adjusts the agenda.
 */
export function ModeTabs({ mode, onChange, plan, run, extra }: ModeTabsProps) {
  const t = useT();
  const id = useId();
  const refs = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    const index = MODES.indexOf(mode);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = MODES[(index + step + MODES.length) % MODES.length] ?? mode;
    onChange(next);
    refs.current[next]?.focus();
  }

  return (
    <div className="mode-tabs">
      <div className="mode-tabs-row">
      <div role="tablist" aria-label={t('run.modes')} className="mode-tablist">
        {MODES.map((m) => (
          <button
            key={m}
            ref={(el) => {
              refs.current[m] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${m}-tab`}
            aria-selected={mode === m}
            aria-controls={`${id}-${m}-panel`}
            tabIndex={mode === m ? 0 : -1}
            className="mode-tab"
            onClick={() => onChange(m)}
            onKeyDown={onKeyDown}
          >
            {t(`run.mode.${m}`)}
          </button>
        ))}
      </div>
      {extra}
      </div>
      {MODES.map((m) => (
        <div key={m} role="tabpanel" id={`${id}-${m}-panel`} aria-labelledby={`${id}-${m}-tab`} hidden={mode !== m}>
          {m === 'plan' ? plan : run}
        </div>
      ))}
    </div>
  );
}
