import { analyseRunChart } from '../../core/improvement/run-chart-rules';
import { RUN_CHART_LABELS } from '../../core/improvement/run-chart-rules-texts';
import { reportFormatters } from '../../core/report/improvement-section';
import { gapChartSvg, runChartSvg } from '../../core/charts/svg';
import type { SevenQuestionsResult } from '../../core/instruments/seven-questions-results';
import type { ReportLanguage, ReportMeasure, ReportSevenQuestionsResults } from '../../core/report/session-report';
import { chartSvgToPng } from './chart-images';
import type { ChartRequest } from './docx-pdf-blocks';
import type { ChartImage, ChartPainter } from './docx-pdf-charts';
import type { ExportFonts } from './fonts';

/**
 * Draws the report's charts with the shared chart layouts (src/core/charts → SVG → PNG through
 * resvg with the bundled font): the seven questions' gap chart and a measure's run chart.
 */
export function defaultChartPainter(fonts?: ExportFonts): ChartPainter {
  return (chart: ChartRequest, lang: ReportLanguage): ChartImage | null => {
    // A run chart's title is the measure's name; the alt text (name and findings) is its description.
    const svg = chart.kind === 'gap' ? gapSvg(chart.results, chart.alt, lang) : reportRunChartSvg(chart.measure, lang);
    if (!svg) return null;
    const png = chartSvgToPng(svg, fonts ? { fonts } : {});
    return { png: new Uint8Array(png.png), width: png.width, height: png.height, alt: chart.alt };
  };
}

/** The gap chart's own words ("svar" is the same in the singular; English is not). */
export const GAP_CHART_WORDS = {
  sv: { answers: (n: number) => `${n} svar`, gap: (p: number) => `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p)} p.e.` },
  en: { answers: (n: number) => (n === 1 ? `${n} answer` : `${n} answers`), gap: (p: number) => `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p)} pp` },
} as const;

/** The report's rows back into the published result the chart layout reads (counts under the same rule). */
function gapSvg(results: ReportSevenQuestionsResults, title: string, lang: ReportLanguage): string | null {
  if (!results.published || results.rows.length === 0) return null;
  const side = (s: 'patient' | 'staff') => ({
    respondents: results.respondents[s],
    questions: Object.fromEntries(results.rows.map((r) => [r.questionId, r[s].counts])),
    allJa: results.allJa[s],
  });
  const result: SevenQuestionsResult = {
    stepId: '',
    questionIds: results.rows.map((r) => r.questionId),
    threshold: results.threshold,
    publishedAt: 0,
    sides: { patient: side('patient'), staff: side('staff') },
  };
  const byId = new Map(results.rows.map((r) => [r.questionId, r]));
  return gapChartSvg({
    result,
    title,
    labels: {
      question: (id) => {
        const row = byId.get(id);
        return row ? `${row.no}. ${row.theme}` : id;
      },
      side: results.sideLabels,
      answer: results.answerLabels,
      tooFew: `${lang === 'sv' ? 'För få svar' : 'Too few answers'} (< ${results.threshold})`,
      answers: GAP_CHART_WORDS[lang].answers,
      gap: GAP_CHART_WORDS[lang].gap,
      gapHeading: lang === 'sv' ? 'Gap' : 'Gap',
    },
  });
}

/** A measure's run chart as the reports draw it: titled with the measure's name, its findings as the description. */
export function reportRunChartSvg(measure: ReportMeasure, lang: ReportLanguage): string | null {
  if (measure.points.length < 2) return null;
  const points = measure.points.map((p) => ({ date: p.date, value: p.value }));
  const analysis = analyseRunChart(points, { direction: measure.direction, ...(measure.baselinePoints ? { baselinePoints: measure.baselinePoints } : {}) });
  const labels = RUN_CHART_LABELS[lang];
  const format = reportFormatters(lang);
  return runChartSvg({
    analysis,
    title: measure.name,
    ...(measure.unit ? { unit: measure.unit } : {}),
    subtitle: labels.direction[measure.direction],
    annotations: measure.annotations,
    description: measure.findings.join(' '),
    signalLegend: labels.signalLegend,
    medianLabel: labels.median,
    formatDate: (iso, unit) => (unit === 'month' ? monthText(iso, lang) : format.date(iso)),
    formatValue: format.value,
  });
}

const MONTHS = {
  sv: ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** A month tick says the month (and the year in January), as the screen's chart does. */
function monthText(iso: string, lang: ReportLanguage): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const name = MONTHS[lang][month - 1] ?? iso;
  return month === 1 ? `${name} ${year}` : name;
}
