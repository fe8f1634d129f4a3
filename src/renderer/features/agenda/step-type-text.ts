/**
 * The words for step types. The registry (core/workshop/step-types.ts) holds ids only; a type a
 * later instrument registers before its translations exist falls back to its id, never to a blank.
 */
import type { useT } from '../../i18n';

type TFunction = ReturnType<typeof useT>;

const KNOWN_TYPES = [
  'note-board',
  'silent-writing',
  'grouping',
  'dot-voting',
  'info',
  'dialogue-cloth',
  'reflection',
  'seven-questions',
  'personas',
  'partnership-matrix',
  'complexity-sorting',
] as const;
type KnownType = (typeof KNOWN_TYPES)[number];

function isKnown(id: string): id is KnownType {
  return (KNOWN_TYPES as readonly string[]).includes(id);
}

export function stepTypeLabel(t: TFunction, id: string): string {
  return isKnown(id) ? t(`stepType.${id}.label`) : id;
}

export function stepTypeDescription(t: TFunction, id: string): string {
  return isKnown(id) ? t(`stepType.${id}.description`) : '';
}

/** "45 min", "1 tim 30 min", "2 tim" in the UI language. */
export function formatMinutes(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('agenda.minutes', { count: rest });
  if (rest === 0) return t('agenda.hours', { count: hours });
  return t('agenda.hoursMinutes', { hours, minutes: rest });
}
