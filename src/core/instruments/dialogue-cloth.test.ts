import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote } from '../workshop/board';
import { parseStep, isStep } from '../workshop/agenda';
import { isContentPack, packOfKind, parseContentPack } from './content-pack';
import { addGuldkorn, clothConfigFromPack, clothsByGroup, editGuldkorn, removeGuldkorn, selectGuldkorn } from './dialogue-cloth';
import { customPromptId, editedPromptIds, rewordPrompt } from './prompts';

const parsed = parseContentPack(readFileSync(resolve(import.meta.dirname, '../../../resources/content-packs/dialogue-cloths.json'), 'utf8'));
if (!isContentPack(parsed)) throw new Error(parsed.issues.join('\n'));
const pack = packOfKind(parsed, 'dialogue-cloths')!;

describe('dialogue cloths', () => {
  it('copies a pack cloth into a step config that the step type accepts', () => {
    const config = clothConfigFromPack(pack, 'patientkontrakt-i-praktiken', 'sv')!;
    expect(config.theme).toBe('Patientkontrakt i praktiken');
    expect(config.questions[0]).toMatchObject({ id: 'pk-kontakt', zone: 'Kontakt' });
    const step = parseStep({ type: 'dialogue-cloth', title: 'Dialogduk', minutes: 20, groupMode: 'groups', config });
    expect(isStep(step)).toBe(true);
    expect(clothConfigFromPack(pack, 'no-such-cloth', 'en')).toBeNull();
  });

  it('keeps a reworded question linked to its original by id, and gives own questions fresh ids', () => {
    const config = clothConfigFromPack(pack, 'kontroll-och-tillit', 'en')!;
    const originals = new Map(config.questions.map((q) => [q.id, q.text]));
    const edited = rewordPrompt(config.questions, 'pd-ordning', 'What does good order mean on our ward?');
    expect(editedPromptIds(edited, originals)).toEqual(['pd-ordning']);
    expect(customPromptId([...edited, { id: 'egen-1', text: 'x' }])).toBe('egen-2');
  });

  it('refuses a config with duplicate question ids', () => {
    const step = parseStep({ type: 'dialogue-cloth', title: 'x', minutes: 5, config: { source: null, theme: 'T', questions: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }] } });
    expect(isStep(step)).toBe(false);
  });

  it('lays out every group’s cloth side by side, with notes on unknown questions kept on the theme', () => {
    const author = { role: 'patient' as const, anonymous: true };
    const questions = [{ id: 'q-a', text: 'A' }, { id: 'q-b', text: 'B' }];
    const groups = [{ id: 'g1', name: 'Bord 1', memberIds: [] }, { id: 'g2', name: 'Bord 2', memberIds: [] }];
    const notes = [
      createNote('on a', author, { stepId: 's', groupId: 'g1', questionId: 'q-a' }, 1),
      createNote('on b', author, { stepId: 's', groupId: 'g2', questionId: 'q-b' }, 2),
      createNote('removed question', author, { stepId: 's', groupId: 'g2', questionId: 'gone' }, 3),
      createNote('other step', author, { stepId: 't', groupId: 'g1', questionId: 'q-a' }, 4),
    ];
    const cloths = clothsByGroup(notes, 's', questions, groups);
    expect(cloths.map((c) => c.groupId)).toEqual(['g1', 'g2']);
    expect(cloths[0]?.byQuestion.get('q-a')?.map((n) => n.text)).toEqual(['on a']);
    expect(cloths[1]?.byQuestion.get('q-b')?.map((n) => n.text)).toEqual(['on b']);
    expect(cloths[1]?.onTheme.map((n) => n.text)).toEqual(['removed question']);
    expect(clothsByGroup([], 's', questions, [])).toHaveLength(1);
  });
});

describe('guldkorn', () => {
  it('are added, edited and removed in the control document’s summary, in order', () => {
    const control = new Y.Doc();
    const first = addGuldkorn(control, { stepId: 's', text: '  Patienten vill veta sitt nästa steg ', noteId: 'n1', groupId: 'g1' }, 1);
    const second = addGuldkorn(control, { stepId: 's', text: 'Fast vårdkontakt saknas' }, 2);
    if (typeof first === 'string' || typeof second === 'string') throw new Error('refused');
    expect(first.text).toBe('Patienten vill veta sitt nästa steg');
    expect(addGuldkorn(control, { stepId: 's', text: '   ' })).toBe('guldkorn-empty');
    expect(editGuldkorn(control, second.id, 'Fast vårdkontakt saknas ofta')).toBeNull();
    expect(editGuldkorn(control, 'nope', 'x')).toBe('not-found');
    expect(selectGuldkorn(control, 's').map((g) => g.text)).toEqual(['Patienten vill veta sitt nästa steg', 'Fast vårdkontakt saknas ofta']);
    removeGuldkorn(control, first.id);
    expect(selectGuldkorn(control).map((g) => g.id)).toEqual([second.id]);
    expect(selectGuldkorn(control, 'other')).toEqual([]);
  });
});
