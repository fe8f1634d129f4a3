import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Note } from '../../../core/workshop/board';
import { addCluster, placeNote, removeCluster, renameCluster, type Cluster } from '../../../core/workshop/clusters';
import { useT } from '../../i18n';
import { useAnnounce } from '../../ui/live-region';
import { NoteCard } from '../../ui/note-card';

export interface GroupingEditorProps {
  readonly control: Y.Doc;
  readonly stepId: string;
  readonly clusters: readonly Cluster[];
  readonly notes: readonly Note[];
  readonly onHide: (note: Note) => void;
}

function HeadingRow({ control, cluster }: { readonly control: Y.Doc; readonly cluster: Cluster }) {
  const t = useT();
  const [title, setTitle] = useState(cluster.title);
  const inputId = useId();
  return (
    <form
      className="cluster-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim()) renameCluster(control, cluster.id, title);
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('run.grouping.rename', { title: cluster.title })}
      </label>
      <input id={inputId} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="submit" className="btn btn-quiet" disabled={title.trim() === cluster.title || !title.trim()}>
        {t('run.grouping.save')}
      </button>
      <button
        type="button"
        className="btn btn-quiet"
        aria-label={t('run.grouping.removeNamed', { title: cluster.title })}
        onClick={() => removeCluster(control, cluster.id)}
      >
        {t('run.grouping.remove')}
      </button>
    </form>
  );
}

interface PlaceRowProps {
  readonly note: Note;
  readonly clusters: readonly Cluster[];
  readonly value: string;
  readonly onPlace: (note: Note, clusterId: string) => void;
  readonly onHide: (note: Note) => void;
}

function PlaceRow({ note, clusters, value, onPlace, onHide }: PlaceRowProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="row grouping-note-actions">
      <label className="visually-hidden" htmlFor={id}>
        {t('run.grouping.placeLabel', { text: note.text.slice(0, 60) })}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onPlace(note, e.target.value)}>
        <option value="">{t('steps.group.ungrouped')}</option>
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-quiet note-action"
        aria-label={t('moderation.hideNamed', { text: note.text.slice(0, 60) })}
        onClick={() => onHide(note)}
      >
        {t('moderation.hide')}
      </button>
    </div>
  );
}

/**
 * Grouping with the room watching: make headings, then place each note under one with a plain
 * select (keyboard first; the phones and the projector follow live).
 */
export function GroupingEditor({ control, stepId, clusters, notes, onHide }: GroupingEditorProps) {
  const t = useT();
  const announce = useAnnounce();
  const newId = useId();
  const [title, setTitle] = useState('');
  const placedIn = new Map(clusters.flatMap((c) => c.noteIds.map((id) => [id, c.id] as const)));

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!title.trim()) return;
    addCluster(control, stepId, title);
    announce(t('run.grouping.added', { title: title.trim() }));
    setTitle('');
  }

  function place(note: Note, clusterId: string): void {
    placeNote(control, stepId, note.id, clusterId || null);
    const target = clusters.find((c) => c.id === clusterId);
    announce(target ? t('run.grouping.placed', { title: target.title }) : t('run.grouping.unplaced'));
  }

  return (
    <div className="stack">
      <form className="row grouping-add" onSubmit={add}>
        <label htmlFor={newId} className="field-label">
          {t('run.grouping.newLabel')}
        </label>
        <input id={newId} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" className="btn btn-secondary">
          {t('run.grouping.add')}
        </button>
      </form>
      {clusters.length > 0 ? (
        <div className="stack-sm">
          <h3>{t('run.grouping.headings')}</h3>
          {clusters.map((cluster) => (
            <HeadingRow key={`${cluster.id}:${cluster.title}`} control={control} cluster={cluster} />
          ))}
        </div>
      ) : null}
      <div className="grouping-columns" data-testid="grouping-notes">
        {[...clusters.map((c) => ({ id: c.id, title: c.title })), { id: '', title: t('steps.group.ungrouped') }].map(
          (section) => {
            const inSection = notes.filter((n) => (placedIn.get(n.id) ?? '') === section.id);
            if (section.id === '' && inSection.length === 0) return null;
            return (
              <section key={section.id || 'ungrouped'} className="cluster" aria-label={section.title}>
                <h3 className="cluster-title">
                  {section.title}{' '}
                  <span className="cluster-count">{t('steps.group.count', { count: inSection.length })}</span>
                </h3>
                <ul className="plain-list cluster-notes">
                  {inSection.map((note) => (
                    <li key={note.id} className="stack-sm">
                      <NoteCard note={note} />
                      <PlaceRow note={note} clusters={clusters} value={section.id} onPlace={place} onHide={onHide} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          },
        )}
      </div>
    </div>
  );
}
