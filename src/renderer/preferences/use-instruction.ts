/**
 * Lättläst (easy read): participant instructions have a second, plainer wording under `easy.<key>`
 * in both locale files (short sentences, everyday words, one idea each). With "Lättläst" on, these
 * hooks return that wording; otherwise the standard one. Only keys that have an `easy.` twin are
 * accepted, so the typecheck fails if a twin is missing.
 */
import { useCallback } from 'react';
import { useT } from '../i18n';
import type sv from '../i18n/locales/sv.json';
import { useEasyRead } from './comfort';

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** A key that has a lättläst twin, e.g. `join.codeIntro` (twin: `easy.join.codeIntro`). */
export type InstructionKey = Paths<(typeof sv)['easy']>;

type Options = Record<string, string | number>;

/** `ti(key)`: the instruction in the wording this person chose. */
export function useInstructions(): (key: InstructionKey, options?: Options) => string {
  const t = useT();
  const easy = useEasyRead();
  return useCallback(
    (key: InstructionKey, options?: Options) => {
      // The keys are checked by InstructionKey above; i18next's own key type is too deep to spell here.
      const translate = t as unknown as (k: string, o?: Options) => string;
      return translate(easy ? `easy.${key}` : key, options);
    },
    [t, easy],
  );
}

/** One instruction in the wording this person chose. */
export function useInstruction(key: InstructionKey, options?: Options): string {
  return useInstructions()(key, options);
}
