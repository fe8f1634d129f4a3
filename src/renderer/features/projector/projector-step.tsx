import { useId, useMemo } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import type { Note } from '../../../core/workshop/board';
import type { RunState } from '../../../core/workshop/run-state';
import { instrumentViews } from '../instruments';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useNotes } from '../../sync/use-doc-selector';
import { NoteCard } from '../../ui/note-card';
import { ClusterView } from '../steps/cluster-view';
import { useRemaining } from '../steps/step-timer';
import { isSilentWriting, notesOfStep, sourceNotes, votingConfig, votingResultsVisible } from '../steps/step-notes';
import { useClusters, useRevealed, useVoterCount, useVoteTally } from '../steps/use-workshop';
import { VoteResults } from '../steps/vote-results';

interface Props {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly run: RunState;
}

/** The newest notes that fit a wall: big text, newest first. */
function NoteWall({ notes }: { readonly notes: readonly Note[] }) {
  const newest = [...notes].reverse().slice(0, 12);
  return (
    <ul className="plain-list projector-notes">
      {newest.map((note) => (
        <li key={note.id} className="fade-in">
          <NoteCard note={note} />
        </li>
      ))}
    </ul>
  );
}

function Voting({ connection, step, run }: Props) {
  const t = useT();
  const headingId = useId();
  const config = useMemo(() => votingConfig(step), [step]);
  const notes = useNotes(connection.board);
  const candidates = useMemo(() => sourceNotes(notes, step), [notes, step]);
  const tally = useVoteTally(connection.board, step.id, config);
  const voters = useVoterCount(connection.board, step.id);
  const { remaining } = useRemaining(run.timer);
  if (votingResultsVisible(run, remaining)) {
    return <VoteResults results={tally} notes={candidates} headingId={headingId} heading={t('projector.results')} limit={8} />;
  }
  return (
    <div className="projector-waiting">
      <p>{t('projector.voteNow', { count: config.votesPerPerson })}</p>
      <p className="projector-fact">{t('projector.voters', { count: voters })}</p>
    </div>
  );
}

function Silent({ connection, step }: Props) {
  const t = useT();
  const revealed = useRevealed(connection.control, step.id);
  const notes = useNotes(connection.board);
  const shown = useMemo(() => notesOfStep(notes, step), [notes, step]);
  if (!revealed) {
    return (
      <div className="projector-waiting">
        <p>{t('projector.silentWriting')}</p>
      </div>
    );
  }
  return <NoteWall notes={shown} />;
}

function Grouping({ connection, step }: Props) {
  const notes = useNotes(connection.board);
  const clusters = useClusters(connection.control, step.id);
  const shown = useMemo(() => sourceNotes(notes, step), [notes, step]);
  return <ClusterView clusters={clusters} notes={shown} showUngrouped={clusters.length === 0} />;
}

function Notes({ connection, step }: Props) {
  const notes = useNotes(connection.board);
  const shown = useMemo(() => notesOfStep(notes, step), [notes, step]);
  return <NoteWall notes={shown} />;
}

function InstrumentOnProjector({ connection, step, Instrument }: Props & { readonly Instrument: NonNullable<ReturnType<typeof instrumentViews>>['projector'] & {} }) {
  const revealed = useRevealed(connection.control, step.id);
  return <Instrument connection={connection} step={step} revealed={revealed} />;
}

/** What the room sees of the current step, by its type. */
export function ProjectorStep(props: Props) {
  const { step } = props;
  if (isSilentWriting(step) && !instrumentViews(step.type)?.projector) return <Silent {...props} />;
  switch (step.type) {
    case 'note-board':
      return <Notes {...props} />;
    case 'grouping':
      return <Grouping {...props} />;
    case 'dot-voting':
      return <Voting {...props} />;
    default: {
      const Instrument = instrumentViews(step.type)?.projector;
      return Instrument ? <InstrumentOnProjector {...props} Instrument={Instrument} /> : null;
    }
  }
}
