import { useId, useMemo, useState } from 'react';
import { useInstructions } from '../../preferences/use-instruction';
import type { Note } from '../../../core/workshop/board';
import { castVote, retractVote, type VoteError } from '../../../core/workshop/votes';
import { useT } from '../../i18n';
import { useNotes } from '../../sync/use-doc-selector';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { type ParticipantStepProps } from './step-context';
import { sourceNotes, votingConfig, votingResultsVisible } from './step-notes';
import { useRemaining } from './step-timer';
import { useMyVotes, useVoteTally } from './use-workshop';
import { VoteResults } from './vote-results';

/** Dot voting on the phone: one big button per note; "Du har 2 röster kvar"; results at the end. */
export function VoteStep({ connection, record, step, run }: ParticipantStepProps) {
  const t = useT();
  const ti = useInstructions();
  const announce = useAnnounce();
  const headingId = useId();
  const config = useMemo(() => votingConfig(step), [step]);
  const notes = useNotes(connection.board);
  const candidates = useMemo(() => sourceNotes(notes, step), [notes, step]);
  const mine = useMyVotes(connection.board, step.id, record.pseudonym, config);
  const tally = useVoteTally(connection.board, step.id, config);
  const { remaining } = useRemaining(run.timer);
  const [problem, setProblem] = useState<VoteError | null>(null);
  const left = mine.filter((v) => v === null).length;

  if (votingResultsVisible(run, remaining)) {
    return (
      <VoteResults results={tally} notes={candidates} headingId={headingId} heading={t('steps.vote.resultsHeading')} />
    );
  }

  function vote(note: Note, add: boolean): void {
    if (run.locked) return;
    let error: VoteError | null = null;
    if (add) error = castVote(connection.board, step.id, record.pseudonym, note.id, config);
    else retractVote(connection.board, step.id, record.pseudonym, note.id, config);
    setProblem(error);
    if (error) announce(t(`steps.vote.error.${error}`));
    else announce(t(add ? 'steps.vote.cast' : 'steps.vote.retracted', { count: add ? left - 1 : left + 1 }));
  }

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('steps.vote.heading')}
      </h2>
      <p className="votes-left" data-testid="votes-left" aria-live="polite">
        {t('steps.vote.left', { count: left })}
      </p>
      <p className="muted">{config.allowStacking ? ti('steps.vote.howToStacking') : ti('steps.vote.howTo')}</p>
      {problem ? (
        <Notice tone="warning" role="alert">
          <p>{t(`steps.vote.error.${problem}`)}</p>
        </Notice>
      ) : null}
      {candidates.length === 0 ? <p className="muted">{t('steps.vote.nothingYet')}</p> : null}
      <ul className="plain-list notes-column" data-testid="vote-options">
        {candidates.map((note) => {
          const count = mine.filter((id) => id === note.id).length;
          return (
            <li key={note.id} className={count > 0 ? 'vote-option has-vote' : 'vote-option'}>
              <p className="note-text" id={`vote-note-${note.id}`}>
                {note.text}
              </p>
              <div className="row">
                {count > 0 ? (
                  <span className="badge vote-mine">{t('steps.vote.yourVotes', { count })}</span>
                ) : null}
                <button
                  type="button"
                  className={count > 0 && !config.allowStacking ? 'btn btn-primary' : 'btn btn-secondary'}
                  aria-pressed={config.allowStacking ? undefined : count > 0}
                  aria-describedby={`vote-note-${note.id}`}
                  onClick={() => vote(note, config.allowStacking || count === 0)}
                >
                  {t('steps.vote.vote')}
                </button>
                {config.allowStacking && count > 0 ? (
                  <button
                    type="button"
                    className="btn btn-quiet"
                    aria-describedby={`vote-note-${note.id}`}
                    onClick={() => vote(note, false)}
                  >
                    {t('steps.vote.unvote')}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
