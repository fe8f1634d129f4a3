import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStep, isStep } from '../workshop/agenda';
import { stepConfig, stepType } from '../workshop/step-types';
import { isContentPack, packOfKind, parseContentPack } from './content-pack';
import { reflectionConfigFromPack, switchForm } from './reflection';
import type { ReflectionConfig } from './reflection';

const parsed = parseContentPack(readFileSync(resolve(import.meta.dirname, '../../../resources/content-packs/reflections.json'), 'utf8'));
if (!isContentPack(parsed)) throw new Error(parsed.issues.join('\n'));
const pack = packOfKind(parsed, 'reflections')!;

describe('reflection prompts', () => {
  it('build a step from pack sections in the du or ni form', () => {
    const du = reflectionConfigFromPack(pack, ['s1', 's8', 's10'], 'du', 'sv')!;
    expect(du.prompts.map((p) => p.id)).toEqual(['s1-principer', 's1-paverkansdiagram', 's10-gladje', 's10-nyfiken']);
    expect(du.prompts[0]?.text).toBe('Vilka vägledande principer har du i ditt arbete?');
    expect(du.prompts[0]?.zone).toBe('Ta ut riktning och forma vägledande principer');
    const ni = switchForm(pack, du, 'ni', 'sv');
    expect(ni.prompts[0]?.text).toBe('Vilka vägledande principer har ni i ert arbete?');
    expect(reflectionConfigFromPack(pack, ['s99'], 'du', 'sv')).toBeNull();
  });

  it('reads naturally in English in both forms', () => {
    const config = reflectionConfigFromPack(pack, ['s7'], 'du', 'en')!;
    expect(config.prompts[0]?.text).toBe('How do you make it happen?');
    expect(switchForm(pack, config, 'ni', 'en').prompts[0]?.text).toBe('How does your team make it happen?');
  });

  it('is a private-until-revealed step whose notes answer its prompts, anonymous if chosen', () => {
    const config = reflectionConfigFromPack(pack, ['s3'], 'ni', 'sv', true)!;
    const step = parseStep({ type: 'reflection', title: 'Reflektion', minutes: 10, config });
    if (!isStep(step)) throw new Error('refused');
    const type = stepType('reflection')!;
    expect(type.privateUntilReveal).toBe(true);
    const read = stepConfig<ReflectionConfig>(step)!;
    expect(type.noteQuestionIds?.(read)).toEqual(['s3-antaganden', 's3-erfarenheter', 's3-motesplatser']);
    expect(type.anonymousNotes?.(read)).toBe(true);
    expect(type.anonymousNotes?.({ ...read, anonymous: false })).toBe(false);
  });
});
