import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTE_MAX_LENGTH, addNote, editNote, selectNotes, validateNoteText } from './board';

describe('board notes', () => {
  it('adds a note with its author, trimmed', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, '  Att bli lyssnad på  ', { role: 'patient', anonymous: false, name: 'Anna', pseudonym: 'p1' }, 1000);
    expect(note).toMatchObject({ text: 'Att bli lyssnad på', authorName: 'Anna', authorId: 'p1', authorRole: 'patient', createdAt: 1000 });
    expect(selectNotes(doc)).toEqual([note]);
  });

  it('stores no name and no participant id for an anonymous note', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, 'hemligt', { role: 'relative', anonymous: true, name: 'Bo', pseudonym: 'p2' });
    expect(note.authorName).toBeUndefined();
    expect(note.authorId).toBeUndefined();
    expect(JSON.stringify(doc.getMap('notes').toJSON())).not.toMatch(/Bo|p2/);
  });

  it('refuses empty and too long text instead of cutting it', () => {
    expect(validateNoteText('   ')).toBe('note-empty');
    expect(validateNoteText('x'.repeat(NOTE_MAX_LENGTH + 1))).toBe('note-too-long');
    expect(validateNoteText('ok')).toBeNull();
    expect(() => addNote(new Y.Doc(), '', { role: 'staff', anonymous: false })).toThrow('note-empty');
  });

  it('orders notes by time, ties by id, the same on every replica', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addNote(a, 'sen', { role: 'staff', anonymous: false }, 300);
    addNote(b, 'tidig', { role: 'staff', anonymous: false }, 100);
    addNote(b, 'samtidig', { role: 'staff', anonymous: false }, 300);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(selectNotes(a).map((n) => n.text)).toEqual(selectNotes(b).map((n) => n.text));
    expect(selectNotes(a)[0]?.text).toBe('tidig');
  });

  it('edits text and keeps the author', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, 'först', { role: 'patient', anonymous: false, name: 'Anna' }, 1);
    expect(editNote(doc, note.id, 'sedan', 2)).toBe(true);
    expect(selectNotes(doc)[0]).toMatchObject({ text: 'sedan', authorName: 'Anna', createdAt: 1, editedAt: 2 });
    expect(editNote(doc, 'missing', 'x')).toBe(false);
  });
});
