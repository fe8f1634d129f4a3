import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { DocName } from '../../core/workshop/doc-names';
import { freshLineage, historyWeight, worthFreshLineage } from '../../core/workshop/fresh-lineage';
import type { SessionStore } from '../persistence/session-store';
import { UNKNOWN_OWNER } from '../rules/client-owners';

export interface Compacted {
  /** What the snapshot now holds: the document's state, or its fresh lineage. */
  readonly state: Uint8Array;
  /** Whether a fresh lineage was written (devices holding the old one are refused with 4409). */
  readonly freshLineage: boolean;
}

/**
 * Writes a document's state as its snapshot and drops the log up to `upto` (the log's last id the
 * document holds). With `mayRenew`, a document that is mostly history (core/workshop/fresh-lineage.ts)
 * gets a fresh lineage instead: the same content under new client ids, one per writer, so a
 * participant still owns their notes. The snapshot, the retired ids and the new ids' owners are
 * written in one transaction: a crash leaves the old lineage or the new one, never half.
 *
 * `mayRenew` only when no device is connected (the session is opening or closing): a connected
 * device would have to drop its copy mid-workshop.
 */
export function compactDoc(store: SessionStore, name: DocName, doc: Y.Doc, upto: number, mayRenew: boolean): Compacted {
  if (mayRenew && worthFreshLineage(historyWeight(doc))) {
    const owners = store.clientOwners(name);
    const taken = new Set<number>([...owners.keys(), ...store.retiredClients(name).keys(), ...doc.store.clients.keys()]);
    const writers = new Map<string, number>();
    const writerFor = (oldClient: number): number => {
      const principal = owners.get(oldClient) ?? UNKNOWN_OWNER;
      let writer = writers.get(principal);
      if (writer === undefined) {
        writer = unusedClientId(taken);
        taken.add(writer);
        writers.set(principal, writer);
      }
      return writer;
    };
    const fresh = freshLineage(doc, writerFor);
    if (fresh) {
      store.transaction(() => {
        store.writeSnapshot(name, fresh.update, upto);
        store.retireClients(name, fresh.retired);
        store.addClientOwners(name, [...writers].map(([principal, writer]) => [writer, principal] as const));
      });
      return { state: fresh.update, freshLineage: true };
    }
  }
  const state = Y.encodeStateAsUpdate(doc);
  store.writeSnapshot(name, state, upto);
  return { state, freshLineage: false };
}

/** A Yjs client id (uint32, as Yjs makes them) that no writer of this document has used. */
function unusedClientId(taken: ReadonlySet<number>): number {
  for (;;) {
    const id = randomInt(1, 2 ** 32 - 1);
    if (!taken.has(id)) return id;
  }
}
