import type * as Y from 'yjs';
import type { DocName } from '../../core/workshop/doc-names';
import type { SessionStore } from '../persistence/session-store';

/** Who may write as a client id: a participant's id, or one of these. */
export const FACILITATOR_OWNER = 'facilitator';
export const HOST_OWNER = 'host';
/** Ids already in a document that no record names (files from before ownership was kept): nobody may take them. */
export const UNKNOWN_OWNER = 'unknown';

/**
 * Per document: which principal writes as each Yjs client id. The first principal to write new
 * structs as an id owns it for good (recorded in the session file); a participant may then delete
 * only items written under ids it owns.
 */
export class ClientOwners {
  private readonly owners: Map<number, string>;

  constructor(
    private readonly store: SessionStore,
    private readonly doc: DocName,
    ydoc: Y.Doc,
  ) {
    this.owners = new Map(store.clientOwners(doc));
    const unknown: [number, string][] = [];
    for (const client of ydoc.store.clients.keys()) {
      if (!this.owners.has(client)) unknown.push([client, UNKNOWN_OWNER]);
    }
    this.record(unknown);
  }

  ownerOf(client: number): string | undefined {
    return this.owners.get(client);
  }

  /** The ids among `clients` that belong to someone other than `principal`. */
  foreign(clients: Iterable<number>, principal: string): number[] {
    return [...clients].filter((c) => {
      const owner = this.owners.get(c);
      return owner !== undefined && owner !== principal;
    });
  }

  /** Records `principal` as owner of the ids not yet owned (after the update was accepted). */
  claim(clients: Iterable<number>, principal: string): void {
    this.record([...clients].filter((c) => !this.owners.has(c)).map((c) => [c, principal] as [number, string]));
  }

  private record(entries: [number, string][]): void {
    if (entries.length === 0) return;
    this.store.addClientOwners(this.doc, entries);
    for (const [client, owner] of entries) this.owners.set(client, owner);
  }
}
