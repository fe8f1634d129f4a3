/**
 * A participant's own silent-writing answers, kept on the phone: the host holds them privately
 * until the facilitator reveals, and nothing on the board shows them yet, so the phone is the only
 * place the person can read back what they wrote ("Dina svar").
 */
import { useCallback, useState } from 'react';
import { readJson, writeJson } from '../../storage/local-store';

export interface PrivateAnswer {
  readonly id: string;
  readonly text: string;
  readonly createdAt: number;
}

const key = (scope: string) => `samskapa:private:${scope}`;

function isAnswer(value: unknown): value is PrivateAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.text === 'string' && typeof v.createdAt === 'number';
}

export function loadPrivateAnswers(scope: string): PrivateAnswer[] {
  const stored = readJson(key(scope));
  return Array.isArray(stored) ? stored.filter(isAnswer) : [];
}

/** The answers of one step and person, and a way to add one (also written to localStorage). */
export function usePrivateAnswers(scope: string): [readonly PrivateAnswer[], (answer: PrivateAnswer) => void] {
  const [answers, setAnswers] = useState(() => loadPrivateAnswers(scope));
  const [loadedFor, setLoadedFor] = useState(scope);
  if (loadedFor !== scope) {
    setLoadedFor(scope);
    setAnswers(loadPrivateAnswers(scope));
  }
  const add = useCallback(
    (answer: PrivateAnswer) => {
      const next = [...loadPrivateAnswers(scope), answer];
      writeJson(key(scope), next);
      setAnswers(next);
    },
    [scope],
  );
  return [answers, add];
}
