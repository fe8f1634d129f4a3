import { useEffect, useMemo, useRef } from 'react';
import { useInstructions } from '../../preferences/use-instruction';
import { groupOf } from '../../../core/workshop/groups';
import { useT } from '../../i18n';
import { useNotes } from '../../sync/use-doc-selector';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { ClusterView } from './cluster-view';
import { NoteStep } from './note-step';
import { SilentStep } from './silent-step';
import type { ParticipantStepProps } from './step-context';
import { StepQuestion } from './step-question';
import { isSilentWriting, sourceNotes } from './step-notes';
import { useClusters, useGroups } from './use-workshop';
import { VoteStep } from './vote-step';
import { instrumentViews } from '../instruments';

type Props = Omit<ParticipantStepProps, 'groupId'>;

/** Step types where the participant writes or marks something (for the group and anonymity lines). */
const TAKES_INPUT = new Set(['note-board', 'dot-voting', 'dialogue-cloth', 'reflection', 'seven-questions', 'personas', 'partnership-matrix']);

/** Grouping on the phone: watch the headings fill up as the facilitator sorts (read-only). */
function GroupingStep({ connection, step }: ParticipantStepProps) {
  const t = useT();
  const ti = useInstructions();
  const notes = useNotes(connection.board);
  const clusters = useClusters(connection.control, step.id);
  const shown = useMemo(() => sourceNotes(notes, step), [notes, step]);
  return (
    <>
      <p className="muted">{ti('steps.group.watch')}</p>
      <ClusterView clusters={clusters} notes={shown} />
    </>
  );
}

function StepBody(props: ParticipantStepProps) {
  const { step } = props;
  if (isSilentWriting(step) && !instrumentViews(step.type)?.participant) return <SilentStep {...props} />;
  switch (step.type) {
    case 'note-board':
      return <NoteStep {...props} />;
    case 'grouping':
      return <GroupingStep {...props} />;
    case 'dot-voting':
      return <VoteStep {...props} />;
    default: {
      const Instrument = instrumentViews(step.type)?.participant;
      return Instrument ? <Instrument {...props} /> : null;
    }
  }
}

/** Says "Nu: <titel>" when the room moves to another step (not when the page first opens). */
function useAnnounceStep(stepId: string, title: string): void {
  const t = useT();
  const announce = useAnnounce();
  const previous = useRef(stepId);
  useEffect(() => {
    if (previous.current === stepId) return;
    previous.current = stepId;
    announce(t('steps.now', { title }));
    // The new question starts at the top, not wherever the last step was scrolled to.
    window.scrollTo({ top: 0 });
  }, [stepId, title, announce, t]);
}

/**
 * The phone during a step: only this step, one thing at a time. It follows the facilitator live;
 * a new step slides in calmly (no motion when the person asked for less).
 */
export function ParticipantStep(props: Props) {
  const t = useT();
  const ti = useInstructions();
  const { connection, record, step, run } = props;
  const groups = useGroups(connection.control);
  const group = step.groupMode === 'groups' ? groupOf(groups, record.participantId) : undefined;
  useAnnounceStep(step.id, step.title);
  const takesInput = TAKES_INPUT.has(step.type) || isSilentWriting(step);
  return (
    <div key={step.id} className="participant-step step-enter stack">
      <StepQuestion step={step} timer={run.timer} sessionTitle={record.sessionTitle} groupName={group?.name ?? null} />
      {step.groupMode === 'groups' && !group && takesInput ? (
        <Notice tone="info">
          <p>{ti('steps.noGroupYet')}</p>
        </Notice>
      ) : null}
      {record.anonymous && takesInput ? (
        <p className="anonymous-line">{ti('board.anonymousNotice')}</p>
      ) : null}
      <StepBody {...props} groupId={group?.id ?? null} />
    </div>
  );
}
