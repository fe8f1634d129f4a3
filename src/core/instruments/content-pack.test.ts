import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_KINDS, citation, isContentPack, parseContentPack, summarizePack } from './content-pack';
import type { ContentPack } from './content-pack';

const PACK_DIR = resolve(import.meta.dirname, '../../../resources/content-packs');
const files = readdirSync(PACK_DIR).filter((f) => f.endsWith('.json')).sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(PACK_DIR, f), 'utf8')]));

function load(file: string): ContentPack {
  const result = parseContentPack(texts.get(file) ?? '');
  if (!isContentPack(result)) throw new Error(`${file}: ${result.issues.join('\n')}`);
  return result;
}

/** Every object holding an `sv` or an `en` string, with its path. */
function localized(value: unknown, path = ''): { path: string; sv: unknown; en: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localized(v, `${path}.${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = 'sv' in record || 'en' in record ? [{ path, sv: record.sv, en: record.en }] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => localized(v, `${path}.${k}`))];
}

describe('the shipped content packs', () => {
  it('ship a pack of every kind, each file named after its pack', () => {
    const packs = files.map(load);
    expect(new Set(packs.map((p) => p.kind))).toEqual(new Set(PACK_KINDS));
    for (const [i, pack] of packs.entries()) expect(files[i]).toBe(`${pack.id}.json`);
  });

  it.each(files)('%s validates', (file) => {
    const pack = load(file);
    expect(pack.sources[pack.source]).toBeDefined();
    expect(summarizePack(pack).source.sv).toMatch(/^Källa: /);
    expect(summarizePack(pack).source.en).toMatch(/^Source: /);
  });

  it.each(files)('%s has an English text for every Swedish one, and the reverse', (file) => {
    const raw = JSON.parse(texts.get(file) ?? '') as unknown;
    const pairs = localized(raw).filter((p) => !p.path.startsWith('.sources'));
    expect(pairs.length).toBeGreaterThan(10);
    for (const pair of pairs) {
      expect(typeof pair.sv === 'string' && pair.sv.trim().length > 0, `${file}${pair.path}.sv`).toBe(true);
      expect(typeof pair.en === 'string' && pair.en.trim().length > 0, `${file}${pair.path}.en`).toBe(true);
      // Short labels may agree ("Situation", "Sms"); a sentence left untranslated may not.
      if (typeof pair.sv === 'string' && pair.sv.length > 25) expect(pair.en, `${file}${pair.path}: en is a copy of sv`).not.toBe(pair.sv);
    }
  });

  it('keeps none of the source typos the notes list', () => {
    const all = [...texts.values()].map((t) => {
      const pack = JSON.parse(t) as { corrections: unknown; content: unknown };
      return JSON.stringify(pack.content);
    });
    for (const typo of ['ömsidig', 'paradig ', 'paradigim', 'samskarar', 'i ert arbetet', 'möjligaste', 'del av del av']) {
      expect(all.some((t) => t.includes(typo)), typo).toBe(false);
    }
  });

  it('ships the seven questions in both wordings, in source order', () => {
    const pack = load('seven-questions.json');
    if (pack.kind !== 'seven-questions') throw new Error('wrong kind');
    expect(pack.content.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']);
    expect(pack.content.questions[4]?.patient.sv).toBe('Vet du ditt nästa steg?');
    expect(pack.content.questions[4]?.staff.sv).toBe('Vet patienterna alltid sitt nästa steg?');
    expect(pack.content.scale.map((s) => s.id)).toEqual(['ja', 'delvis', 'nej', 'vet-inte']);
    expect(citation(pack, pack.content.questions[0]!, 'sv')).toBe('Källa: SKR, Ett steg till, 2022 (001 L218, L220)');
  });

  it('ships reflection prompts for sections 1–7 and 10, and says why 8 and 9 have none', () => {
    const pack = load('reflections.json');
    if (pack.kind !== 'reflections') throw new Error('wrong kind');
    expect(pack.content.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pack.content.sections.flatMap((s) => s.prompts)).toHaveLength(19);
    expect(pack.content.sections.filter((s) => s.prompts.length === 0).every((s) => s.note)).toBe(true);
  });

  it('ships every dialogue cloth with a theme and 4–8 questions', () => {
    const pack = load('dialogue-cloths.json');
    if (pack.kind !== 'dialogue-cloths') throw new Error('wrong kind');
    expect(pack.content.cloths.length).toBeGreaterThanOrEqual(3);
    for (const cloth of pack.content.cloths) expect(cloth.questions.length).toBeGreaterThanOrEqual(4);
    // All 20 dialogue questions of the paradigm table are on some cloth.
    expect(pack.content.cloths.flatMap((c) => c.questions).filter((q) => q.id.startsWith('pd-'))).toHaveLength(20);
  });
});

describe('a broken pack', () => {
  const good = (): Record<string, unknown> => JSON.parse(texts.get('seven-questions.json') ?? '') as Record<string, unknown>;

  it('is refused with the field named', () => {
    const pack = good();
    const content = pack.content as { questions: { staff: Record<string, string> }[] };
    delete content.questions[3]!.staff.en;
    const result = parseContentPack(JSON.stringify(pack));
    expect(isContentPack(result)).toBe(false);
    if (isContentPack(result)) return;
    expect(result.error).toBe('invalid-pack');
    expect(result.issues.join('\n')).toContain('content.questions.3.staff.en');
  });

  it('names an unknown source, a bad seed reference, a missing question and a wrong kind', () => {
    const pack = good();
    const content = pack.content as { questions: Record<string, unknown>[] };
    content.questions[0]!.source = 'wikipedia';
    content.questions[1]!.ref = 'page 20';
    content.questions.pop();
    const result = parseContentPack(JSON.stringify(pack));
    if (isContentPack(result)) throw new Error('accepted a broken pack');
    const issues = result.issues.join('\n');
    expect(issues).toContain('content.questions.1.ref');
    expect(issues).toContain('content.questions');
    const wrongKind = parseContentPack(JSON.stringify({ ...good(), kind: 'horoscope' }));
    if (isContentPack(wrongKind)) throw new Error('accepted a broken pack');
    expect(wrongKind.issues.join('\n')).toContain('kind');
    const badSource = good();
    (badSource.content as { questions: Record<string, unknown>[] }).questions[0]!.source = 'wikipedia';
    const unknown = parseContentPack(JSON.stringify(badSource));
    if (isContentPack(unknown)) throw new Error('accepted a broken pack');
    expect(unknown.issues).toEqual(['content.questions.0.source: no source "wikipedia" in sources']);
  });

  it('tells a file that is not JSON, not a pack, or too new', () => {
    expect(parseContentPack('{').valueOf()).toMatchObject({ error: 'not-json' });
    expect(parseContentPack('{"format":"samskapa-template"}')).toMatchObject({ error: 'not-a-pack' });
    expect(parseContentPack(JSON.stringify({ ...good(), version: 7 }))).toMatchObject({ error: 'pack-too-new' });
  });
});
