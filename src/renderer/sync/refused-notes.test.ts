import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, type Note } from '../../core/workshop/board';
import { holdNotes, notAccepted, unsentAfterRenewal } from './refused-notes';

const ME = { role: 'patient' as const, anonymous: false, name: 'Anna', pseudonym: 'annaPseudo12' };
const mine = (note: Note) => note.authorId === ME.pseudonym;

/** The host and a phone, both with what the host had accepted; then the phone writes offline. */
function scene() {
  const host = new Y.Doc();
  const phone = new Y.Doc();
  addNote(phone, 'skickad och mottagen', ME, 1);
  addNote(host, 'någon annans', { role: 'staff', anonymous: false, name: 'Bo', pseudonym: 'boPseudonym1' }, 2);
  Y.applyUpdate(host, Y.encodeStateAsUpdate(phone));
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(host));
  return { host, phone };
}

describe('notes the host did not accept', () => {
  it('are the ones written on the phone after the host last heard from it', () => {
    const { host, phone } = scene();
    const offline = addNote(phone, 'skriven utan nät', ME, 3);
    expect(notAccepted(holdNotes(phone), host, mine).map((n) => n.text)).toEqual([offline.text]);
  });

  it('include a refused edit of an accepted note, with its new text', () => {
    const { host, phone } = scene();
    const [accepted] = holdNotes(phone).filter((h) => mine(h.note));
    phone.getMap<Note>('notes').set(accepted!.note.id, { ...accepted!.note, text: 'ändrad text', editedAt: 4 });
    expect(notAccepted(holdNotes(phone), host, mine).map((n) => n.text)).toEqual(['ändrad text']);
  });

  it('leave out what the host has, and never show someone else’s words as mine', () => {
    const { host, phone } = scene();
    expect(notAccepted(holdNotes(phone), host, mine)).toEqual([]);
    const stranger = new Y.Doc();
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(phone));
    addNote(stranger, 'främling', { role: 'staff', anonymous: false, name: 'Cy', pseudonym: 'cyPseudonym1' }, 5);
    expect(notAccepted(holdNotes(stranger), host, mine)).toEqual([]);
  });

  it('leave out a note the host accepted and the facilitator later took off the board', () => {
    const { host, phone } = scene();
    const [accepted] = holdNotes(phone).filter((h) => mine(h.note));
    host.getMap('notes').delete(accepted!.note.id);
    expect(notAccepted(holdNotes(phone), host, mine)).toEqual([]);
  });
});

describe('notes to write again after the host renewed the document (4409)', () => {
  /** Where the old lineage ended on the host: its state vector when it was renewed. */
  const endedAt = (host: Y.Doc): Uint8Array => Y.encodeStateVector(host);

  it('are my notes and edits beyond where the old lineage ended on the host, never others\u2019', () => {
    const { host, phone } = scene();
    const retired = endedAt(host);
    expect(unsentAfterRenewal(holdNotes(phone), retired, mine)).toEqual([]);
    // Written on the phone after the host last heard from it.
    addNote(phone, 'skriven medan värden var nere', ME, 10);
    const [accepted] = holdNotes(phone).filter((h) => mine(h.note) && h.note.text === 'skickad och mottagen');
    phone.getMap<Note>('notes').set(accepted!.note.id, { ...accepted!.note, text: 'rättad medan värden var nere', editedAt: 11 });
    addNote(phone, 'någon annans, bara i telefonen', { role: 'staff', anonymous: false, name: 'Bo', pseudonym: 'boPseudonym1' }, 12);
    expect(unsentAfterRenewal(holdNotes(phone), retired, mine).map((n) => n.text)).toEqual([
      'rättad medan värden var nere',
      'skriven medan värden var nere',
    ]);
  });

  it('leave alone a note the host had and later hid or deleted, though the fresh board lacks it', () => {
    const { host, phone } = scene();
    // The facilitator hides Anna's note while her phone is away: the host's board no longer holds it.
    const [accepted] = holdNotes(host).filter((h) => mine(h.note));
    host.getMap<Note>('notes').delete(accepted!.note.id);
    expect(unsentAfterRenewal(holdNotes(phone), endedAt(host), mine)).toEqual([]);
  });
});
