import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_ROLES } from '../roles';
import { isContentPack, packOfKind, parseContentPack } from './content-pack';
import { DEFAULT_SEVEN_QUESTIONS_CONFIG, SevenQuestionsConfigSchema, questionTexts, resolveSide, wordingForRole } from './seven-questions';
import { countTotal, gapRows, mayShow, publishResult, shareJa, toPoints } from './seven-questions-results';
import type { AnswerRecord } from './seven-questions-results';
import { SEVEN_QUESTION_IDS } from './vocabulary';
import type { Answer } from './vocabulary';

describe('the role → wording rule', () => {
  it('gives patients, relatives and patient representatives the patient wording', () => {
    expect(wordingForRole('patient')).toBe('patient');
    expect(wordingForRole('relative')).toBe('patient');
    expect(wordingForRole('patient-rep')).toBe('patient');
  });

  it('gives staff and facilitator assistants the care provider wording', () => {
    expect(wordingForRole('staff')).toBe('staff');
    expect(wordingForRole('facilitator-assistant')).toBe('staff');
  });

  it('lets role "other" choose, unless the facilitator fixed a side', () => {
    expect(wordingForRole('other')).toBe('choose');
    expect(wordingForRole('other', 'staff')).toBe('staff');
    expect(resolveSide('other', undefined)).toBe('choose-a-side');
    expect(resolveSide('other', 'patient')).toBe('patient');
    expect(resolveSide('other', 'patient', 'staff')).toBe('side-fixed-by-role');
  });

  it('refuses a side the role does not allow, and covers every role', () => {
    expect(resolveSide('patient', 'staff')).toBe('side-fixed-by-role');
    expect(resolveSide('staff', 'staff')).toBe('staff');
    expect(resolveSide('relative', undefined)).toBe('patient');
    for (const role of PARTICIPANT_ROLES) expect(['patient', 'staff', 'choose']).toContain(wordingForRole(role));
  });
});

const rec = (side: 'patient' | 'staff', ...answers: Answer[]): AnswerRecord => ({
  side,
  answers: Object.fromEntries(answers.map((a, i) => [SEVEN_QUESTION_IDS[i], a])),
});

describe('the gap arithmetic', () => {
  it('takes the share of ja among those who took a position, leaving vet inte out of the base', () => {
    expect(shareJa({ ja: 2, delvis: 1, nej: 1, 'vet-inte': 4 })).toBe(0.5);
    expect(shareJa({ ja: 0, delvis: 0, nej: 0, 'vet-inte': 3 })).toBeNull();
    expect(shareJa(null)).toBeNull();
  });

  it('gives the gap as staff minus patients in percentage points', () => {
    const records = [
      rec('patient', 'ja'), rec('patient', 'nej'), rec('patient', 'nej'), rec('patient', 'vet-inte'),
      rec('staff', 'ja'), rec('staff', 'ja'), rec('staff', 'ja'), rec('staff', 'delvis'),
    ];
    const result = publishResult(records, ['q1'], 3, 'step', 1);
    const [row] = gapRows(result);
    expect(row?.patient).toBeCloseTo(1 / 3);
    expect(row?.staff).toBeCloseTo(0.75);
    expect(row?.gapPoints).toBeCloseTo(41.667, 2);
    expect(toPoints(row?.gapPoints ?? null, false)).toBe(42);
    expect(toPoints(row?.patient ?? null)).toBe(33);
  });

  it('has a negative gap when patients answer ja more often than staff', () => {
    const records = [rec('patient', 'ja'), rec('patient', 'ja'), rec('patient', 'ja'), rec('staff', 'nej'), rec('staff', 'nej'), rec('staff', 'ja'), rec('staff', 'ja')];
    expect(gapRows(publishResult(records, ['q1'], 3, 's', 1))[0]?.gapPoints).toBeCloseTo(-50);
    expect(toPoints(-2.5, false)).toBe(-3);
  });
});

