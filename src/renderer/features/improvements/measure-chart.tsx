/**
 * A measure's run chart: the shared chart (median, cycle starts marked, signals in words, a table
 * alternative and "Spara som bild") fed with the measure's points and its cycles' start dates.
 * With several change ideas a marker reads "B·8" (idea B's 8th cycle: cycles are numbered per
 * idea) and a key under the chart names the ideas, as in the report (core/improvement/cycle-markers).
 */
import { useMemo } from 'react';
import { cycleCode, type CycleMarker } from '../../../core/improvement/cycle-markers';
import type { Measure } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { RunChart } from '../../ui/charts';

export interface MeasureChartProps {
  readonly measure: Measure;
  readonly annotations: readonly Pick<CycleMarker, 'date' | 'number' | 'letter'>[];
  /** The change ideas the markers' letters stand for (empty with a single idea). */
  readonly ideaKey?: readonly { letter: string; text: string }[];
}

export function MeasureChart({ measure, annotations, ideaKey = [] }: MeasureChartProps) {
  const t = useT();
  const points = useMemo(
    () => measure.points.map((p) => ({ date: p.date, value: p.value, ...(p.note ? { note: p.note } : {}) })),
    [measure.points],
  );
  const marks = useMemo(
    () => annotations.map((a) => ({ date: a.date, label: a.letter ? cycleCode(a.number, a.letter) : t('improvements.cycle.name', { n: a.number }) })),
    [annotations, t],
  );
  if (points.length === 0) return <p className="muted">{t('improvements.q2.noPoints')}</p>;
  return (
    <RunChart
      measure={measure.name}
      {...(measure.unit ? { unit: measure.unit } : {})}
      points={points}
      direction={measure.direction}
      annotations={marks}
      {...(ideaKey.length > 0 ? { annotationKey: t('improvements.markerKey', { ideas: ideaKey.map((k) => `${k.letter} = ${k.text}`).join('; ') }) } : {})}
      {...(measure.baselinePoints ? { baselinePoints: measure.baselinePoints } : {})}
    />
  );
}
