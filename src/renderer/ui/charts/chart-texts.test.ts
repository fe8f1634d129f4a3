/**
 * The run chart says the same thing on screen (i18next, charts.runChart.message) and in the
 * exports (core RUN_CHART_MESSAGES): the two tables must be identical, key for key.
 */
import { describe, expect, it } from 'vitest';
import { RUN_CHART_LABELS, RUN_CHART_MESSAGES } from '../../../core/improvement/run-chart-rules-texts';
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
