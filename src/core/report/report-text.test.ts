import { describe, expect, it } from 'vitest';
import { votesText } from './improvement-section';
import { countText, reportText, type ReportTextKey } from './report-text';

describe('counting texts in the report', () => {
  const sv = reportText('sv');
  const en = reportText('en');

  it('says an origin’s votes in the singular for one and the plural otherwise', () => {
    expect([0, 1, 2].map((n) => votesText(n, 'sv'))).toEqual(['0 röster', '1 röst', '2 röster']);
    expect([0, 1, 2].map((n) => votesText(n, 'en'))).toEqual(['0 votes', '1 vote', '2 votes']);
  });

  it('counts participants and the small-group threshold the same way', () => {
    expect([0, 1, 2].map((n) => countText(en, 'participantsTotal', n))).toEqual(['0 participants in all', '1 participant in all', '2 participants in all']);
    expect([0, 1, 2].map((n) => countText(sv, 'participantsTotal', n))).toEqual(['Totalt 0 deltagare', 'Totalt 1 deltagare', 'Totalt 2 deltagare']);
    expect([0, 1, 2].map((n) => countText(sv, 'threshold', n))).toEqual([
      'Svar visas bara där minst 0 personer på samma sida har svarat.',
      'Svar visas bara där minst 1 person på samma sida har svarat.',
      'Svar visas bara där minst 2 personer på samma sida har svarat.',
    ]);
    expect(countText(en, 'threshold', 1)).toBe('Answers are shown only where at least 1 person on the same side answered.');
    expect(countText(en, 'threshold', 2)).toBe('Answers are shown only where at least 2 people on the same side answered.');
    expect([0, 1, 2].map((n) => countText(sv, 'unrevealed', n))).toEqual([
      '0 lappar som ännu inte visats för rummet ingår inte.',
      'En lapp som ännu inte visats för rummet ingår inte.',
      '2 lappar som ännu inte visats för rummet ingår inte.',
    ]);
  });

  /**
   * Every text with `{n}` either has a singular beside it (`<key>One`, used by countText) or uses
   * the number where no noun follows it (a step number, a percentage, "at most 3 each"). A new
   * counting text fails here until it gets its singular or is listed as not counting anything.
   */
  it('has a singular for every text that counts something', () => {
    const notCounting = new Set<ReportTextKey>(['unnamedParticipants', 'patientShare', 'stepHeading', 'votesSummary', 'minMarks', 'progressMidway', 'pageOf', 'cycleHeading', 'cycleMarker']);
    for (const t of [sv, en]) {
      const keys = Object.keys(t) as ReportTextKey[];
      const counting = keys.filter((k) => t[k].includes('{n}') && !k.endsWith('One') && !notCounting.has(k));
      expect(counting.filter((k) => !keys.includes(`${k}One` as ReportTextKey))).toEqual([]);
      expect(counting.sort()).toEqual(['participantsTotal', 'threshold', 'unrevealed', 'votesOnOrigin']);
    }
  });
});
