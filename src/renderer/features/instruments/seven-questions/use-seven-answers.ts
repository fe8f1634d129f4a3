/**
 * The phone's answers to the seven questions: kept on the device first, then sent to the host
 * (POST /api/sessions/:id/answers, which replaces the earlier answers). Offline, they wait on the
 * device and go out when the connection is back; after a reload the device's unsent answers win,
 * else the host's copy of one's own answers is read back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerSet } from '../../../../core/instruments/seven-questions';
import type { Answer, SevenQuestionId, Side } from '../../../../core/instruments/vocabulary';
import { ApiError } from '../../../api/api-error';
import { fetchOwnSevenAnswers, sendSevenAnswers } from '../../../api/participant-api';
import { readJson, writeJson } from '../../../storage/local-store';
import type { ParticipantSession } from '../../../storage/participant-session';

export type SendStatus = 'idle' | 'sending' | 'saved' | 'waiting' | 'closed' | 'refused';

interface Stored {
  readonly side: Side | null;
  readonly answers: AnswerSet;
  readonly unsent: boolean;
}

const keyOf = (record: ParticipantSession, stepId: string) => `samskapa:seven:${record.sessionId}:${record.participantId}:${stepId}`;

function readStored(key: string): Stored | null {
  const value = readJson(key) as Partial<Stored> | null;
  if (!value || typeof value !== 'object' || typeof value.answers !== 'object' || value.answers === null) return null;
  return { side: value.side === 'patient' || value.side === 'staff' ? value.side : null, answers: value.answers, unsent: value.unsent === true };
}

export interface SevenAnswers {
  readonly answers: AnswerSet;
  readonly side: Side | null;
  readonly status: SendStatus;
  readonly setAnswer: (questionId: SevenQuestionId, answer: Answer) => void;
  readonly chooseSide: (side: Side) => void;
}

/** `fixedSide`: the side the role decides (null when the person chooses). */
export function useSevenAnswers(record: ParticipantSession, stepId: string, fixedSide: Side | null, online: boolean): SevenAnswers {
  const key = keyOf(record, stepId);
  const [state, setState] = useState<Stored>(() => readStored(key) ?? { side: null, answers: {}, unsent: false });
  const [status, setStatus] = useState<SendStatus>(() => (readStored(key)?.unsent ? 'waiting' : 'idle'));
  const latest = useRef(state);
  latest.current = state;
  const side = fixedSide ?? state.side;

  const store = useCallback((next: Stored) => {
    latest.current = next;
    setState(next);
    writeJson(key, next);
  }, [key]);

  const send = useCallback(() => {
    const now = latest.current;
    if (Object.keys(now.answers).length === 0) return;
    const chosen = fixedSide ? undefined : (now.side ?? undefined);
    if (!fixedSide && !chosen) return;
    setStatus('sending');
    sendSevenAnswers(record.token, record.sessionId, { stepId, ...(chosen ? { side: chosen } : {}), answers: now.answers }).then(
      () => {
        if (latest.current !== now) return; // a newer change is on its way
        store({ ...now, unsent: false });
        setStatus('saved');
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'step-closed') setStatus('closed');
        else if (error instanceof ApiError && error.code !== 'network' && error.status < 500) setStatus('refused');
        else setStatus('waiting');
      },
    );
  }, [fixedSide, record.token, record.sessionId, stepId, store]);

  // After a reload: the host's copy of my own answers, unless the device holds newer unsent ones.
  useEffect(() => {
    if (readStored(key)?.unsent) return;
    let live = true;
    fetchOwnSevenAnswers(record.token, record.sessionId, stepId).then(
      (own) => {
        if (!live || Object.keys(own.answers).length === 0 || latest.current.unsent) return;
        store({ side: own.side, answers: own.answers, unsent: false });
        setStatus('saved');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, record.token, record.sessionId, stepId, store]);

  // Back online with answers still on the device: send them.
  useEffect(() => {
    if (online && latest.current.unsent) send();
  }, [online, send]);

  const setAnswer = useCallback(
    (questionId: SevenQuestionId, answer: Answer) => {
      store({ ...latest.current, answers: { ...latest.current.answers, [questionId]: answer }, unsent: true });
      if (online) send();
      else setStatus('waiting');
    },
    [online, send, store],
  );

  const chooseSide = useCallback(
    (chosen: Side) => {
      const changed = latest.current.side !== chosen;
      store({ ...latest.current, side: chosen, unsent: latest.current.unsent || (changed && Object.keys(latest.current.answers).length > 0) });
      if (changed && online) send();
    },
    [online, send, store],
  );

  return { answers: state.answers, side, status, setAnswer, chooseSide };
}
