import type { RunChartAnnotation } from '../../../core/charts/run-chart-layout';
import type { RunChartAnalysis, SignalKind } from '../../../core/improvement/run-chart-rules';
import { useLanguage, useT } from '../../i18n';
import { formatChartNumber, formatFullDate } from './chart-format';

interface Row {
  readonly kind: 'point' | 'change';
  readonly date: string;
  readonly index: number;
  readonly label?: string;
}

/** Points and cycle starts in date order; a change dated on a point's day comes before the point. */
function rows(analysis: RunChartAnalysis, annotations: readonly RunChartAnnotation[]): Row[] {
  const all: Row[] = [
    ...analysis.points.map((p, index): Row => ({ kind: 'point', date: p.date, index })),
    ...annotations.map((a, index): Row => ({ kind: 'change', date: a.date, index, label: a.label })),
  ];
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? a.index - b.index : a.kind === 'change' ? -1 : 1));
}

/** The run chart's table alternative: date, value, note and the signals each point is part of. */
export function RunChartTable({ measure, analysis, annotations }: { readonly measure: string; readonly analysis: RunChartAnalysis; readonly annotations: readonly RunChartAnnotation[] }) {
  const t = useT();
  const language = useLanguage();
  const kinds = (list: readonly SignalKind[]) => (list.length ? list.map((k) => t(`charts.runChart.kind.${k as 'shift' | 'trend' | 'astronomical'}`)).join(', ') : t('charts.runChart.noSignal'));
  return (
    <table className="chart-table" data-testid="run-chart-table">
      <caption>{t('charts.runChart.tableCaption', { measure })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('charts.runChart.colDate')}</th>
          <th scope="col">{t('charts.runChart.colValue')}</th>
          <th scope="col">{t('charts.runChart.colNote')}</th>
          <th scope="col">{t('charts.runChart.colSignals')}</th>
        </tr>
      </thead>
      <tbody>
        {rows(analysis, annotations).map((row) => {
          if (row.kind === 'change') {
            return (
              <tr key={`c${row.index}`} className="chart-table-change">
                <th scope="row">{formatFullDate(row.date, language)}</th>
                <td colSpan={3}>{t('charts.runChart.changeStarted', { label: row.label ?? '' })}</td>
              </tr>
            );
          }
          const point = analysis.points[row.index];
          const signals = analysis.pointSignals[row.index] ?? [];
          return (
            <tr key={`p${row.index}`} className={signals.length ? 'chart-table-signal' : undefined}>
              <th scope="row">{formatFullDate(row.date, language)}</th>
              <td className="chart-table-number">{point ? formatChartNumber(point.value, language) : ''}</td>
              <td>{point?.note ?? ''}</td>
              <td>{kinds(signals)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
