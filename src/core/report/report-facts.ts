import type * as Y from 'yjs';
import { FACILITATOR_ORIGIN } from '../workshop/origins';

/**
 * The facts of the report's title page that the session does not know by itself: where the
 * workshop was held, who facilitated and why it was held. The facilitator writes them in the export
 * dialog; they live beside the title in the control document's `session` map (the facilitator's
 * document, readable by the room like the title), so the JSON export and archives carry them too.
 */
export const PLACE_MAX = 200;
export const FACILITATORS_MAX = 300;
export const PURPOSE_MAX = 1000;

export interface ReportFacts {
  readonly place: string;
  /** Names as written, separated by commas ("Anna Ek, Bo Lind"). */
  readonly facilitators: string;
  readonly purpose: string;
}

function sessionMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap('session');
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join(', ');
  return '';
}

export function selectReportFacts(control: Y.Doc): ReportFacts {
  const map = sessionMap(control);
  return { place: text(map.get('place')), facilitators: text(map.get('facilitators')), purpose: text(map.get('purpose')) };
}

/** Writes the facts that changed (trimmed, cut to their limits); an emptied field is removed. */
export function writeReportFacts(control: Y.Doc, facts: ReportFacts): void {
  const current = selectReportFacts(control);
  const limits: Record<keyof ReportFacts, number> = { place: PLACE_MAX, facilitators: FACILITATORS_MAX, purpose: PURPOSE_MAX };
  control.transact(() => {
    const map = sessionMap(control);
    for (const key of ['place', 'facilitators', 'purpose'] as const) {
      const value = facts[key].trim().slice(0, limits[key]);
      if (value === current[key].trim()) continue;
      if (value === '') map.delete(key);
      else map.set(key, value);
    }
  }, FACILITATOR_ORIGIN);
}

/** The facilitators' names as a list. */
export function facilitatorNames(facts: ReportFacts): string[] {
  return facts.facilitators
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
