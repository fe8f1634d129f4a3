import type * as Y from 'yjs';

/** Facts about the session that every participant may read; kept in the `control` document. */
export interface SessionInfo {
  readonly title: string;
  readonly createdAt: number;
}

export const SESSION_TITLE_MAX_LENGTH = 200;

function infoMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('session');
}

/** Writes the session facts into a control document (the host does this when a session is created). */
export function writeSessionInfo(doc: Y.Doc, info: SessionInfo): void {
  doc.transact(() => {
    const map = infoMap(doc);
    map.set('title', info.title);
    map.set('createdAt', info.createdAt);
  }, 'host');
}

/** Reads the session facts; null until the control document has synced. */
export function selectSessionInfo(doc: Y.Doc): SessionInfo | null {
  const map = infoMap(doc);
  const title = map.get('title');
  const createdAt = map.get('createdAt');
  if (typeof title !== 'string' || typeof createdAt !== 'number') return null;
  return { title, createdAt };
}

export function observeSessionInfo(doc: Y.Doc, onChange: () => void): () => void {
  const map = infoMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
