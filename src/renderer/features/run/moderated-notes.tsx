import { useId, useState } from 'react';
import type { Note } from '../../../core/workshop/board';
import type { Group } from '../../../core/workshop/groups';
import { useT } from '../../i18n';
import { NotesList } from '../board/notes-list';

export interface ModeratedNotesProps {
  readonly notes: readonly Note[];
  readonly groups?: readonly Group[];
  readonly onHide: (note: Note) => void;
  readonly heading?: string;
}

/** The step's notes for the facilitator, each with "Dölj"; in a group step, filtered by group. */
export function ModeratedNotes({ notes, groups = [], onHide, heading }: ModeratedNotesProps) {
  const t = useT();
  const headingId = useId();
  const filterId = useId();
  const [groupId, setGroupId] = useState('');
  const shown = groupId ? notes.filter((n) => n.groupId === groupId) : notes;
  return (
    <div className="stack-sm">
      {groups.length > 0 ? (
        <div className="field field-inline">
          <label htmlFor={filterId} className="field-label">
            {t('run.groupFilter')}
          </label>
          <select id={filterId} className="input" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t('run.allGroups')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {t('run.groupOption', { name: g.name, count: notes.filter((n) => n.groupId === g.id).length })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <NotesList
        notes={shown}
        headingId={headingId}
        layout="grid"
        {...(heading ? { heading } : {})}
        renderActions={(note) => (
          <button
            type="button"
            className="btn btn-quiet note-action"
            aria-label={t('moderation.hideNamed', { text: note.text.slice(0, 60) })}
            onClick={() => onHide(note)}
          >
            {t('moderation.hide')}
          </button>
        )}
      />
    </div>
  );
}
