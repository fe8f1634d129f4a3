import * as Y from 'yjs';

/** One map entry an update writes: `root[key] = values` (plain values; several for a repeated set). */
export interface MapWrite {
  readonly root: string;
  readonly key: string;
  readonly values: readonly unknown[];
  /** The entry already exists in the host's document (an edit or a retraction, not a first write). */
  readonly existing: boolean;
}

export interface DeletedRange {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
}

/** What an incoming update would change, read against the host's document without applying it. */
export interface UpdateReading {
  /** Client ids that write new structs. */
  readonly writers: ReadonlySet<number>;
  readonly mapWrites: readonly MapWrite[];
  /** Deleted ranges the host's document does not already have deleted. */
  readonly newDeletions: readonly DeletedRange[];
  /** A shape the host never accepts from a participant (nested types, text, arrays, unknown parents). */
  readonly unsupported: string | null;
}

/** An update as `Y.decodeUpdate` returns it: decoded once when it arrives, read here and by the lineage check. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type DecodedStruct = DecodedUpdate['structs'][number];

/**
 * Reads an update struct by struct. Yjs has no permission model, so this is where the host learns
 * what a client is trying to do: which client ids it writes as, which map entries it sets (the
 * parent of an item that only names its left neighbour is looked up in the update or the document),
 * and which of the host's items it deletes. Structs the host already has are skipped.
 */
export function readUpdate(doc: Y.Doc, update: DecodedUpdate, options: { readonly writersOnly?: boolean } = {}): UpdateReading {
  const { structs, ds } = update;
  const writers = new Set<number>();
  const writes = new Map<string, { root: string; key: string; values: unknown[]; existing: boolean }>();
  let unsupported: string | null = null;

  const byClient = new Map<number, DecodedStruct[]>();
  for (const s of structs) byClient.set(s.id.client, [...(byClient.get(s.id.client) ?? []), s]);
  const inUpdate = (id: { client: number; clock: number }): DecodedStruct | undefined =>
    byClient.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);

  for (const struct of structs) {
    const end = struct.id.clock + struct.length;
    // The host's clock for this client (not the whole state vector: a room has a client per device).
    if (end <= Y.getState(doc.store, struct.id.client)) continue;
    if (struct instanceof Y.Skip) continue;
    if (!(struct instanceof Y.Item)) {
      writers.add(struct.id.client);
      continue; // a GC struct: content already deleted, nothing to check but its writer
    }
    writers.add(struct.id.client);
    if (options.writersOnly) continue;
    const place = parentOf(doc, struct, inUpdate);
    if (!place) {
      unsupported ??= 'an item whose parent is not a top-level map entry';
      continue;
    }
    const values = contentValues(struct);
    if (values === null) {
      unsupported ??= 'content other than plain values';
      continue;
    }
    const id = `${place.root}\u0000${place.key}`;
    const entry = writes.get(id) ?? { ...place, values: [], existing: doc.getMap(place.root).has(place.key) };
    entry.values.push(...values);
    writes.set(id, entry);
  }

  const newDeletions: DeletedRange[] = [];
  if (options.writersOnly) return { writers, mapWrites: [], newDeletions, unsupported };
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (!isDeletedInDoc(doc, client, range.clock, range.len)) newDeletions.push({ client, clock: range.clock, length: range.len });
    }
  }
  return { writers, mapWrites: [...writes.values()], newDeletions, unsupported };
}

/** The top-level map and key an item is written to, or null for anything else. */
function parentOf(
  doc: Y.Doc,
  item: Y.Item,
  inUpdate: (id: { client: number; clock: number }) => DecodedStruct | undefined,
  depth = 0,
): { root: string; key: string } | null {
  const parent = item.parent as unknown;
  if (typeof parent === 'string') return item.parentSub === null ? null : { root: parent, key: item.parentSub };
  if (parent !== null || depth > 1000) return null; // a nested type (parent given by id): never accepted
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return null;
  const local = inUpdate(neighbour);
  if (local instanceof Y.Item) return parentOf(doc, local, inUpdate, depth + 1);
  let existing: Y.Item | Y.GC;
  try {
    existing = Y.getItem(doc.store, neighbour) as Y.Item | Y.GC;
  } catch {
    return null;
  }
  if (!(existing instanceof Y.Item) || existing.parentSub === null) return null;
  const type = existing.parent as Y.AbstractType<unknown> | null;
  if (!type || type._item !== null) return null;
  try {
    return { root: Y.findRootTypeKey(type), key: existing.parentSub };
  } catch {
    return null;
  }
}

/** Plain values of an item (a map set writes one); null for any content a participant may not write. */
function contentValues(item: Y.Item): unknown[] | null {
  if (item.content instanceof Y.ContentAny) return item.content.arr;
  if (item.content instanceof Y.ContentDeleted) return [];
  return null;
}

/** Whether every item in [clock, clock+length) of a client is already deleted in the host's document. */
function isDeletedInDoc(doc: Y.Doc, client: number, clock: number, length: number): boolean {
  const structs = doc.store.clients.get(client);
  if (!structs || structs.length === 0) return false;
  const last = structs[structs.length - 1]!;
  if (clock + length > last.id.clock + last.length) return false;
  let index = Y.findIndexSS(structs, clock);
  for (let s = structs[index]; s && s.id.clock < clock + length; s = structs[++index]) {
    if (!s.deleted) return false;
  }
  return true;
}
