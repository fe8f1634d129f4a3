import type { useT } from '../../i18n';

/** "1 förändringsidé · 2 PGSA-cykler · 1 mätetal", each part with its own plural. */
export function countsLine(t: ReturnType<typeof useT>, s: { readonly changeIdeas: number; readonly cycles: number; readonly measures: number }): string {
  return [
    t('improvements.home.countIdeas', { count: s.changeIdeas }),
    t('improvements.home.countCycles', { count: s.cycles }),
    t('improvements.home.countMeasures', { count: s.measures }),
  ].join(' · ');
}
