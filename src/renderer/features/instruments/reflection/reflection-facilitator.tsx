import { useCallback, useId, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Prompt } from '../../../../core/instruments/prompts';
import type { Note } from '../../../../core/workshop/board';
import { selectPending, vaultPending } from '../../../../core/workshop/moderation';
import { useT } from '../../../i18n';
import { useDocSelector, useNotes, type Observe } from '../../../sync/use-doc-selector';
import { NotesList } from '../../board/notes-list';
import { notesOfStep } from '../../steps/step-notes';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { FacilitatorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useReflectionTexts } from './reflection-text';
import './reflection.css';

const observePending: Observe = (doc, onChange) => {
  const map = vaultPending(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
};

const NO_VAULT: readonly Note[] = [];

/** The answers waiting in the vault for this step (the facilitator's own view; they name nobody when anonymous). */
function usePending(vault: Y.Doc | null, board: Y.Doc, stepId: string): readonly Note[] {
  const select = useCallback((doc: Y.Doc) => (vault ? selectPending(doc, stepId) : NO_VAULT), [vault, stepId]);
  return useDocSelector(vault ?? board, observePending, select);
}

/** The cockpit: before the reveal, how many have answered each prompt; after, the answers per prompt. */
export default function ReflectionFacilitator({ connection, step, revealed, onHide }: FacilitatorInstrumentProps) {
  const t = useT();
  const token = useFacilitatorToken();
  const texts = useReflectionTexts(token, step);
  const pending = usePending(connection.vault, connection.board, step.id);
  const notes = useNotes(connection.board);
  const shown = useMemo(() => notesOfStep(notes, step), [notes, step]);
  const { config } = texts;
  return (
    <div className="stack" data-testid="reflection-run">
      <div className="row">
        <span className="badge">{config.form === 'du' ? t('reflection.formDu') : t('reflection.formNi')}</span>
        {config.anonymous ? <span className="badge">{t('reflection.anonymousBadge')}</span> : null}
      </div>
      {revealed ? (
        <Answers prompts={texts.prompts} notes={shown} onHide={onHide} />
      ) : (
        <div className="stack-sm">
          <p className="run-fact" data-testid="private-count">
            {t('run.silent.pending', { count: pending.length })}
          </p>
          <p className="muted small">{t('reflection.run.hint')}</p>
          <ol className="plain-list reflection-prompts" data-testid="reflection-prompts">
            {texts.prompts.map((prompt) => (
              <li key={prompt.id}>
                <span className="reflection-prompt-body">
                  {prompt.zone ? <span className="reflection-zone">{prompt.zone}</span> : null}
                  <span>{prompt.text}</span>
                </span>
                <span className="reflection-pending">
                  {t('reflection.run.answers', { count: pending.filter((n) => n.questionId === prompt.id).length })}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <SourceLine text={texts.source} edited={texts.edited ? t('cloth.editedInSession') : null} />
    </div>
  );
}

function Answers({ prompts, notes, onHide }: { readonly prompts: readonly Prompt[]; readonly notes: readonly Note[]; readonly onHide: (note: Note) => void }) {
  const t = useT();
  const ids = new Set(prompts.map((p) => p.id));
  const groups = [
    ...prompts.map((p) => ({ id: p.id, heading: p.text, notes: notes.filter((n) => n.questionId === p.id) })),
    { id: '', heading: t('reflection.otherAnswers'), notes: notes.filter((n) => !n.questionId || !ids.has(n.questionId)) },
  ].filter((g) => g.id !== '' || g.notes.length > 0);
  return (
    <div className="stack" data-testid="reflection-answers">
      {groups.map((group) => (
        <AnswerGroup key={group.id || 'other'} heading={group.heading} notes={group.notes} onHide={onHide} />
      ))}
    </div>
  );
}

function AnswerGroup({ heading, notes, onHide }: { readonly heading: string; readonly notes: readonly Note[]; readonly onHide: (note: Note) => void }) {
  const t = useT();
  const headingId = useId();
  return (
    <div className="reflection-group">
      <NotesList
        notes={notes}
        headingId={headingId}
        heading={heading}
        layout="grid"
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
