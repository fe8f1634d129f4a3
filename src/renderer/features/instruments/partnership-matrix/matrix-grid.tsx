import type { PackOf } from '../../../../core/instruments/content-pack';
import { markCell } from '../../../../core/instruments/partnership-matrix';
import { MATRIX_LAYERS } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';

/**
 * The matrix as a table: places down, phases across; each cell says how many marked "I dag" and
 * "Nästa". A cell that counts (at least `minMarks`) is also drawn (solid bar for today, dashed
 * frame for next) and says so in words, so nothing depends on colour.
 */
export function MatrixGrid({ pack, counts, minMarks, showExamples, large = false }: {
  readonly pack: PackOf<'partnership-matrix'>;
  readonly counts: ReadonlyMap<string, number>;
  readonly minMarks: number;
  readonly showExamples: boolean;
  readonly large?: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="matrix-grid-wrap">
      <table className={large ? 'matrix-grid matrix-grid-large' : 'matrix-grid'} data-testid="matrix-grid">
        <caption>{t('matrix.grid.caption', { count: minMarks })}</caption>
        <thead>
          <tr>
            <td />
            {pack.content.phases.map((phase) => (
              <th key={phase.id} scope="col">{phase.label[lang]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pack.content.places.map((place) => (
            <tr key={place.id}>
              <th scope="row">{place.label[lang]}</th>
              {pack.content.phases.map((phase) => {
                const examples = pack.content.cells.find((c) => c.place === place.id && c.phase === phase.id)?.examples ?? [];
                const on = MATRIX_LAYERS.filter((layer) => (counts.get(markCell(layer, place.id, phase.id)) ?? 0) >= minMarks);
                return (
                  <td key={phase.id} className={['matrix-cell', ...on.map((l) => `counts-${l}`)].join(' ')}>
                    {MATRIX_LAYERS.map((layer) => {
                      const n = counts.get(markCell(layer, place.id, phase.id)) ?? 0;
                      const counted = n >= minMarks;
                      return (
                        <span key={layer} className={`matrix-count matrix-count-${layer}${counted ? ' is-counted' : ''}`}>
                          <span aria-hidden="true" className="matrix-symbol">{layer === 'today' ? '●' : '◆'}</span>
                          {t(counted ? 'matrix.grid.countCounted' : 'matrix.grid.count', { layer: t(`matrix.layer.${layer}`), count: n })}
                        </span>
                      );
                    })}
                    {showExamples && examples.length > 0 ? <span className="matrix-cell-examples">{examples.map((e) => e[lang]).join(', ')}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
