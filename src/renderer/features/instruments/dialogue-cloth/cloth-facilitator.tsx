import { useId, useMemo } from 'react';
import { addGuldkorn, clothsByGroup, removeGuldkorn, type ClothOfGroup, type Guldkorn } from '../../../../core/instruments/dialogue-cloth';
import type { Prompt } from '../../../../core/instruments/prompts';
import type { Note } from '../../../../core/workshop/board';
import type { Group } from '../../../../core/workshop/groups';
import { useT } from '../../../i18n';
import { useNotes } from '../../../sync/use-doc-selector';
import { useAnnounce } from '../../../ui/live-region';
import { NoteCard } from '../../../ui/note-card';
import { useGroups } from '../../steps/use-workshop';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { FacilitatorInstrumentProps } from '../registry';
import { useAnnounceNewNotes } from '../packs/use-announce-new-notes';
import { SourceLine } from '../pack-support/source-line';
import { useClothTexts } from './cloth-text';
import { GuldkornPanel } from './guldkorn-panel';
import { useGuldkorn } from './use-guldkorn';
import './cloth.css';

const NO_GROUPS: readonly Group[] = [];

/** The name of a cloth's column: its group, "Hela rummet", or a group that no longer exists. */
export function useColumnName(groups: readonly Group[], inGroups: boolean): (groupId: string | null | undefined) => string {
  const t = useT();
  return (groupId) => {
    if (groupId) return groups.find((g) => g.id === groupId)?.name ?? t('cloth.run.formerGroup');
    return inGroups ? t('cloth.run.noGroup') : t('cloth.run.room');
  };
}

/** The cockpit: every group's cloth side by side; per note "Guldkorn" and "Dölj"; the summary. */
export default function ClothFacilitator({ connection, step, onHide }: FacilitatorInstrumentProps) {
  const t = useT();
  const announce = useAnnounce();
  const token = useFacilitatorToken();
  const texts = useClothTexts(token, step);
  const notes = useNotes(connection.board);
  const allGroups = useGroups(connection.control);
  const groups = step.groupMode === 'groups' ? allGroups : NO_GROUPS;
  const stepNotes = useMemo(() => notes.filter((n) => n.stepId === step.id), [notes, step.id]);
  const cloths = useMemo(() => clothsByGroup(stepNotes, step.id, texts.questions, groups), [stepNotes, step.id, texts.questions, groups]);
  const guldkorn = useGuldkorn(connection.control, step.id);
  const columnName = useColumnName(allGroups, step.groupMode === 'groups');
  useAnnounceNewNotes(stepNotes);

  const toggle = (note: Note, existing: readonly Guldkorn[]) => {
    if (existing.length > 0) {
      for (const item of existing) removeGuldkorn(connection.control, item.id);
      announce(t('cloth.run.guldkornRemoved'));
      return;
    }
    const added = addGuldkorn(connection.control, {
      stepId: step.id,
      text: note.text,
      noteId: note.id,
      ...(note.groupId ? { groupId: note.groupId } : {}),
      ...(note.questionId ? { questionId: note.questionId } : {}),
    });
    if (typeof added !== 'string') announce(t('cloth.run.guldkornAdded'));
  };

  return (
    <div className="stack" data-testid="cloth-run">
      <div className="stack-sm">
        <p className="run-fact">{t('cloth.run.summary', { notes: stepNotes.length, cloths: cloths.length })}</p>
        <SourceLine text={texts.source} edited={texts.edited ? t('cloth.editedInSession') : null} />
      </div>
      <div className="cloth-board" role="region" aria-label={t('cloth.run.boardLabel')} data-testid="cloth-board">
        {cloths.map((cloth) => (
          <ClothColumn
            key={cloth.groupId ?? 'room'}
            cloth={cloth}
            name={columnName(cloth.groupId)}
            theme={texts.theme}
            questions={texts.questions}
            guldkorn={guldkorn}
            onToggle={toggle}
            onHide={onHide}
          />
        ))}
      </div>
      <GuldkornPanel
        sessionId={connection.sessionId}
        control={connection.control}
        stepId={step.id}
        guldkorn={guldkorn}
        questions={texts.questions}
        columnName={columnName}
      />
    </div>
  );
}

interface ColumnProps {
  readonly cloth: ClothOfGroup;
  readonly name: string;
  readonly theme: string;
  readonly questions: readonly Prompt[];
  readonly guldkorn: readonly Guldkorn[];
  readonly onToggle: (note: Note, existing: readonly Guldkorn[]) => void;
  readonly onHide: (note: Note) => void;
}

function ClothColumn({ cloth, name, theme, questions, guldkorn, onToggle, onHide }: ColumnProps) {
  const t = useT();
  const headingId = useId();
  const total = cloth.onTheme.length + [...cloth.byQuestion.values()].reduce((sum, list) => sum + list.length, 0);
  const sections = [
    ...questions.map((q) => ({ id: q.id, title: q.text, notes: cloth.byQuestion.get(q.id) ?? [] })),
    ...(cloth.onTheme.length > 0 || questions.length === 0 ? [{ id: '', title: t('cloth.run.onTheme'), notes: cloth.onTheme }] : []),
  ];
  return (
    <section className="cloth-column" aria-labelledby={headingId}>
      <div className="cloth-column-head">
        <h3 id={headingId}>{name}</h3>
        <span className="muted small">{t('board.notesCount', { count: total })}</span>
      </div>
      <p className="cloth-column-theme">{theme || t('cloth.noTheme')}</p>
      {sections.map((section) => (
        <div key={section.id || 'theme'} className="cloth-q">
          <h4>{section.title}</h4>
          {section.notes.length === 0 ? (
            <p className="muted small">{t('cloth.run.noNotes')}</p>
          ) : (
            <ul className="plain-list cloth-q-notes">
              {section.notes.map((note) => {
                const existing = guldkorn.filter((g) => g.noteId === note.id);
                const short = note.text.slice(0, 60);
                return (
                  <li key={note.id}>
                    <NoteCard note={note} />
                    <div className="cloth-note-actions">
                      <button
                        type="button"
                        className="btn btn-secondary guldkorn-toggle"
                        aria-pressed={existing.length > 0}
                        aria-label={t('cloth.run.guldkornNamed', { text: short })}
                        onClick={() => onToggle(note, existing)}
                      >
                        {existing.length > 0 ? t('cloth.run.isGuldkorn') : t('cloth.run.makeGuldkorn')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-quiet"
                        aria-label={t('moderation.hideNamed', { text: short })}
                        onClick={() => onHide(note)}
                      >
                        {t('moderation.hide')}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
