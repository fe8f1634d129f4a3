/**
 * The words for a run chart's findings, in Swedish and English, for the exports and the SVG's
 * `<desc>` (the host has no i18next). The renderer has the same templates in its locale files
 * under `charts.runChart.message`; a unit test (src/renderer/ui/charts/chart-texts.test.ts) keeps
 * the two identical, so the screen and the report never say different things.
 *
 * Templates use i18next's `{{name}}` interpolation; `formatMessageParams` turns ISO dates and raw
 * numbers into the reader's format first.
 *
 * A message whose words depend on a count ("1 punkt", "2 punkter") has two templates, `<key>_one`
 * and `<key>_other`, as i18next names plural forms: the screen passes the count as `count` and
 * i18next picks the form; `describeMessage` picks it the same way here (one for 1, other for the
 * rest, 0 included: the rule of both Swedish and English).
 */
import type { RunChartAnalysis, RunChartMessage, RunChartMessageKey, RunChartMessageParams } from './run-chart-rules';

export type ChartLanguage = 'sv' | 'en';

/** The messages that count something, and the parameter that holds the count. */
export const RUN_CHART_COUNTED = {
  median: 'total',
  medianBaseline: 'baseline',
  tooFewPoints: 'n',
  tooFewUseful: 'useful',
} as const satisfies Partial<Record<RunChartMessageKey, keyof RunChartMessageParams>>;

type CountedMessageKey = keyof typeof RUN_CHART_COUNTED;

/** A template's key: the message's key, or with `_one` / `_other` for the counted ones. */
export type RunChartTemplateKey = Exclude<RunChartMessageKey, CountedMessageKey> | `${CountedMessageKey}_one` | `${CountedMessageKey}_other`;

export const RUN_CHART_MESSAGES: Readonly<Record<ChartLanguage, Readonly<Record<RunChartTemplateKey, string>>>> = {
  sv: {
    noData: 'Inga mätvärden ännu.',
    median_one: 'Medianen är {{median}} (räknad på {{total}} punkt).',
    median_other: 'Medianen är {{median}} (räknad på alla {{total}} punkter).',
    medianBaseline_one: 'Medianen är {{median}}, räknad på den första av {{total}} punkter (baslinje).',
    medianBaseline_other: 'Medianen är {{median}}, räknad på de första {{baseline}} av {{total}} punkter (baslinje).',
    allEqual: 'Alla värden är lika ({{value}}): ingen variation att bedöma.',
    shiftAboveFavourable: '{{n}} punkter i rad över medianen från {{from}}: ett skifte i önskad riktning.',
    shiftAboveUnfavourable: '{{n}} punkter i rad över medianen från {{from}}: ett skifte åt fel håll.',
    shiftBelowFavourable: '{{n}} punkter i rad under medianen från {{from}}: ett skifte i önskad riktning.',
    shiftBelowUnfavourable: '{{n}} punkter i rad under medianen från {{from}}: ett skifte åt fel håll.',
    trendUpFavourable: '{{n}} punkter i rad stigande från {{from}}: en trend i önskad riktning.',
    trendUpUnfavourable: '{{n}} punkter i rad stigande från {{from}}: en trend åt fel håll.',
    trendDownFavourable: '{{n}} punkter i rad sjunkande från {{from}}: en trend i önskad riktning.',
    trendDownUnfavourable: '{{n}} punkter i rad sjunkande från {{from}}: en trend åt fel håll.',
    runsTooFew: 'För få serier: {{runs}}, där slumpen ger {{low}}–{{high}} vid {{useful}} punkter utanför medianen. Något har troligen förändrats.',
    runsTooMany: 'För många serier: {{runs}}, där slumpen ger {{low}}–{{high}} vid {{useful}} punkter utanför medianen. Värdena växlar mer än slumpen ger; kanske blandas två processer.',
    runsExpected: '{{runs}} serier, inom det slumpen ger ({{low}}–{{high}} vid {{useful}} punkter utanför medianen).',
    astronomicalHighFavourable: 'Värdet {{value}} den {{date}} ligger långt över de andra: en extrem punkt i önskad riktning.',
    astronomicalHighUnfavourable: 'Värdet {{value}} den {{date}} ligger långt över de andra: en extrem punkt åt fel håll.',
    astronomicalLowFavourable: 'Värdet {{value}} den {{date}} ligger långt under de andra: en extrem punkt i önskad riktning.',
    astronomicalLowUnfavourable: 'Värdet {{value}} den {{date}} ligger långt under de andra: en extrem punkt åt fel håll.',
    tooFewPoints_one: 'Bara {{n}} punkt: antalet serier och extrema punkter bedöms från 10 punkter.',
    tooFewPoints_other: 'Bara {{n}} punkter: antalet serier och extrema punkter bedöms från 10 punkter.',
    tooFewUseful_one: 'Bara {{useful}} punkt ligger utanför medianen: antalet serier bedöms från 10.',
    tooFewUseful_other: 'Bara {{useful}} punkter ligger utanför medianen: antalet serier bedöms från 10.',
    noSignal: 'Inga tecken på annat än slumpmässig variation enligt reglerna.',
  },
  en: {
    noData: 'No data points yet.',
    median_one: 'The median is {{median}} (from {{total}} point).',
    median_other: 'The median is {{median}} (from all {{total}} points).',
    medianBaseline_one: 'The median is {{median}}, from the first of {{total}} points (baseline).',
    medianBaseline_other: 'The median is {{median}}, from the first {{baseline}} of {{total}} points (baseline).',
    allEqual: 'All values are equal ({{value}}): no variation to judge.',
    shiftAboveFavourable: '{{n}} points in a row above the median from {{from}}: a shift in the desired direction.',
    shiftAboveUnfavourable: '{{n}} points in a row above the median from {{from}}: a shift the wrong way.',
    shiftBelowFavourable: '{{n}} points in a row below the median from {{from}}: a shift in the desired direction.',
    shiftBelowUnfavourable: '{{n}} points in a row below the median from {{from}}: a shift the wrong way.',
    trendUpFavourable: '{{n}} points in a row going up from {{from}}: a trend in the desired direction.',
    trendUpUnfavourable: '{{n}} points in a row going up from {{from}}: a trend the wrong way.',
    trendDownFavourable: '{{n}} points in a row going down from {{from}}: a trend in the desired direction.',
    trendDownUnfavourable: '{{n}} points in a row going down from {{from}}: a trend the wrong way.',
    runsTooFew: 'Too few runs: {{runs}}, where chance gives {{low}}–{{high}} with {{useful}} points off the median. Something has probably changed.',
    runsTooMany: 'Too many runs: {{runs}}, where chance gives {{low}}–{{high}} with {{useful}} points off the median. The values alternate more than chance would; two processes may be mixed.',
    runsExpected: '{{runs}} runs, within what chance gives ({{low}}–{{high}} with {{useful}} points off the median).',
    astronomicalHighFavourable: 'The value {{value}} on {{date}} is far above the others: an astronomical point in the desired direction.',
    astronomicalHighUnfavourable: 'The value {{value}} on {{date}} is far above the others: an astronomical point the wrong way.',
    astronomicalLowFavourable: 'The value {{value}} on {{date}} is far below the others: an astronomical point in the desired direction.',
    astronomicalLowUnfavourable: 'The value {{value}} on {{date}} is far below the others: an astronomical point the wrong way.',
    tooFewPoints_one: 'Only {{n}} point: the number of runs and astronomical points are judged from 10 points.',
    tooFewPoints_other: 'Only {{n}} points: the number of runs and astronomical points are judged from 10 points.',
    tooFewUseful_one: 'Only {{useful}} point lies off the median: the number of runs is judged from 10.',
    tooFewUseful_other: 'Only {{useful}} points lie off the median: the number of runs is judged from 10.',
    noSignal: 'No sign of anything but random variation under the rules.',
  },
};

