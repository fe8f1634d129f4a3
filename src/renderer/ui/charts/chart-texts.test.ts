/**
 * The run chart says the same thing on screen (i18next, charts.runChart.message) and in the
 * exports (core RUN_CHART_MESSAGES): the two tables must be identical, key for key.
 */
import { describe, expect, it } from 'vitest';
import type { RunChartMessage } from '../../../core/improvement/run-chart-rules';
import { describeMessage, formatMessageParams, messageCount, PLAIN_FORMATTERS, RUN_CHART_LABELS, RUN_CHART_MESSAGES } from '../../../core/improvement/run-chart-rules-texts';
import en from '../../i18n/locales/en.json';
import sv from '../../i18n/locales/sv.json';

describe('run-chart message texts', () => {
  it('match the core texts in Swedish and English', () => {
    expect(sv.charts.runChart.message).toEqual(RUN_CHART_MESSAGES.sv);
    expect(en.charts.runChart.message).toEqual(RUN_CHART_MESSAGES.en);
  });

  it('has the same chart labels (median, legend, unit, direction) as the core', () => {
    for (const [lang, locale] of [['sv', sv], ['en', en]] as const) {
      const { median, signalLegend, unit, direction } = locale.charts.runChart;
      expect({ median, signalLegend, unit, direction }).toEqual(RUN_CHART_LABELS[lang]);
    }
  });
});

describe('counted run-chart messages on screen', () => {
  it('i18next picks the same singular and plural as the report (0, 1, 2)', async () => {
    const { createInstance } = await import('i18next');
    const i18n = createInstance();
    await i18n.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: 'sv', interpolation: { escapeValue: false }, initAsync: false });
    const messages: RunChartMessage[] = [0, 1, 2].flatMap((n): RunChartMessage[] => [
      { key: 'tooFewPoints', params: { n } },
      { key: 'tooFewUseful', params: { useful: n } },
      { key: 'median', params: { median: 5, total: n } },
      { key: 'medianBaseline', params: { median: 5, baseline: n, total: 12 } },
    ]);
    for (const lang of ['sv', 'en'] as const) {
      const t = i18n.getFixedT(lang);
      for (const m of messages) {
        const count = messageCount(m);
        const screen = t(`charts.runChart.message.${m.key}`, { ...formatMessageParams(m.params, PLAIN_FORMATTERS), count });
        expect(screen).toBe(describeMessage(m, lang, PLAIN_FORMATTERS));
      }
    }
    expect(i18n.getFixedT('sv')('charts.runChart.message.tooFewPoints', { n: 1, count: 1 })).toMatch(/^Bara 1 punkt:/);
  });
});
