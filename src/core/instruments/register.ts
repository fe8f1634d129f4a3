import { registerStepType } from '../workshop/step-registry';
import { DEFAULT_COMPLEXITY_CONFIG, ComplexitySortingConfigSchema } from './complexity';
import type { ComplexitySortingConfig } from './complexity';
import { DEFAULT_DIALOGUE_CLOTH_CONFIG, DialogueClothConfigSchema } from './dialogue-cloth';
import type { DialogueClothConfig } from './dialogue-cloth';
import { DEFAULT_PARTNERSHIP_MATRIX_CONFIG, PartnershipMatrixConfigSchema, matrixQuestionIds, parseMarkCell } from './partnership-matrix';
import type { PartnershipMatrixConfig } from './partnership-matrix';
import { DEFAULT_PERSONAS_CONFIG, PersonasConfigSchema, isPersonaCell } from './personas';
import type { PersonasConfig } from './personas';
import { DEFAULT_REFLECTION_CONFIG, ReflectionConfigSchema } from './reflection';
import type { ReflectionConfig } from './reflection';
import { DEFAULT_SEVEN_QUESTIONS_CONFIG, SevenQuestionsConfigSchema } from './seven-questions';
import type { SevenQuestionsConfig } from './seven-questions';

/**
 * The instruments of issue #4 as agenda step types. Imported for its effect by workshop/step-types.ts,
 * so whoever looks up a step type knows them. Ids are wire values: never rename one.
 */
export const INSTRUMENT_STEP_TYPES = ['dialogue-cloth', 'reflection', 'seven-questions', 'personas', 'partnership-matrix', 'complexity-sorting'] as const;

registerStepType<DialogueClothConfig>({
  id: 'dialogue-cloth',
  acceptsNotes: true,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: DialogueClothConfigSchema,
  defaultConfig: DEFAULT_DIALOGUE_CLOTH_CONFIG,
  defaultMinutes: 25,
  noteQuestionIds: (config) => config.questions.map((q) => q.id),
});

registerStepType<ReflectionConfig>({
  id: 'reflection',
  acceptsNotes: true,
  privateUntilReveal: true,
  acceptsVotes: false,
  configSchema: ReflectionConfigSchema,
  defaultConfig: DEFAULT_REFLECTION_CONFIG,
  defaultMinutes: 10,
  noteQuestionIds: (config) => config.prompts.map((p) => p.id),
  anonymousNotes: (config) => config.anonymous,
});

/** Answers go to the host by HTTP (POST /api/sessions/:id/answers), never onto the board. */
registerStepType<SevenQuestionsConfig>({
  id: 'seven-questions',
  acceptsNotes: false,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: SevenQuestionsConfigSchema,
  defaultConfig: DEFAULT_SEVEN_QUESTIONS_CONFIG,
  defaultMinutes: 10,
});

registerStepType<PersonasConfig>({
  id: 'personas',
  acceptsNotes: true,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: PersonasConfigSchema,
  defaultConfig: DEFAULT_PERSONAS_CONFIG,
  defaultMinutes: 30,
  isMarkCell: isPersonaCell,
  acceptsPersonaCards: true,
});

registerStepType<PartnershipMatrixConfig>({
  id: 'partnership-matrix',
  acceptsNotes: true,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: PartnershipMatrixConfigSchema,
  defaultConfig: DEFAULT_PARTNERSHIP_MATRIX_CONFIG,
  defaultMinutes: 30,
  noteQuestionIds: () => matrixQuestionIds(),
  isMarkCell: (cell) => parseMarkCell(cell) !== null,
});

registerStepType<ComplexitySortingConfig>({
  id: 'complexity-sorting',
  acceptsNotes: true,
  privateUntilReveal: false,
  acceptsVotes: false,
  configSchema: ComplexitySortingConfigSchema,
  defaultConfig: DEFAULT_COMPLEXITY_CONFIG,
  defaultMinutes: 20,
});
