import type * as Y from 'yjs';
import { createItemId } from '../ids';
import type { Role } from '../roles';
import { FACILITATOR_ORIGIN } from './origins';

/** A small group ("bord") of the session. Members are participant ids. */
export interface Group {
  readonly id: string;
  readonly name: string;
  readonly memberIds: readonly string[];
}

export interface Person {
  readonly id: string;
  readonly role: Role;
}

export type SplitMode = 'random' | 'role-mix';

/** Roles that speak from the patient's side of care; the role-mix split keeps them together. */
export const PATIENT_SIDE_ROLES: readonly Role[] = ['patient', 'relative', 'patient-rep'];

export function isPatientSide(role: Role): boolean {
  return PATIENT_SIDE_ROLES.includes(role);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Splits people into `groupCount` groups of even size.
 *
 * `role-mix` follows the partnership guidance that a patient should not sit alone among staff:
 * patient-side people are placed two by two (a lone one only when there is a single patient-side
 * person in the room, or an odd one out joins a pair), spread over as many groups as pairs allow;
 * staff then fill the groups smallest first.
 */
export function splitIntoGroups(people: readonly Person[], groupCount: number, mode: SplitMode, random: () => number = Math.random): Person[][] {
  const count = Math.max(1, Math.min(groupCount, Math.max(1, people.length)));
  const groups: Person[][] = Array.from({ length: count }, () => []);
  const smallestFirst = (person: Person): void => {
    const target = groups.reduce((min, g) => (g.length < min.length ? g : min), groups[0] as Person[]);
    target.push(person);
  };
  if (mode === 'random') {
    shuffle(people, random).forEach(smallestFirst);
    return groups;
  }
  const patients = shuffle(people.filter((p) => isPatientSide(p.role)), random);
  const others = shuffle(people.filter((p) => !isPatientSide(p.role)), random);
  const pairs = Math.floor(patients.length / 2);
  const spread = Math.min(count, Math.max(1, pairs));
  patients.forEach((person, i) => {
    const groupIndex = pairs === 0 ? 0 : Math.floor(i / 2) % spread;
    (groups[Math.min(groupIndex, spread - 1)] as Person[]).push(person);
  });
  others.forEach(smallestFirst);
  return groups;
}

function groupsMap(doc: Y.Doc): Y.Map<Group> {
  return doc.getMap<Group>('groups');
}

export function selectGroups(doc: Y.Doc): readonly Group[] {
  return [...groupsMap(doc).values()].sort((a, b) => a.name.localeCompare(b.name, 'sv', { numeric: true }));
}

/** Replaces all groups. `names(i)` gives the name of group i (the renderer passes "Bord 1", …). */
export function setGroups(doc: Y.Doc, members: readonly (readonly Person[])[], names: (index: number) => string): void {
  doc.transact(() => {
    const map = groupsMap(doc);
    map.clear();
    members.forEach((people, i) => {
      const group: Group = { id: createItemId(), name: names(i), memberIds: people.map((p) => p.id) };
      map.set(group.id, group);
    });
  }, FACILITATOR_ORIGIN);
}

/** Moves one person to a group by hand (out of any other group). */
export function moveToGroup(doc: Y.Doc, personId: string, groupId: string | null): void {
  doc.transact(() => {
    const map = groupsMap(doc);
    for (const group of [...map.values()]) {
      const without = group.memberIds.filter((id) => id !== personId);
      const memberIds = group.id === groupId ? [...without, personId] : without;
      if (memberIds.length !== group.memberIds.length || group.id === groupId) map.set(group.id, { ...group, memberIds });
    }
  }, FACILITATOR_ORIGIN);
}

export function groupOf(groups: readonly Group[], personId: string): Group | undefined {
  return groups.find((g) => g.memberIds.includes(personId));
}

export function observeGroups(doc: Y.Doc, onChange: () => void): () => void {
  const map = groupsMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}

/** How many of each role are in the room: the "parity in numbers" a facilitator watches. */
export function countByRole(people: readonly { readonly role: Role }[]): ReadonlyMap<Role, number> {
  const counts = new Map<Role, number>();
  for (const p of people) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  return counts;
}

/** Patient-side share of the participants (facilitators not counted): 0..1, or null for an empty room. */
export function patientShare(people: readonly { readonly role: Role }[]): number | null {
  const counted = people.filter((p) => p.role !== 'facilitator');
  if (counted.length === 0) return null;
  return counted.filter((p) => isPatientSide(p.role)).length / counted.length;
}
