import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isContentPack, packOfKind, parseContentPack } from './content-pack';
import { DEFAULT_COMPLEXITY_CONFIG, handlingText, selectTags, sortByDomain, tagNote } from './complexity';

const parsed = parseContentPack(readFileSync(resolve(import.meta.dirname, '../../../resources/content-packs/complexity.json'), 'utf8'));
if (!isContentPack(parsed)) throw new Error(parsed.issues.join('\n'));
const pack = packOfKind(parsed, 'complexity')!;

describe('complexity sorting', () => {
  it('tags notes per step in the control document and sorts them by domain', () => {
    const control = new Y.Doc();
    tagNote(control, 's', 'n1', 'komplext');
    tagNote(control, 's', 'n2', 'enkelt');
    tagNote(control, 's', 'n3', 'kaos');
    tagNote(control, 's', 'n3', null);
    tagNote(control, 'other', 'n4', 'enkelt');
    const tags = selectTags(control, 's');
    expect([...tags]).toEqual([['n1', 'komplext'], ['n2', 'enkelt']]);
    expect(sortByDomain(['n1', 'n2', 'n3'], tags)).toEqual({ enkelt: ['n2'], komplicerat: [], komplext: ['n1'], kaos: [], untagged: ['n3'] });
  });

  it('shows the guide’s handling for each domain unless the facilitator reworded it', () => {
    expect(handlingText(pack, DEFAULT_COMPLEXITY_CONFIG, 'komplext', 'sv').text).toMatch(/testa i liten skala/);
    expect(handlingText(pack, DEFAULT_COMPLEXITY_CONFIG, 'enkelt', 'en').text).toMatch(/standard/);
    const config = { ...DEFAULT_COMPLEXITY_CONFIG, handlingOverrides: { kaos: 'Ring krisledningen.' } };
    expect(handlingText(pack, config, 'kaos', 'sv')).toEqual({ text: 'Ring krisledningen.', edited: true });
  });
});
