/**
 * PLACEHOLDER until the shared run-chart component (src/renderer/ui/charts/run-chart.tsx) lands:
 * the points as a plain table, so the screen is usable and testable meanwhile.
 */
import type { Measure } from '../../../core/improvement/model';
import { pointsByDate } from '../../../core/improvement/model';
import { useLanguage, useT } from '../../i18n';
import { formatIsoDate, formatNumber } from './format';

export interface MeasureChartProps {
  readonly measure: Measure;
  readonly annotations: readonly { date: string; number: number }[];
}

export function MeasureChart({ measure }: MeasureChartProps) {
  const t = useT();
  const lang = useLanguage();
  const points = pointsByDate(measure);
  if (points.length === 0) return <p className="muted">{t('improvements.q2.noPoints')}</p>;
  return (
    <table className="points-table">
      <caption>{measure.name}</caption>
      <tbody>
        {points.map((p) => (
          <tr key={p.id}>
            <td>{formatIsoDate(p.date, lang)}</td>
            <td className="num">{formatNumber(p.value, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
