import { useId, useMemo } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import type { Note } from '../../../core/workshop/board';
import { useT } from '../../i18n';
import type { SessionConnection } from '../../sync/provider';
import { useNotes } from '../../sync/use-doc-selector';
import { notesOfStep, sourceNotes, votingConfig } from '../steps/step-notes';
import { useClusters, useGroups, useVoterCount, useVoteTally } from '../steps/use-workshop';
import { VoteResults } from '../steps/vote-results';
import { GroupingEditor } from './grouping-editor';
import { ModeratedNotes } from './moderated-notes';
import { OnBehalfForm } from './on-behalf-form';
import { HandoutTools } from '../handouts/handout-tools';
import { usePendingCount } from './use-moderation';
import { instrumentViews } from '../instruments';
import { MakeChangeIdeaButton } from '../improvements/make-change-idea';

export interface StepLiveContentProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly revealed: boolean;
  readonly onHide: (note: Note) => void;
}

function VotingContent({ connection, step }: StepLiveContentProps) {
  const t = useT();
  const headingId = useId();
  const config = useMemo(() => votingConfig(step), [step]);
  const notes = useNotes(connection.board);
  const candidates = useMemo(() => sourceNotes(notes, step), [notes, step]);
  const tally = useVoteTally(connection.board, step.id, config);
  const voters = useVoterCount(connection.board, step.id);
  return (
    <div className="stack-sm">
      <p className="run-fact">
        {t('run.voting.summary', { voters, notes: candidates.length, votes: config.votesPerPerson })}
      </p>
      <p className="muted small">{t('run.voting.hint')}</p>
      <VoteResults
        results={tally}
        notes={candidates}
        headingId={headingId}
        heading={t('run.voting.live')}
        action={(note) => (
          <MakeChangeIdeaButton
            from={{ kind: 'note', sessionId: connection.sessionId, stepId: step.id, refId: note.id }}
            quote={note.text}
          />
        )}
      />
    </div>
  );
}

function SilentContent(props: StepLiveContentProps) {
  const t = useT();
  const { connection, step, revealed } = props;
  const pending = usePendingCount(connection.vault ?? connection.board, step.id);
  if (revealed) return <NotesContent {...props} />;
  return (
    <div className="stack-sm">
      <p className="run-fact" data-testid="private-count">
        {t('run.silent.pending', { count: connection.vault ? pending : 0 })}
      </p>
      <p className="muted small">{t('run.silent.hint')}</p>
    </div>
  );
}

function NotesContent({ connection, step, onHide }: StepLiveContentProps) {
  const notes = useNotes(connection.board);
  const groups = useGroups(connection.control);
  const shown = useMemo(() => notesOfStep(notes, step), [notes, step]);
  return <ModeratedNotes notes={shown} groups={step.groupMode === 'groups' ? groups : []} onHide={onHide} />;
}

function GroupingContent({ connection, step, onHide }: StepLiveContentProps) {
  const notes = useNotes(connection.board);
  const clusters = useClusters(connection.control, step.id);
  const shown = useMemo(() => sourceNotes(notes, step), [notes, step]);
  return <GroupingEditor control={connection.control} stepId={step.id} clusters={clusters} notes={shown} onHide={onHide} />;
}

/** What is happening in the current step, by its type, with the facilitator's tools for it. */
export function StepLiveContent(props: StepLiveContentProps) {
  const groups = useGroups(props.connection.control);
  const { step } = props;
  const body = (() => {
    switch (step.type) {
      case 'note-board':
        return <NotesContent {...props} />;
      case 'silent-writing':
        return <SilentContent {...props} />;
      case 'grouping':
        return <GroupingContent {...props} />;
      case 'dot-voting':
        return <VotingContent {...props} />;
      default: {
        const Instrument = instrumentViews(step.type)?.facilitator;
        return Instrument ? <Instrument {...props} /> : null;
      }
    }
  })();
  const takesNotes = step.type === 'note-board' || (step.type === 'silent-writing' && !props.revealed);
  return (
    <>
      {body}
      {takesNotes ? <OnBehalfForm connection={props.connection} step={step} groups={groups} /> : null}
      <HandoutTools connection={props.connection} step={step} />
    </>
  );
}
