import * as Y from 'yjs';

/**
 * A Yjs document as plain JSON and back, for the complete JSON export (issue #6).
 *
 * Why a map-level dump is complete: every top-level type of the session's documents is a Y.Map or
 * a Y.Array whose values are plain JSON (notes, votes, agenda steps … are stored as whole values,
 * never as nested Y types), so the entries of each top-level type are the document's whole content.
 * `dumpDocument` refuses anything else (a nested Y type, binary content) instead of dropping it.
 */
export interface DocumentDumpValue {
  readonly maps: Record<string, Record<string, unknown>>;
  readonly arrays: Record<string, unknown[]>;
}

export class NotDumpable extends Error {}

/** Deep-checks a value is JSON (no Y type, no binary, no undefined inside arrays). */
function checkJson(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotDumpable(`${path}: not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkJson(v, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) checkJson(v, `${path}.${k}`);
    return;
  }
  throw new NotDumpable(`${path}: not a JSON value`);
}

/** A top-level type, read as what it holds: a map has keyed entries, an array a list. */
function kindOf(type: Y.AbstractType<unknown>): 'map' | 'array' | 'empty' {
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Array) return 'array';
  if (type instanceof Y.Text || type instanceof Y.XmlFragment) throw new NotDumpable('a text type is not part of a session');
  // Not yet typed by a getMap/getArray call (a freshly loaded document): look at its content.
  if (type._start !== null) return 'array';
  return type._map.size > 0 ? 'map' : 'empty';
}

export function dumpDocument(doc: Y.Doc): DocumentDumpValue {
  const maps: Record<string, Record<string, unknown>> = {};
  const arrays: Record<string, unknown[]> = {};
  for (const name of [...doc.share.keys()].sort()) {
    const type = doc.share.get(name) as Y.AbstractType<unknown>;
    const kind = kindOf(type);
    if (kind === 'map') {
      const map = doc.getMap<unknown>(name);
      const entries: Record<string, unknown> = {};
      for (const key of [...map.keys()].sort()) {
        const value = map.get(key);
        // JSON has no undefined; an entry holding it reads as absent everywhere, so it is left out.
        if (value === undefined) continue;
        if (value instanceof Y.AbstractType) throw new NotDumpable(`${name}.${key}: a nested Y type`);
        checkJson(value, `${name}.${key}`);
        entries[key] = value;
      }
      if (Object.keys(entries).length > 0) maps[name] = entries;
    } else if (kind === 'array') {
      const items = doc.getArray<unknown>(name).toArray();
      items.forEach((item, i) => {
        if (item instanceof Y.AbstractType) throw new NotDumpable(`${name}[${i}]: a nested Y type`);
        checkJson(item, `${name}[${i}]`);
      });
      if (items.length > 0) arrays[name] = items;
    }
  }
  return { maps, arrays };
}

/** Writes a dump into a fresh document (one transaction) and returns it. */
export function restoreDocument(dump: DocumentDumpValue, origin: unknown = 'import'): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [name, entries] of Object.entries(dump.maps)) {
      const map = doc.getMap<unknown>(name);
      for (const [key, value] of Object.entries(entries)) map.set(key, value);
    }
    for (const [name, items] of Object.entries(dump.arrays)) doc.getArray<unknown>(name).push(items);
  }, origin);
  return doc;
}

/**
 * Replaces every participant id in a dump by its stand-in ("p1"): as a whole string value, as a
 * whole key, or as one `|`-separated part of a key (vote and mark keys). Ids are 16 random
 * characters, so a match is never an accident of ordinary text.
 */
export function replaceIds(dump: DocumentDumpValue, stand: ReadonlyMap<string, string>): DocumentDumpValue {
  if (stand.size === 0) return dump;
  const swapKey = (key: string): string => stand.get(key) ?? (key.includes('|') ? key.split('|').map((part) => stand.get(part) ?? part).join('|') : key);
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return stand.get(value) ?? value;
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [swapKey(k), swap(v)]));
    }
    return value;
  };
  return {
    maps: Object.fromEntries(Object.entries(dump.maps).map(([name, entries]) => [name, swap(entries) as Record<string, unknown>])),
    arrays: Object.fromEntries(Object.entries(dump.arrays).map(([name, items]) => [name, items.map(swap)])),
  };
}
