/** How far a PDSA cycle has come, from what is filled in (for the tabs' marks and the cycle's line). */
import type { PdsaCycle } from '../../../core/improvement/model';

export const PARTS = ['plan', 'do', 'study', 'act'] as const;
export type Part = (typeof PARTS)[number];

const filled = (text: string) => text.trim().length > 0;

export function partStarted(cycle: PdsaCycle, part: Part): boolean {
  switch (part) {
    case 'plan':
      return filled(cycle.plan.objective) || cycle.plan.questions.length > 0 || filled(cycle.plan.what);
    case 'do':
      return filled(cycle.do.whatHappened) || filled(cycle.do.observations) || cycle.do.endDate !== null;
    case 'study':
      return filled(cycle.study.learning) || filled(cycle.study.summary) || cycle.study.improved !== null || cycle.study.results.some((r) => filled(r.result));
    case 'act':
      return cycle.act.decision !== null || filled(cycle.act.nextSteps);
  }
}

/**
 * Where the cycle is now: the furthest part with something in it (a team may study and act without
 * writing up "Göra"), or Planera for a new cycle. The cycle opens there.
 */
export function currentPart(cycle: PdsaCycle): Part {
  return [...PARTS].reverse().find((part) => partStarted(cycle, part)) ?? 'plan';
}
