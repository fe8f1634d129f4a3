import { useId, useMemo } from 'react';
import type { Note } from '../../../../core/workshop/board';
import { useT } from '../../../i18n';
import { useNotes } from '../../../sync/use-doc-selector';
import { NoteCard } from '../../../ui/note-card';
import { notesOfStep } from '../../steps/step-notes';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { ProjectorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useReflectionTexts } from './reflection-text';
import './reflection.css';

/** The room's view: the prompts while people write alone; after the reveal, the answers per prompt. */
export default function ReflectionProjector({ connection, step, revealed }: ProjectorInstrumentProps) {
  const t = useT();
  const token = useFacilitatorToken();
  const texts = useReflectionTexts(token, step);
  const notes = useNotes(connection.board);
  const shown = useMemo(() => notesOfStep(notes, step), [notes, step]);
  return (
    <div className="stack" data-testid="reflection-projector">
      {revealed ? (
        texts.prompts.map((prompt) => <PromptWall key={prompt.id} heading={prompt.text} notes={shown.filter((n) => n.questionId === prompt.id)} />)
      ) : (
        <>
          <p className="projector-fact">{texts.config.anonymous ? t('reflection.projector.writingAnonymous') : t('reflection.projector.writing')}</p>
          <ol className="plain-list reflection-prompts">
            {texts.prompts.map((prompt) => (
              <li key={prompt.id}>
                <span className="reflection-prompt-body">
                  {prompt.zone ? <span className="reflection-zone">{prompt.zone}</span> : null}
                  <span>{prompt.text}</span>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <SourceLine text={texts.source} edited={texts.edited ? t('cloth.editedInSession') : null} />
    </div>
  );
}

function PromptWall({ heading, notes }: { readonly heading: string; readonly notes: readonly Note[] }) {
  const t = useT();
  const headingId = useId();
  const newest = [...notes].reverse().slice(0, 8);
  return (
    <section className="reflection-group stack-sm" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {notes.length === 0 ? <p className="muted">{t('reflection.projector.noAnswers')}</p> : null}
      <ul className="plain-list projector-notes">
        {newest.map((note) => (
          <li key={note.id} className="fade-in">
            <NoteCard note={note} />
          </li>
        ))}
      </ul>
    </section>
  );
}
