/**
 * PLACEHOLDER until the shared run-chart component (src/renderer/ui/charts/run-chart.tsx) lands:
 * what the run-chart rules say, in words, and the points as a table.
 */
import { useMemo } from 'react';
import type { Measure } from '../../../core/improvement/model';
import { pointsByDate } from '../../../core/improvement/model';
import { analyseRunChart } from '../../../core/improvement/run-chart-rules';
import { describeRunChart } from '../../../core/improvement/run-chart-rules-texts';
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
  const words = useMemo(() => {
    const analysis = analyseRunChart(
      points.map((p) => ({ date: p.date, value: p.value })),
      { direction: measure.direction, ...(measure.baselinePoints ? { baselinePoints: measure.baselinePoints } : {}) },
    );
    return describeRunChart(analysis, lang, { date: (iso) => formatIsoDate(iso, lang), value: (v) => formatNumber(v, lang) });
  }, [points, measure.direction, measure.baselinePoints, lang]);
  if (points.length === 0) return <p className="muted">{t('improvements.q2.noPoints')}</p>;
  return (
    <div className="stack-sm">
      <ul className="chart-words" data-testid="run-chart-signals">
        {words.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
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
    </div>
  );
}