describe('the small-group rule', () => {
  it('shows a group of exactly the threshold, hides one below it', () => {
    expect(mayShow(3, 3)).toBe(true);
    expect(mayShow(2, 3)).toBe(false);
    expect(mayShow(0, 3)).toBe(false);
  });

  it('publishes no breakdown for a side with fewer answers than the threshold, and no gap', () => {
    const records = [rec('patient', 'ja'), rec('patient', 'nej'), rec('staff', 'ja'), rec('staff', 'delvis'), rec('staff', 'nej')];
    const result = publishResult(records, ['q1'], 3, 'step', 1);
    expect(result.sides.patient).toEqual({ respondents: 2, questions: { q1: null }, allJa: null });
    expect(result.sides.staff.questions.q1).toEqual({ ja: 1, delvis: 1, nej: 1, 'vet-inte': 0 });
    expect(gapRows(result)[0]).toEqual({ questionId: 'q1', patient: null, staff: 1 / 3, gapPoints: null });
    expect(JSON.stringify(result.sides.patient)).not.toMatch(/"ja":/);
  });

  it('applies the rule per question: a question few answered stays hidden even on a large side', () => {
    const records = [rec('staff', 'ja', 'ja'), rec('staff', 'ja', 'nej'), rec('staff', 'ja'), rec('staff', 'nej')];
    const result = publishResult(records, ['q1', 'q2'], 3, 'step', 1);
    expect(countTotal(result.sides.staff.questions.q1!)).toBe(4);
    expect(result.sides.staff.questions.q2).toBeNull();
  });

  it('counts vet inte towards the threshold, and "all ja" only over those who answered everything', () => {
    const records = [rec('patient', 'vet-inte', 'ja'), rec('patient', 'vet-inte', 'ja'), rec('patient', 'ja', 'ja'), rec('patient', 'ja', 'ja'), rec('patient', 'ja', 'ja')];
    const result = publishResult(records, ['q1', 'q2'], 3, 'step', 1);
    expect(result.sides.patient.questions.q1).toEqual({ ja: 3, delvis: 0, nej: 0, 'vet-inte': 2 });
    expect(result.sides.patient.allJa).toBe(3);
    expect(publishResult(records.slice(0, 2), ['q1'], 3, 's', 1).sides.patient.allJa).toBeNull();
  });

  it('refuses a threshold below 3 in the config', () => {
    expect(SevenQuestionsConfigSchema.safeParse({ ...DEFAULT_SEVEN_QUESTIONS_CONFIG, threshold: 2 }).success).toBe(false);
    expect(SevenQuestionsConfigSchema.safeParse({ ...DEFAULT_SEVEN_QUESTIONS_CONFIG, threshold: 5 }).success).toBe(true);
  });
});

describe('reworded questions', () => {
  const pack = packOfKind(
    (() => {
      const p = parseContentPack(readFileSync(resolve(import.meta.dirname, '../../../resources/content-packs/seven-questions.json'), 'utf8'));
      if (!isContentPack(p)) throw new Error('pack');
      return p;
    })(),
    'seven-questions',
  )!;

  it('keep their id and show the original next to the local wording', () => {
    const config = { ...DEFAULT_SEVEN_QUESTIONS_CONFIG, questionIds: ['q5', 'q4'] as const, overrides: { q5: { staff: 'Vet våra patienter alltid vad som händer sedan?' } } };
    const staff = questionTexts(pack, { ...config, questionIds: [...config.questionIds] }, 'staff', 'sv');
    expect(staff.map((q) => q.id)).toEqual(['q5', 'q4']);
    expect(staff[0]).toMatchObject({ text: 'Vet våra patienter alltid vad som händer sedan?', original: 'Vet patienterna alltid sitt nästa steg?', reworded: true });
    expect(questionTexts(pack, { ...config, questionIds: ['q5'] }, 'patient', 'en')[0]).toMatchObject({ text: 'Do you know your next step?', reworded: false });
  });
});
