import type * as Y from 'yjs';
import { z } from 'zod';
import { FACILITATOR_ORIGIN } from './origins';
import { StepInputSchema, addStep, parseStep, isStep, selectAgenda } from './agenda';
import { selectSessionInfo } from './session-info';

/**
 * Workshop templates: a titled agenda, shipped in resources/templates (sv and en) or saved by a
 * facilitator, imported and exported as JSON files with a versioned format.
 */
export const TEMPLATE_FORMAT = 'samskapa-template';
export const TEMPLATE_VERSION = 1;
export const TEMPLATE_MAX_STEPS = 60;

export const TemplateSchema = z.object({
  format: z.literal(TEMPLATE_FORMAT),
  version: z.literal(TEMPLATE_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/),
  lang: z.enum(['sv', 'en']),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  /** Where the method comes from, shown with the template ("Källa: …"). */
  source: z.string().max(300).default(''),
  steps: z.array(StepInputSchema).min(1).max(TEMPLATE_MAX_STEPS),
});
export type Template = z.infer<typeof TemplateSchema>;

export type TemplateProblem =
  | { readonly error: 'not-json' }
  | { readonly error: 'not-a-template' }
  | { readonly error: 'template-too-new'; readonly version: number }
  | { readonly error: 'invalid-template'; readonly issues: readonly string[] };

/**
 * Parses a template file's text. The problems name what is wrong ("steps.2.minutes: …") so a
 * facilitator importing a colleague's file sees why it was refused.
 */
export function parseTemplate(text: string): Template | TemplateProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not-json' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== TEMPLATE_FORMAT) {
    return { error: 'not-a-template' };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > TEMPLATE_VERSION) return { error: 'template-too-new', version };
  const parsed = TemplateSchema.safeParse(value);
  if (!parsed.success) {
    return { error: 'invalid-template', issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  const stepIssues = parsed.data.steps.flatMap((step, i) => {
    const result = parseStep(step);
    if (isStep(result)) return [];
    return result.error === 'unknown-step-type' ? [`steps.${i}.type: unknown step type "${result.type}"`] : result.issues.map((issue) => `steps.${i}.${issue}`);
  });
  if (stepIssues.length > 0) return { error: 'invalid-template', issues: stepIssues };
  return parsed.data;
}

export function isTemplate(value: Template | TemplateProblem): value is Template {
  return !('error' in value);
}

/** Writes a template's steps into a session's control document (after any existing steps). */
export function applyTemplate(control: Y.Doc, template: Template): void {
  control.transact(() => {
    for (const step of template.steps) addStep(control, step);
  }, FACILITATOR_ORIGIN);
}

/** A template from a session's agenda, for "save as template". Skip flags and run state are not kept. */
export function templateFromSession(control: Y.Doc, meta: { id: string; title: string; lang: 'sv' | 'en'; description?: string }): Template {
  const steps = selectAgenda(control).map(({ type, title, instructions, minutes, materials, groupMode, config }) => ({
    type,
    title,
    instructions,
    minutes,
    materials,
    groupMode,
    config: { ...config },
  }));
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    id: meta.id,
    lang: meta.lang,
    title: meta.title || selectSessionInfo(control)?.title || '',
    description: meta.description ?? '',
    source: '',
    steps,
  };
}
