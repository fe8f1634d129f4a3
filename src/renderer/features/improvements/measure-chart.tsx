/**
 * A measure's run chart: the shared chart (median, cycle starts marked, signals in words, a table
 * alternative and "Spara som bild") fed with the measure's points and its cycles' start dates.
 */
import { useMemo } from 'react';
import type { Measure } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { RunChart } from '../../ui/charts';

export interface MeasureChartProps {
  readonly measure: Measure;
  readonly annotations: readonly { date: string; number: number }[];
}

export function MeasureChart({ measure, annotations }: MeasureChartProps) {
  const t = useT();
  const points = useMemo(
    () => measure.points.map((p) => ({ date: p.date, value: p.value, ...(p.note ? { note: p.note } : {}) })),
    [measure.points],
  );
  const marks = useMemo(() => annotations.map((a) => ({ date: a.date, label: t('improvements.cycle.name', { n: a.number }) })), [annotations, t]);
  if (points.length === 0) return <p className="muted">{t('improvements.q2.noPoints')}</p>;
  return (
    <RunChart
      measure={measure.name}
      {...(measure.unit ? { unit: measure.unit } : {})}
      points={points}
      direction={measure.direction}
      annotations={marks}
      {...(measure.baselinePoints ? { baselinePoints: measure.baselinePoints } : {})}
    />
  );
}
