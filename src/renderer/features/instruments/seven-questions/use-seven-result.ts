import { useCallback } from 'react';
import type * as Y from 'yjs';
import { selectSevenResult, sevenResultsMap, type SevenQuestionsResult } from '../../../../core/instruments/seven-questions-results';
import { SevenQuestionsConfigSchema, DEFAULT_SEVEN_QUESTIONS_CONFIG, type SevenQuestionsConfig } from '../../../../core/instruments/seven-questions';
import type { Step } from '../../../../core/workshop/agenda';
import { useDocSelector, type Observe } from '../../../sync/use-doc-selector';

const observe: Observe = (doc, onChange) => {
  const map = sevenResultsMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
};

/** The published result of a seven-questions step (control `sevenResults`), once the facilitator publishes. */
export function useSevenResult(control: Y.Doc, stepId: string): SevenQuestionsResult | null {
  const select = useCallback((doc: Y.Doc) => selectSevenResult(doc, stepId) ?? null, [stepId]);
  return useDocSelector(control, observe, select);
}

/** The step's config with defaults filled in (an unreadable config falls back to the defaults). */
export function sevenConfig(step: Step): SevenQuestionsConfig {
  const parsed = SevenQuestionsConfigSchema.safeParse({ ...DEFAULT_SEVEN_QUESTIONS_CONFIG, ...step.config });
  return parsed.success ? parsed.data : DEFAULT_SEVEN_QUESTIONS_CONFIG;
}
