import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseStep, isStep } from '../workshop/agenda';
import { stepType } from '../workshop/step-types';
import { isContentPack, packOfKind, parseContentPack } from './content-pack';
import { PersonaCardSchema, createPersonaCard, isPersonaCell, packPersona, personaCell, personasConfigFromPack, putPersonaCard, selectPersonaCards } from './personas';

const parsed = parseContentPack(readFileSync(resolve(import.meta.dirname, '../../../resources/content-packs/personas.json'), 'utf8'));
if (!isContentPack(parsed)) throw new Error(parsed.issues.join('\n'));
const pack = packOfKind(parsed, 'personas')!;

describe('personas', () => {
  it('ship the typical person with several chronic conditions and a younger heavy user, all in a segment', () => {
    const margit = packPersona(pack, 'margit', 'sv')!;
    expect(margit.label).toMatch(/82/);
    expect(margit.situation).toMatch(/långvariga sjukdomar/);
    expect(packPersona(pack, 'jonas', 'en')?.situation).toMatch(/rare condition/);
    const segments = new Set(pack.content.segments.map((s) => s.id));
    expect(pack.content.personas.every((p) => segments.has(p.segment))).toBe(true);
    expect(pack.content.segments).toHaveLength(4);
    expect(pack.content.caveat.text.sv).toMatch(/fack/);
  });

  it('take matrix marks only for a channel on the table', () => {
    const config = personasConfigFromPack(pack);
    expect(isPersonaCell(personaCell('margit', 'telefon'), config)).toBe(true);
    expect(isPersonaCell(personaCell('0a1b2c3d4e5f6a7b', 'telefon'), config)).toBe(true);
    expect(isPersonaCell(personaCell('margit', 'brevduva'), config)).toBe(false);
    expect(isPersonaCell('margit:telefon:extra', config)).toBe(false);
    expect(isPersonaCell('Margit!:telefon', config)).toBe(false);
    expect(stepType('personas')?.acceptsPersonaCards).toBe(true);
    expect(isStep(parseStep({ type: 'personas', title: 'Personas', minutes: 30, config }))).toBe(true);
  });

  it('keep a group card’s author like a note: none but the role when anonymous', () => {
    const board = new Y.Doc();
    const content = { label: 'Vår Karin', situation: 'Bor på landet', whatMatters: 'Att slippa åka långt', needs: ['Video'], abilityAndWill: '', resources: '', expectations: '', channels: ['video'] };
    const named = createPersonaCard(content, { role: 'staff', anonymous: false, name: 'Bo', pseudonym: 'p-bo' }, { stepId: 's', groupId: 'g1' }, 5);
    const anonymous = createPersonaCard(content, { role: 'patient', anonymous: true, name: 'Anna', pseudonym: 'p-anna' }, { stepId: 's' }, 6);
    expect(named).toMatchObject({ authorName: 'Bo', authorId: 'p-bo', groupId: 'g1' });
    expect(anonymous.authorName).toBeUndefined();
    expect(anonymous.authorId).toBeUndefined();
    expect(PersonaCardSchema.safeParse(named).success).toBe(true);
    putPersonaCard(board, named);
    putPersonaCard(board, anonymous);
    expect(selectPersonaCards(board, 's').map((c) => c.id)).toEqual([named.id, anonymous.id]);
    expect(selectPersonaCards(board, 's', 'g1')).toHaveLength(1);
    expect(selectPersonaCards(board, 's', null)).toHaveLength(1);
  });
});