/**
 * The chart's own words (the renderer has the same under `charts.runChart`; the parity test checks
 * them too), for exports drawing a run chart in either language.
 */
export const RUN_CHART_LABELS: Readonly<
  Record<ChartLanguage, { readonly median: string; readonly signalLegend: string; readonly unit: string; readonly direction: Readonly<Record<'up' | 'down', string>> }>
> = {
  sv: { median: 'Median', signalLegend: 'Del av en signal', unit: 'Enhet: {{unit}}', direction: { up: 'Högre är bättre', down: 'Lägre är bättre' } },
  en: { median: 'Median', signalLegend: 'Part of a signal', unit: 'Unit: {{unit}}', direction: { up: 'Higher is better', down: 'Lower is better' } },
};

export interface ParamFormatters {
  /** `YYYY-MM-DD` → the reader's date. */
  readonly date: (iso: string) => string;
  /** A measured value (or median) → the reader's number. */
  readonly value: (value: number) => string;
}

const DATE_PARAMS = ['from', 'to', 'date'] as const;
const VALUE_PARAMS = ['value', 'median'] as const;

/** The message's parameters ready for interpolation: dates and values formatted, counts as they are. */
export function formatMessageParams(params: RunChartMessageParams, format: ParamFormatters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(params) as [keyof RunChartMessageParams, string | number | undefined][]) {
    if (raw === undefined) continue;
    if ((DATE_PARAMS as readonly string[]).includes(key)) out[key] = format.date(String(raw));
    else if ((VALUE_PARAMS as readonly string[]).includes(key)) out[key] = format.value(Number(raw));
    else out[key] = raw;
  }
  return out;
}

/** `{{name}}` interpolation, as i18next does it (no escaping: the output is plain text). */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The count a message's wording depends on (i18next's `count`), or undefined when it has none. */
export function messageCount(message: RunChartMessage): number | undefined {
  const param = (RUN_CHART_COUNTED as Readonly<Partial<Record<RunChartMessageKey, keyof RunChartMessageParams>>>)[message.key];
  const value = param ? message.params[param] : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** The template for a message: its plural form when it counts something ("1 punkt" / "2 punkter"). */
export function messageTemplate(message: RunChartMessage, language: ChartLanguage): string {
  const table = RUN_CHART_MESSAGES[language];
  if (!(message.key in RUN_CHART_COUNTED)) return table[message.key as Exclude<RunChartMessageKey, CountedMessageKey>];
  const key = message.key as CountedMessageKey;
  return messageCount(message) === 1 ? table[`${key}_one`] : table[`${key}_other`];
}

/** One message in words. */
export function describeMessage(message: RunChartMessage, language: ChartLanguage, format: ParamFormatters): string {
  return interpolate(messageTemplate(message, language), formatMessageParams(message.params, format));
}

/** Everything the analysis says, one sentence per message, in reading order. */
export function describeRunChart(analysis: RunChartAnalysis, language: ChartLanguage, format: ParamFormatters): string[] {
  return analysis.messages.map((m) => describeMessage(m, language, format));
}

/** ISO date and plain number formatting, for when the caller has nothing better (tests, logs). */
export const PLAIN_FORMATTERS: ParamFormatters = {
  date: (iso) => iso,
  value: (value) => String(Math.round(value * 100) / 100),
};
