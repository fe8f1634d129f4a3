/**
 * Why a template file was refused, in plain words. The core's parseTemplate catches the broad cases
 * before anything is sent; the host's `details` ("steps.2.minutes: …") get their paths translated.
 */
import { parseTemplate } from '../../../core/workshop/templates';
import { errorCodeOf } from '../../api/api-error';
import { TemplateRefusedError } from '../../api/facilitator-api';
import type { useT } from '../../i18n';

type TFunction = ReturnType<typeof useT>;

export const TEMPLATE_FILE_MAX_BYTES = 1024 * 1024;

export interface ImportProblem {
  readonly message: string;
  readonly details: readonly string[];
}

/** A problem found on this device before sending, or null when the host should decide. */
export function checkLocally(t: TFunction, text: string, size: number): ImportProblem | null {
  if (size > TEMPLATE_FILE_MAX_BYTES) return { message: t('templates.import.tooLarge'), details: [] };
  const parsed = parseTemplate(text);
  if (!('error' in parsed)) return null;
  switch (parsed.error) {
    case 'not-json':
      return { message: t('templates.import.notJson'), details: [] };
    case 'not-a-template':
      return { message: t('templates.import.notTemplate'), details: [] };
    case 'template-too-new':
      return { message: t('templates.import.tooNew'), details: [] };
    case 'invalid-template':
      return null;
  }
}

export function problemFromError(t: TFunction, error: unknown): ImportProblem {
  if (error instanceof TemplateRefusedError) {
    return { message: t(`error.${error.code}`), details: error.details.map((d) => humanDetail(t, d)) };
  }
  return { message: t(`error.${errorCodeOf(error)}`), details: [] };
}

const FIELD_KEYS = [
  'title',
  'instructions',
  'minutes',
  'materials',
  'groupMode',
  'type',
  'config',
  'description',
  'source',
  'lang',
  'id',
  'steps',
  'votesPerPerson',
  'allowStacking',
  'sourceStepId',
] as const;
type Field = (typeof FIELD_KEYS)[number];

function isField(value: string): value is Field {
  return (FIELD_KEYS as readonly string[]).includes(value);
}

/** "steps.2.minutes: Too big" → "Steg 3, minuter: Too big". Unknown parts are kept as they are. */
export function humanDetail(t: TFunction, detail: string): string {
  const colon = detail.indexOf(': ');
  if (colon < 0) return detail;
  const path = detail.slice(0, colon).split('.');
  const message = detail.slice(colon + 2);
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i] ?? '';
    const next = path[i + 1];
    if (part === 'steps' && next !== undefined && /^\d+$/.test(next)) {
      words.push(t('templates.import.step', { number: Number(next) + 1 }));
      i++;
    } else if (isField(part)) {
      words.push(t(`templates.field.${part}`));
    } else if (part !== '(file)') {
      words.push(part);
    }
  }
  const said = humanMessage(t, message);
  return words.length > 0 ? `${words.join(', ')}: ${said}` : said;
}

/** The schema's usual messages in plain words; anything else is shown as the host wrote it. */
function humanMessage(t: TFunction, message: string): string {
  let m: RegExpMatchArray | null;
  if ((m = /^Too big: expected number to be <=?(\d+)/.exec(message))) return t('templates.issue.maxNumber', { max: m[1] });
  if ((m = /^Too small: expected number to be >=?(\d+)/.exec(message))) return t('templates.issue.minNumber', { min: m[1] });
  if (/^Too small: expected string to have >=?1 character/.test(message)) return t('templates.issue.empty');
  if ((m = /^Too big: expected string to have <=?(\d+) character/.exec(message))) return t('templates.issue.maxText', { max: m[1] });
  if ((m = /^Too small: expected array to have >=?(\d+) item/.exec(message))) return t('templates.issue.minItems', { min: m[1] });
  if ((m = /^Too big: expected array to have <=?(\d+) item/.exec(message))) return t('templates.issue.maxItems', { max: m[1] });
  if (/^Invalid input: expected \w+, received undefined/.test(message)) return t('templates.issue.missing');
  if (/^Invalid input: expected /.test(message)) return t('templates.issue.wrongKind');
  if (/^Invalid option/.test(message)) return t('templates.issue.notAllowed');
  if ((m = /^unknown step type "(.*)"$/.exec(message))) return t('templates.issue.unknownType', { type: m[1] });
  return message;
}
