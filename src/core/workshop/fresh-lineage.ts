import * as Y from 'yjs';

/**
 * A long workshop's document carries its history: every edit of a note replaces the note's value
 * in a Y.Map, and the replaced value stays behind as a deleted item (without its content) because
 * later items refer to it. After 100,000 edits the board holds 100,000 such items, and every new
 * device has to integrate them all before it shows a single note (docs/performance.md, scenario 4).
 *
 * A fresh lineage is the same content written anew, with none of that history: every root's
 * current values, each written under a new client id for the same writer (the host keeps the
 * writers' rights: a participant may still edit only their own notes). It is a different Yjs
 * document: a device copy of the old one must never be merged into it (the items would clash),
 * so the old client ids are retired and a copy that holds any of them is refused (`isStaleCopy`,
 * `touchesRetired`) and thrown away by the device, which then syncs the new document.
 */

/** How much of a document is history: items, and of those the deleted ones. */
export interface HistoryWeight {
  readonly items: number;
  readonly deleted: number;
}

/** Counts the document's items (GC ranges not counted: they are cheap for a device to take). */
export function historyWeight(doc: Y.Doc): HistoryWeight {
  let items = 0;
  let deleted = 0;
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      items += 1;
      if (struct.deleted) deleted += 1;
    }
  }
  return { items, deleted };
}

/** Below this many deleted items a fresh lineage is not worth making every device sync again. */
export const FRESH_LINEAGE_MIN_DELETED = 20_000;

/**
 * Whether a document is worth a fresh lineage: at least FRESH_LINEAGE_MIN_DELETED deleted items,
 * and more deleted items than live ones. A day's workshop (hundreds of notes, a few thousand edits)
 * never comes near it.
 */
export function worthFreshLineage(weight: HistoryWeight): boolean {
  return weight.deleted >= FRESH_LINEAGE_MIN_DELETED && weight.deleted * 2 > weight.items;
}

export interface FreshLineage {
  /** The new document, whole, as one update. */
  readonly update: Uint8Array;
  /**
   * The old document's state vector: every client id of the old lineage (a copy holding any of
   * them is of it) with the clock it reached (what a device holds beyond it never reached the host).
   */
  readonly retired: ReadonlyMap<number, number>;
  /** Each new client id with the old client ids whose values it now carries. */
  readonly writers: ReadonlyMap<number, readonly number[]>;
}

/**
 * Writes the document's current content into a new document. `writerFor(oldClient)` names the new
 * client id that takes over the values last written by `oldClient` (the host gives one id per
 * principal, never a retired one). Returns null when the document holds something this cannot
 * copy exactly (a nested Yjs type, text, binary content): then it keeps its lineage.
 */
export function freshLineage(doc: Y.Doc, writerFor: (oldClient: number) => number): FreshLineage | null {
  const entries = currentEntries(doc);
  if (!entries) return null;
  const retired = Y.decodeStateVector(Y.encodeStateVector(doc));
  const fresh = new Y.Doc({ gc: true });
  const writers = new Map<number, number[]>();
  const writerOf = (oldClient: number): number => {
    const writer = writerFor(oldClient);
    if (retired.has(writer)) throw new Error(`client id ${writer} is retired and cannot write the fresh lineage`);
    const olds = writers.get(writer) ?? [];
    if (!olds.includes(oldClient)) olds.push(oldClient);
    writers.set(writer, olds);
    return writer;
  };
  // Runs of one writer become one transaction each: consecutive items of one client encode as one
  // struct run, and the document is written in the order the old one holds its values.
  let run: { writer: number; writes: (() => void)[] } | null = null;
  const flush = (): void => {
    if (!run) return;
    const { writer, writes } = run;
    fresh.clientID = writer;
    fresh.transact(() => writes.forEach((write) => write()));
    run = null;
  };
  const add = (writer: number, write: () => void): void => {
    if (run && run.writer !== writer) flush();
    run ??= { writer, writes: [] };
    run.writes.push(write);
  };
  for (const entry of entries) {
    const writer = writerOf(entry.client);
    if (entry.kind === 'map') add(writer, () => fresh.getMap(entry.root).set(entry.key, entry.value));
    else add(writer, () => fresh.getArray(entry.root).push([entry.value]));
  }
  flush();
  const update = Y.encodeStateAsUpdate(fresh);
  fresh.destroy();
  return { update, retired, writers };
}

type Entry =
  | { readonly kind: 'map'; readonly root: string; readonly key: string; readonly value: unknown; readonly client: number }
  | { readonly kind: 'array'; readonly root: string; readonly value: unknown; readonly client: number };

/** Every root's live values with the client that wrote each, or null if one cannot be copied. */
function currentEntries(doc: Y.Doc): Entry[] | null {
  // Updates waiting for what they build on are not part of the content yet; copying without them
  // would drop them for good.
  if (doc.store.pendingStructs || doc.store.pendingDs) return null;
  const entries: Entry[] = [];
  for (const [root, type] of doc.share) {
    const hasMap = [...type._map.values()].some((item) => !item.deleted);
    let listItem = type._start;
    while (listItem && listItem.deleted) listItem = listItem.right;
    if (hasMap && listItem) return null;
    for (const [key, item] of type._map) {
      if (item.deleted) continue;
      if (!(item.content instanceof Y.ContentAny)) return null;
      const values = item.content.getContent();
      entries.push({ kind: 'map', root, key, value: values[values.length - 1], client: item.id.client });
    }
    for (let item = type._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (!(item.content instanceof Y.ContentAny)) return null;
      for (const value of item.content.getContent()) entries.push({ kind: 'array', root, value, client: item.id.client });
    }
  }
  return entries;
}

/** Retired client ids (a Set, or the retired state vector). */
export interface Retired {
  readonly size: number;
  has(client: number): boolean;
}

/** Whether a device's state vector shows it holds a copy of a retired lineage. */
export function isStaleCopy(stateVector: ReadonlyMap<number, number>, retired: Retired): boolean {
  if (retired.size === 0) return false;
  for (const [client, clock] of stateVector) if (clock > 0 && retired.has(client)) return true;
  return false;
}

/** Whether a decoded update writes or deletes anything under a retired client id. */
export function touchesRetired(
  update: { readonly structs: readonly { readonly id: { readonly client: number } }[]; readonly ds: { readonly clients: ReadonlyMap<number, unknown> } },
  retired: Retired,
): boolean {
  if (retired.size === 0) return false;
  if (update.structs.some((struct) => retired.has(struct.id.client))) return true;
  for (const client of update.ds.clients.keys()) if (retired.has(client)) return true;
  return false;
}
