import { useId } from 'react';
import type { Note } from '../../../core/workshop/board';
import type { Cluster } from '../../../core/workshop/clusters';
import { useT } from '../../i18n';
import { NoteCard } from '../../ui/note-card';

export interface ClusterViewProps {
  readonly clusters: readonly Cluster[];
  readonly notes: readonly Note[];
  /** Show the notes that are under no heading yet (the phone and cockpit do; the projector not). */
  readonly showUngrouped?: boolean;
}

function ClusterSection({ title, notes }: { readonly title: string; readonly notes: readonly Note[] }) {
  const t = useT();
  const id = useId();
  return (
    <section className="cluster" aria-labelledby={id}>
      <h2 id={id} className="cluster-title">
        {title} <span className="cluster-count">{t('steps.group.count', { count: notes.length })}</span>
      </h2>
      <ul className="plain-list cluster-notes">
        {notes.map((note) => (
          <li key={note.id}>
            <NoteCard note={note} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Grouping, read-only: each heading with the notes under it, as the facilitator sorts them. */
export function ClusterView({ clusters, notes, showUngrouped = true }: ClusterViewProps) {
  const t = useT();
  const byId = new Map(notes.map((n) => [n.id, n]));
  const placed = new Set(clusters.flatMap((c) => c.noteIds));
  const ungrouped = notes.filter((n) => !placed.has(n.id));
  return (
    <div className="clusters" data-testid="clusters">
      {clusters.length === 0 ? <p className="muted">{t('steps.group.noHeadings')}</p> : null}
      {clusters.map((cluster) => (
        <ClusterSection
          key={cluster.id}
          title={cluster.title}
          notes={cluster.noteIds.flatMap((id) => byId.get(id) ?? [])}
        />
      ))}
      {showUngrouped && ungrouped.length > 0 ? (
        <ClusterSection title={t('steps.group.ungrouped')} notes={ungrouped} />
      ) : null}
    </div>
  );
}
