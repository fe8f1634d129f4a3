import type * as Y from 'yjs';
import { createItemId } from '../ids';
import { FACILITATOR_ORIGIN } from './origins';

/**
 * Grouping step: headings with notes under them, in the control document (the facilitator groups
 * with the room watching, as on a wall). A note sits under at most one heading per step.
 */
export interface Cluster {
  readonly id: string;
  readonly stepId: string;
  readonly title: string;
  readonly noteIds: readonly string[];
  readonly order: number;
}

function clustersMap(doc: Y.Doc): Y.Map<Cluster> {
  return doc.getMap<Cluster>('clusters');
}

export function selectClusters(doc: Y.Doc, stepId: string): Cluster[] {
  return [...clustersMap(doc).values()].filter((c) => c.stepId === stepId).sort((a, b) => a.order - b.order);
}

export function addCluster(doc: Y.Doc, stepId: string, title: string): Cluster {
  const cluster: Cluster = { id: createItemId(), stepId, title: title.trim(), noteIds: [], order: selectClusters(doc, stepId).length };
  doc.transact(() => clustersMap(doc).set(cluster.id, cluster), FACILITATOR_ORIGIN);
  return cluster;
}

export function renameCluster(doc: Y.Doc, clusterId: string, title: string): void {
  const current = clustersMap(doc).get(clusterId);
  if (!current) return;
  doc.transact(() => clustersMap(doc).set(clusterId, { ...current, title: title.trim() }), FACILITATOR_ORIGIN);
}

/** Puts a note under a heading (or back to "not grouped" with null), out of any other heading of the step. */
export function placeNote(doc: Y.Doc, stepId: string, noteId: string, clusterId: string | null): void {
  doc.transact(() => {
    const map = clustersMap(doc);
    for (const cluster of selectClusters(doc, stepId)) {
      const without = cluster.noteIds.filter((id) => id !== noteId);
      const noteIds = cluster.id === clusterId ? [...without, noteId] : without;
      if (noteIds.length !== cluster.noteIds.length || cluster.id === clusterId) map.set(cluster.id, { ...cluster, noteIds });
    }
  }, FACILITATOR_ORIGIN);
}

/** Removes a heading; its notes go back to "not grouped" (nothing is lost). */
export function removeCluster(doc: Y.Doc, clusterId: string): void {
  doc.transact(() => clustersMap(doc).delete(clusterId), FACILITATOR_ORIGIN);
}

export function observeClusters(doc: Y.Doc, onChange: () => void): () => void {
  const map = clustersMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
