/**
 * React hooks over the workshop core (agenda, run state, groups, clusters, votes, moderation).
 * Each one pairs a core `observe*` with a core `select*` through `useDocSelector`, so screens read
 * plain snapshots and never touch Yjs types. Shared by the phone, the cockpit and the projector.
 */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { findStep, observeAgenda, selectAgenda, type Step } from '../../../core/workshop/agenda';
import { observeClusters, selectClusters, type Cluster } from '../../../core/workshop/clusters';
import { observeGroups, selectGroups, type Group } from '../../../core/workshop/groups';
import { answeredMap, selectAnswered } from '../../../core/workshop/moderation';
import { isRevealed, observeRun, selectRunState, type RunState } from '../../../core/workshop/run-state';
import { observeVotes, tallyVotes, voterIds, myVotes, type VoteResult } from '../../../core/workshop/votes';
import type { DotVotingConfig } from '../../../core/workshop/step-types';
import { useDocSelector, type Observe } from '../../sync/use-doc-selector';

export function useAgenda(control: Y.Doc): readonly Step[] {
  return useDocSelector(control, observeAgenda, selectAgenda);
}

export function useRunState(control: Y.Doc): RunState {
  return useDocSelector(control, observeRun, selectRunState);
}

const observeAgendaAndRun: Observe = (doc, onChange) => {
  const stopAgenda = observeAgenda(doc, onChange);
  const stopRun = observeRun(doc, onChange);
  return () => {
    stopAgenda();
    stopRun();
  };
};

/** The step the room is in (null on the free board), re-read when the agenda or run changes. */
export function useCurrentStep(control: Y.Doc): Step | null {
  const select = useCallback((doc: Y.Doc) => {
    const id = selectRunState(doc).currentStepId;
    return id === null ? null : (findStep(doc, id) ?? null);
  }, []);
  return useDocSelector(control, observeAgendaAndRun, select);
}

export function useRevealed(control: Y.Doc, stepId: string | null): boolean {
  const select = useCallback((doc: Y.Doc) => (stepId ? isRevealed(doc, stepId) : false), [stepId]);
  return useDocSelector(control, observeRun, select);
}

export function useGroups(control: Y.Doc): readonly Group[] {
  return useDocSelector(control, observeGroups, selectGroups);
}

export function useClusters(control: Y.Doc, stepId: string): readonly Cluster[] {
  const select = useCallback((doc: Y.Doc) => selectClusters(doc, stepId), [stepId]);
  return useDocSelector(control, observeClusters, select);
}

/** The config as a value that only changes when its fields do (selectors depend on it). */
function useStableConfig(config: DotVotingConfig): DotVotingConfig {
  const { votesPerPerson, allowStacking, sourceStepId } = config;
  return useMemo(
    () => ({ votesPerPerson, allowStacking, sourceStepId }),
    [votesPerPerson, allowStacking, sourceStepId],
  );
}

export function useVoteTally(board: Y.Doc, stepId: string, votingConfig: DotVotingConfig): readonly VoteResult[] {
  const config = useStableConfig(votingConfig);
  const select = useCallback((doc: Y.Doc) => tallyVotes(doc, stepId, config), [stepId, config]);
  return useDocSelector(board, observeVotes, select);
}

export function useVoterCount(board: Y.Doc, stepId: string): number {
  const select = useCallback((doc: Y.Doc) => voterIds(doc, stepId).size, [stepId]);
  return useDocSelector(board, observeVotes, select);
}

export function useMyVotes(
  board: Y.Doc,
  stepId: string,
  voterId: string,
  votingConfig: DotVotingConfig,
): readonly (string | null)[] {
  const config = useStableConfig(votingConfig);
  const select = useCallback(
    (doc: Y.Doc) => myVotes(doc, stepId, voterId, config),
    [stepId, voterId, config],
  );
  return useDocSelector(board, observeVotes, select);
}

const observeAnswered: Observe = (doc, onChange) => {
  const map = answeredMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
};

/** Participant ids the host has recorded as having answered the step. */
export function useAnswered(control: Y.Doc, stepId: string | null): readonly string[] {
  const select = useCallback((doc: Y.Doc) => (stepId ? selectAnswered(doc, stepId) : []), [stepId]);
  return useDocSelector(control, observeAnswered, select);
}

