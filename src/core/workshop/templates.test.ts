import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { selectAgenda } from './agenda';
import { applyTemplate, isTemplate, parseTemplate, templateFromSession } from './templates';

const DIR = new URL('../../../resources/templates/', import.meta.url);

describe('workshop templates', () => {
  it('every shipped template parses, and each language has at least three', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    const parsed = files.map((f) => parseTemplate(readFileSync(new URL(f, DIR), 'utf8')));
    expect(parsed.every(isTemplate)).toBe(true);
    const langs = parsed.filter(isTemplate).map((t) => t.lang);
    expect(langs.filter((l) => l === 'sv').length).toBeGreaterThanOrEqual(3);
    expect(langs.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(3);
  });

  it('round-trips a session agenda through a template', () => {
    const original = parseTemplate(readFileSync(new URL('co-design-2h.sv.json', DIR), 'utf8'));
    if (!isTemplate(original)) throw new Error('shipped template broken');
    const doc = new Y.Doc();
    applyTemplate(doc, original);
    const back = templateFromSession(doc, { id: 'kopia', title: original.title, lang: 'sv' });
    expect(back.steps.map((s) => [s.type, s.title, s.minutes])).toEqual(selectAgenda(doc).map((s) => [s.type, s.title, s.minutes]));
    expect(isTemplate(parseTemplate(JSON.stringify(back)))).toBe(true);
  });

  it('names what is wrong in a bad file', () => {
    expect(parseTemplate('{')).toEqual({ error: 'not-json' });
    expect(parseTemplate('{"format":"x"}')).toEqual({ error: 'not-a-template' });
    expect(parseTemplate('{"format":"samskapa-template","version":2}')).toEqual({ error: 'template-too-new', version: 2 });
    const bad = parseTemplate(
      JSON.stringify({ format: 'samskapa-template', version: 1, id: 'x1', lang: 'sv', title: 't', steps: [{ type: 'dot-voting', title: 'r', minutes: 5, config: { votesPerPerson: 99 } }] }),
    );
    expect(bad).toMatchObject({ error: 'invalid-template' });
    expect(JSON.stringify(bad)).toContain('steps.0.config.votesPerPerson');
  });
});
