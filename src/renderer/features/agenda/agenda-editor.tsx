import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import {
  moveStep,
  removeStep,
  repeatStep,
  schedule,
  setStepSkipped,
  type Step,
} from '../../../core/workshop/agenda';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { EmptyState } from '../../ui/notice';
import { PlanHandoutButton } from '../handouts/plan-handout-button';
import { AgendaStepRow } from './agenda-step-row';
import { AgendaSummary } from './agenda-summary';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { StepDialog } from './step-dialog';
import { useAgenda, useNow } from './use-agenda';
import { useDragReorder } from './use-drag-reorder';
import './agenda.css';

export interface AgendaEditorProps {
  readonly control: Y.Doc;
  readonly currentStepId: string | null;
  /** When the workshop starts (ms); default: now, following the clock. */
  readonly startsAt?: number;
  /** The session, for printing instrument steps' handouts while planning. */
  readonly sessionId?: string;
}

type Editing = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly stepId: string } | null;

/** After a change that re-renders the list, which control should have focus. */
interface PendingFocus {
  readonly stepId: string | null;
  readonly key: string;
}

/**
 * The planning view of a session's agenda. Every write goes through the core (agenda.ts), which
 * tags it with FACILITATOR_ORIGIN, so the run view's undo covers it and other windows see it live.
 */
export function AgendaEditor({ control, currentStepId, startsAt, sessionId }: AgendaEditorProps) {
  const t = useT();
  const announce = useAnnounce();
  const headingId = useId();
  const keyHintId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const steps = useAgenda(control);
  const now = useNow(startsAt === undefined);
  const start = startsAt ?? now;
  const plan = useMemo(() => schedule(steps, start), [steps, start]);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Step | null>(null);
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);

  useEffect(() => {
    if (!pendingFocus) return;
    setPendingFocus(null);
    focusControl(sectionRef.current, pendingFocus);
  }, [pendingFocus, steps]);

  function move(step: Step, to: number, byKeyboard: boolean): void {
    const count = steps.length;
    if (to < 0 || to >= count || !moveStep(control, step.id, to)) return;
    announce(t('agenda.moved', { title: step.title, position: to + 1, count }));
    if (byKeyboard) setPendingFocus({ stepId: step.id, key: focusKeyAfterMove(to, count) });
  }

  const drag = useDragReorder((id, _from, to) => {
    const step = steps.find((s) => s.id === id);
    if (step) move(step, to, false);
  });

  function toggleSkip(step: Step): void {
    setStepSkipped(control, step.id, !step.skipped);
    announce(t(step.skipped ? 'agenda.unskipped' : 'agenda.skippedNow', { title: step.title }));
  }

  function repeat(step: Step): void {
    const copy = repeatStep(control, step.id);
    if (!copy) return;
    announce(t('agenda.repeated', { title: step.title }));
    setPendingFocus({ stepId: copy.id, key: 'row' });
  }

  function confirmRemove(): void {
    if (!removing) return;
    const index = steps.findIndex((s) => s.id === removing.id);
    const neighbour = steps[index + 1] ?? steps[index - 1] ?? null;
    removeStep(control, removing.id);
    announce(t('agenda.removed', { title: removing.title }));
    setRemoving(null);
    setPendingFocus({ stepId: neighbour?.id ?? null, key: 'row' });
  }

  const editingStep = editing?.kind === 'edit' ? (steps.find((s) => s.id === editing.stepId) ?? null) : null;

  return (
    <section
      ref={sectionRef}
      className="agenda-editor stack"
      aria-labelledby={headingId}
      data-testid="agenda-editor"
    >
      <div className="row-between">
        <h2 id={headingId}>{t('agenda.heading')}</h2>
        <Button data-focus-key="add" onClick={() => setEditing({ kind: 'add' })}>
          {t('agenda.addStep')}
        </Button>
      </div>
      <AgendaSummary steps={steps} startsAt={start} endsAt={plan.endsAt} />
      <p id={keyHintId} className="muted small agenda-key-hint">
        {t('agenda.reorderHint')}
      </p>
      {steps.length === 0 ? (
        <EmptyState title={t('agenda.emptyTitle')} headingLevel={3}>
          <p>{t('agenda.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ol className="plain-list agenda-list" aria-labelledby={headingId}>
          {steps.map((step, index) => (
            <AgendaStepRow
              key={step.id}
              step={step}
              index={index}
              count={steps.length}
              plannedStart={plan.starts.get(step.id)}
              current={step.id === currentStepId}
              dragging={drag.draggingId === step.id}
              dropEdge={drag.target?.index === index ? (drag.target.after ? 'after' : 'before') : null}
              dragProps={drag.rowProps(step.id, index)}
              keyHintId={keyHintId}
              onMove={(delta) => move(step, index + delta, true)}
              onEdit={() => setEditing({ kind: 'edit', stepId: step.id })}
              onToggleSkip={() => toggleSkip(step)}
              onRepeat={() => repeat(step)}
              onRemove={() => setRemoving(step)}
              extraActions={sessionId ? <PlanHandoutButton sessionId={sessionId} step={step} /> : null}
            />
          ))}
        </ol>
      )}
      <StepDialog
        key={editing?.kind === 'edit' ? editing.stepId : 'add'}
        control={control}
        steps={steps}
        step={editingStep}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(_id, title, added) => announce(t(added ? 'agenda.added' : 'agenda.saved', { title }))}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('agenda.removeTitle')}
        body={t('agenda.removeBody', { title: removing?.title ?? '' })}
        confirmLabel={t('agenda.removeConfirm')}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}

/**
 * What keeps focus after a keyboard move: the control that had it (the row, or its move button),
 * unless that button became disabled at the end of the list, then the other direction's.
 */
function focusKeyAfterMove(to: number, count: number): string {
  const active = document.activeElement?.closest('[data-focus-key]')?.getAttribute('data-focus-key');
  if (active === 'up' && to === 0) return 'down';
  if (active === 'down' && to === count - 1) return 'up';
  return active ?? 'row';
}

function focusControl(section: HTMLElement | null, pending: PendingFocus): void {
  const row = pending.stepId
    ? section?.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(pending.stepId)}"]`)
    : null;
  if (!row) {
    section?.querySelector<HTMLElement>('[data-focus-key="add"]')?.focus();
    return;
  }
  const target =
    pending.key === 'row' ? row : row.querySelector<HTMLElement>(`[data-focus-key="${pending.key}"]`);
  (target ?? row).focus();
}
