/**
 * The run chart on screen.
 *
 *   <RunChart
 *     measure="Andel patienter som vet sitt nästa steg"   // chart title (the measure's name)
 *     unit="%"                                            // optional
 *     points={[{ date: '2026-03-03', value: 42, note: 'optional' }, …]}  // any order
 *     direction="up"                                      // 'up' | 'down': which way is better
 *     annotations={[{ date: '2026-03-10', label: 'PGSA 1' }]}            // optional cycle markers
 *     baselinePoints={8}                                  // optional: median over the first N points
 *   />
 *
 * Draws the chart (median, cycle markers, signal points as diamonds), says under it in words what
 * the run-chart rules see, and offers "Visa som tabell" (date, value, note, signals in words, cycle
 * starts) and "Spara som bild" (SVG, PNG). The analysis, layout and shapes are the core's, so the
 * picture and the words match the exports exactly.
 */
import { useId, useMemo, useState } from 'react';
import type { RunChartAnnotation } from '../../../core/charts/run-chart-layout';
import { layoutRunChart } from '../../../core/charts/run-chart-layout';
import { runChartScene } from '../../../core/charts/run-chart-scene';
import { sceneToSvg } from '../../../core/charts/svg';
import { analyseRunChart, type ImprovementDirection, type RunChartMessage, type RunChartPoint } from '../../../core/improvement/run-chart-rules';
import { formatMessageParams, messageCount } from '../../../core/improvement/run-chart-rules-texts';
import { useLanguage, useT } from '../../i18n';
import { ChartActions } from './chart-actions';
import { formatChartNumber, formatTickDate, messageFormatters } from './chart-format';
import { RunChartTable } from './run-chart-table';
import { SceneSvg } from './scene-svg';
import './charts.css';

export type { RunChartAnnotation, RunChartPoint, ImprovementDirection };

export interface RunChartProps {
  /** The measure's name: the chart's title. */
  readonly measure: string;
  readonly unit?: string;
  readonly points: readonly RunChartPoint[];
  readonly direction: ImprovementDirection;
  readonly annotations?: readonly RunChartAnnotation[];
  /** Median over the first N points; default all. */
  readonly baselinePoints?: number;
  /** What the markers' short labels stand for (e.g. "A = …; B = …" for "A·1", "B·1"), shown right under the chart. */
  readonly annotationKey?: string;
  /** Drawing size in px; the chart scales to its container's width. Default 720 × 380. */
  readonly width?: number;
  readonly height?: number;
}

/** One finding in words, in the UI language. */
export function useRunChartSentence(): (message: RunChartMessage) => string {
  const t = useT();
  const language = useLanguage();
  return (message) => {
    // A counted message ("1 punkt" / "2 punkter") has _one/_other forms; i18next picks one by `count`.
    const count = messageCount(message);
    return t(`charts.runChart.message.${message.key}`, { ...formatMessageParams(message.params, messageFormatters(language)), ...(count === undefined ? {} : { count }) });
  };
}

export function RunChart({ measure, unit, points, direction, annotations = [], baselinePoints, annotationKey, width = 720, height = 380 }: RunChartProps) {
  const t = useT();
  const language = useLanguage();
  const sentence = useRunChartSentence();
  const id = useId();
  const [tableOpen, setTableOpen] = useState(false);
  const analysis = useMemo(() => analyseRunChart(points, { direction, ...(baselinePoints ? { baselinePoints } : {}) }), [points, direction, baselinePoints]);
  const sentences = analysis.messages.map(sentence);
  // Cheap to lay out (a few hundred points at most), so it follows every render and language change.
  const scene = runChartScene(
    layoutRunChart({
      analysis,
      title: measure,
      ...(unit ? { unit: t('charts.runChart.unit', { unit }) } : {}),
      subtitle: t(`charts.runChart.direction.${direction}`),
      annotations,
      description: sentences.join(' '),
      medianLabel: t('charts.runChart.median'),
      signalLegend: t('charts.runChart.signalLegend'),
      width,
      height,
      formatDate: (iso, tickUnit) => formatTickDate(iso, tickUnit, language),
      formatValue: (v) => formatChartNumber(v, language),
    }),
  );
  const tableId = `${id}-table`;
  return (
    <figure className="chart-figure run-chart-figure" data-testid="run-chart">
      <div className="chart-frame">
        <SceneSvg scene={scene} idPrefix={`${id}rc`} />
      </div>
      <figcaption className="chart-summary">
        {annotationKey ? (
          <p className="chart-key" data-testid="run-chart-key">
            {annotationKey}
          </p>
        ) : null}
        <h4 className="chart-summary-heading">{t('charts.runChart.summary')}</h4>
        <ul className="chart-summary-list" data-testid="run-chart-signals">
          {analysis.messages.map((m, i) => (
            <li key={`${m.key}-${i}`} className={`chart-message chart-message-${m.key}`}>
              {sentences[i]}
            </li>
          ))}
        </ul>
      </figcaption>
      <ChartActions
        svg={() => sceneToSvg(scene, { idPrefix: 'run-chart-' })}
        width={scene.width}
        height={scene.height}
        fileName={measure}
        table={{ open: tableOpen, controls: tableId, onToggle: () => setTableOpen((v) => !v) }}
      />
      <div id={tableId} hidden={!tableOpen}>
        {tableOpen ? <RunChartTable measure={measure} analysis={analysis} annotations={annotations} /> : null}
      </div>
    </figure>
  );
}
