import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countByRole, isPatientSide, moveToGroup, patientShare, selectGroups, setGroups, splitIntoGroups } from './groups';
import type { Person } from './groups';
import type { Role } from '../roles';

function people(spec: Record<string, number>): Person[] {
  return Object.entries(spec).flatMap(([role, n]) => Array.from({ length: n }, (_, i) => ({ id: `${role}-${i}`, role: role as Role })));
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647);
}

describe('groups', () => {
  it('splits evenly at random', () => {
    const groups = splitIntoGroups(people({ staff: 7, patient: 3 }), 3, 'random', seeded(1));
    expect(groups.map((g) => g.length).sort()).toEqual([3, 3, 4]);
    expect(groups.flat()).toHaveLength(10);
  });

  it('never leaves a patient alone among staff when the room allows it (role mix)', () => {
    for (let seed = 1; seed < 50; seed++) {
      for (const [room, count] of [[{ staff: 8, patient: 2, relative: 2 }, 3], [{ staff: 9, 'patient-rep': 3 }, 3], [{ staff: 6, patient: 4 }, 2]] as const) {
        const groups = splitIntoGroups(people(room), count, 'role-mix', seeded(seed));
        for (const g of groups) expect(g.filter((p) => isPatientSide(p.role)).length).not.toBe(1);
        const sizes = groups.map((g) => g.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
      }
    }
  });

  it('stores groups and moves a person by hand', () => {
    const doc = new Y.Doc();
    const split = splitIntoGroups(people({ staff: 2, patient: 2 }), 2, 'role-mix', seeded(3));
    setGroups(doc, split, (i) => `Bord ${i + 1}`);
    const [first, second] = selectGroups(doc);
    expect(first?.name).toBe('Bord 1');
    const someone = first!.memberIds[0]!;
    moveToGroup(doc, someone, second!.id);
    expect(selectGroups(doc)[1]?.memberIds).toContain(someone);
    expect(selectGroups(doc)[0]?.memberIds).not.toContain(someone);
  });

  it('counts the room per role and the patient side’s share', () => {
    const room = [...people({ patient: 2, relative: 1, staff: 3 }), { id: 'f', role: 'facilitator' as Role }];
    expect(countByRole(room).get('staff')).toBe(3);
    expect(patientShare(room)).toBe(0.5);
    expect(patientShare([])).toBeNull();
  });
});
