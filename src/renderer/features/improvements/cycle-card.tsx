import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Improvement, PdsaCycle } from '../../../core/improvement/model';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { editCycle, removeCycle, type Edit } from './edit-improvement';
import { PARTS, currentPart, partStarted, type Part } from './cycle-status';
import { formatIsoDate } from './format';
import { ActPart, DoPart, StudyPart } from './later-parts';
import { PlanPart } from './plan-part';

interface Props {
  readonly improvement: Improvement;
  readonly cycle: PdsaCycle;
  readonly edit: (change: Edit) => void;
  readonly initiallyOpen: boolean;
  readonly onNextCycle: () => void;
  readonly hasNext: boolean;
}

/**
 * One PDSA cycle ("PGSA 2"): a line that opens into the four parts as steps of one progression,
 * Planera → Göra → Studera → Agera, one shown at a time with a way on to the next.
 */
export function CycleCard({ improvement, cycle, edit, initiallyOpen, onNextCycle, hasNext }: Props) {
  const t = useT();
  const lang = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const [part, setPart] = useState<Part>(() => currentPart(cycle));
  const [removing, setRemoving] = useState(false);
  const tabs = useRef<Partial<Record<Part, HTMLButtonElement | null>>>({});
  const change = (next: (c: PdsaCycle) => PdsaCycle) => edit(editCycle(cycle.id, next));
  const name = t('improvements.cycle.name', { n: cycle.number });

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = PARTS[(PARTS.indexOf(part) + step + PARTS.length) % PARTS.length] ?? part;
    setPart(next);
    tabs.current[next]?.focus();
  }

  const nextPart = PARTS[PARTS.indexOf(part) + 1];
  const facts = [
    cycle.plan.startDate ? t('improvements.cycle.started', { date: formatIsoDate(cycle.plan.startDate, lang) }) : null,
    t('improvements.cycle.phase', { part: t(`improvements.part.${currentPart(cycle)}`) }),
    cycle.act.decision ? t(`improvements.decision.${cycle.act.decision}`) : null,
  ].filter(Boolean);

  return (
    <li className={open ? 'cycle-card is-open' : 'cycle-card'} data-testid="cycle">
      <div className="cycle-line">
        <button type="button" className="cycle-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span className="cycle-chevron" aria-hidden="true" />
          <span className="cycle-badge">{name}</span>
          <span className="cycle-title">{cycle.title || t('improvements.cycle.untitled')}</span>
          <span className="cycle-facts muted small">{facts.join(' · ')}</span>
        </button>
        <ol className="cycle-dots" aria-label={t('improvements.cycle.progress')}>
          {PARTS.map((p) => (
            <li key={p} className={partStarted(cycle, p) ? 'is-started' : undefined}>
              <span className="visually-hidden">
                {t(`improvements.part.${p}`)}: {partStarted(cycle, p) ? t('improvements.cycle.started2') : t('improvements.cycle.notStarted')}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <div id={`${id}-body`} hidden={!open} className="cycle-body">
        {open ? (
          <>
            <div role="tablist" aria-label={t('improvements.cycle.parts', { name })} className="part-tabs">
              {PARTS.map((p, index) => (
                <button
                  key={p}
                  ref={(el) => {
                    tabs.current[p] = el;
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-${p}-tab`}
                  aria-selected={part === p}
                  aria-controls={`${id}-${p}-panel`}
                  tabIndex={part === p ? 0 : -1}
                  className={`part-tab part-${p}${partStarted(cycle, p) ? ' is-started' : ''}`}
                  onClick={() => setPart(p)}
                  onKeyDown={onKeyDown}
                >
                  <span className="part-step" aria-hidden="true">
                    {partStarted(cycle, p) ? '✓' : index + 1}
                  </span>
                  <span className="part-name">{t(`improvements.part.${p}`)}</span>
                  <span className="part-en" aria-hidden="true">
                    {t(`improvements.partEn.${p}`)}
                  </span>
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`${id}-${part}-panel`} aria-labelledby={`${id}-${part}-tab`} className={`part-panel part-${part}`}>
              <p className="part-lead">{t(`improvements.partLead.${part}`)}</p>
              {part === 'plan' ? <PlanPart improvement={improvement} cycle={cycle} change={change} /> : null}
              {part === 'do' ? <DoPart cycle={cycle} change={change} /> : null}
              {part === 'study' ? <StudyPart cycle={cycle} change={change} /> : null}
              {part === 'act' ? <ActPart cycle={cycle} change={change} onNextCycle={onNextCycle} hasNext={hasNext} /> : null}
              <div className="row-between part-foot">
                <Button variant="quiet" onClick={() => setRemoving(true)} aria-label={t('improvements.cycle.removeNamed', { name })}>
                  {t('improvements.cycle.remove')}
                </Button>
                {nextPart ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setPart(nextPart);
                      tabs.current[nextPart]?.focus();
                    }}
                  >
                    {t('improvements.cycle.onTo', { part: t(`improvements.part.${nextPart}`) })}
                  </Button>
                ) : null}
              </div>
            </div>
          </>
        ) : null}
      </div>
      <ConfirmDialog
        open={removing}
        title={t('improvements.cycle.removeTitle', { name })}
        body={t('improvements.cycle.removeBody')}
        confirmLabel={t('improvements.cycle.remove')}
        onConfirm={() => {
          setRemoving(false);
          edit(removeCycle(cycle.id));
        }}
        onClose={() => setRemoving(false)}
      />
    </li>
  );
}
