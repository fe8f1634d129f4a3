/**
 * Small immutable edits of an improvement as it is being edited (the draft). Each returns a new
 * value and never changes its input, so "has this been edited since the last save?" is a
 * reference comparison and a save in flight can never see half an edit.
 */
import { createItemId } from '../../../core/ids';
import { newCycle, type ChangeIdea, type Improvement, type Measure, type PdsaCycle } from '../../../core/improvement/model';

export type Edit = (improvement: Improvement) => Improvement;

export function editCycle(cycleId: string, change: (cycle: PdsaCycle) => PdsaCycle): Edit {
  return (improvement) => ({
    ...improvement,
    cycles: improvement.cycles.map((c) => (c.id === cycleId ? change(c) : c)),
  });
}

export function editMeasure(measureId: string, change: (measure: Measure) => Measure): Edit {
  return (improvement) => ({
    ...improvement,
    measures: improvement.measures.map((m) => (m.id === measureId ? change(m) : m)),
  });
}

export function editChangeIdea(ideaId: string, change: (idea: ChangeIdea) => ChangeIdea): Edit {
  return (improvement) => ({
    ...improvement,
    changeIdeas: improvement.changeIdeas.map((i) => (i.id === ideaId ? change(i) : i)),
  });
}

/** Adds the next cycle in a change idea's series (PGSA n+1), with the measures of the last one. */
export function addCycle(ideaId: string, sessionId: string | null, now: number): { edit: Edit; cycleId: string } {
  const cycleId = createItemId();
  return {
    cycleId,
    edit: (improvement) => {
      const cycle = newCycle(improvement, ideaId, cycleId, sessionId, now);
      const previous = improvement.cycles.filter((c) => c.changeIdeaId === ideaId).at(-1);
      return { ...improvement, cycles: [...improvement.cycles, { ...cycle, measureIds: previous ? [...previous.measureIds] : [] }] };
    },
  };
}

export function removeCycle(cycleId: string): Edit {
  return (improvement) => ({ ...improvement, cycles: improvement.cycles.filter((c) => c.id !== cycleId) });
}

export function removeChangeIdea(ideaId: string): Edit {
  return (improvement) => ({
    ...improvement,
    changeIdeas: improvement.changeIdeas.filter((i) => i.id !== ideaId),
    cycles: improvement.cycles.filter((c) => c.changeIdeaId !== ideaId),
  });
}

/** Removing a measure also unlinks it from every cycle (the model refuses dangling ids). */
export function removeMeasure(measureId: string): Edit {
  return (improvement) => ({
    ...improvement,
    measures: improvement.measures.filter((m) => m.id !== measureId),
    cycles: improvement.cycles.map((c) => ({ ...c, measureIds: c.measureIds.filter((id) => id !== measureId) })),
  });
}

export function addChangeIdeaText(text: string, now: number): Edit {
  return (improvement) => ({
    ...improvement,
    changeIdeas: [...improvement.changeIdeas, { id: createItemId(), text: text.trim(), createdAt: now, origins: [] }],
  });
}

export function addPoints(
  measureId: string,
  points: readonly { date: string; value: number; note?: string }[],
  sessionId: string | null,
): Edit {
  return editMeasure(measureId, (measure) => ({
    ...measure,
    points: [
      ...measure.points,
      ...points.map((p) => ({
        id: createItemId(),
        date: p.date,
        value: p.value,
        ...(p.note ? { note: p.note } : {}),
        sessionId,
      })),
    ],
  }));
}

/**
 * Keeps a study result per plan question in step with the questions: one result for each, in order.
 * (The model refuses a result for a question that no longer exists.)
 */
export function syncResults(cycle: PdsaCycle): PdsaCycle {
  const byQuestion = new Map(cycle.study.results.map((r) => [r.questionId, r.result]));
  const results = cycle.plan.questions.map((q) => ({ questionId: q.id, result: byQuestion.get(q.id) ?? '' }));
  return { ...cycle, study: { ...cycle.study, results } };
}
