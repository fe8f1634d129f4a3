import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../../core/errors';
import { REFLECTION_FORMS } from '../../core/instruments/reflection';
import type { ReflectionForm } from '../../core/instruments/reflection';
import { isOneOf } from '../../core/instruments/vocabulary';
import { findStep } from '../../core/workshop/agenda';
import { handoutOfStep, handoutsOfPack } from '../exports/handouts/handout-model';
import type { Handout } from '../exports/handouts/handout-model';
import type { Language } from '../exports/pdf-layout';
import { PaperAnswersBodySchema } from '../../contracts/paper-answers';
import { addPaperAnswers } from '../sessions/paper-answers';
import { languageOf } from './error-messages';
import { readJson } from './read-body';
import { COMMON_HEADERS, sendJson } from './respond';
import type { ApiDeps, Route } from './route';

/**
 * Printable handouts for people without a device, and their answers typed back in (issue #6):
 * - `GET /api/sessions/:id/handouts/:stepId?lang=sv|en`: the handout of an instrument step, in
 *   the step's own words (dialogduk A3, seven questions and reflection prompts A4);
 * - `GET /api/handouts/:packId?lang=sv|en[&form=du|ni]`: a content pack's handouts, without a session;
 * - `POST /api/sessions/:id/paper-answers`: one paper respondent's answers (sessions/paper-answers.ts).
 * Facilitator only: a handout shows the questions before the step starts.
 */
export function handoutRoutes({ manager, contentPacks }: ApiDeps): Route[] {
  const lookup = (id: string) => {
    try {
      return contentPacks.get(id);
    } catch {
      return undefined;
    }
  };
  return [
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/handouts\/([^/]+)$/,
      access: 'facilitator',
      handle: async ({ req, res, params, url }) => {
        const session = manager.open(params[0] ?? '');
        const step = findStep(session.rooms.control.doc, params[1] ?? '');
        if (!step) throw new DomainError('not-found', `no step ${params[1] ?? ''}`);
        const lang = language(req, url);
        const handout = handoutOfStep(step, lookup, lang);
        if (!handout) throw new DomainError('not-found', `step ${step.id} (${step.type}) has no handout`);
        await sendPdf(res, [handout], lang);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/handouts\/([^/]+)$/,
      access: 'facilitator',
      handle: async ({ req, res, params, url }) => {
        const lang = language(req, url);
        const form = url.searchParams.get('form') ?? 'du';
        if (!isOneOf<ReflectionForm>(REFLECTION_FORMS, form)) throw new DomainError('bad-request', 'form: du or ni');
        const handouts = handoutsOfPack(contentPacks.get(params[0] ?? ''), lang, form);
        if (handouts.length === 0) throw new DomainError('not-found', `pack ${params[0] ?? ''} has no handout`);
        await sendPdf(res, handouts, lang);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/paper-answers$/,
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readJson(req, PaperAnswersBodySchema);
        sendJson(res, 201, addPaperAnswers(manager.open(params[0] ?? ''), body));
      },
    },
  ];
}

/** `?lang=` when given (sv or en), else the caller's Accept-Language, else Swedish. */
function language(req: IncomingMessage, url: URL): Language {
  const asked = url.searchParams.get('lang');
  if (asked === null) return languageOf(req.headers['accept-language']);
  if (asked !== 'sv' && asked !== 'en') throw new DomainError('bad-request', 'lang: sv or en');
  return asked;
}

async function sendPdf(res: ServerResponse, handouts: readonly Handout[], lang: Language): Promise<void> {
  const first = handouts[0];
  if (!first) throw new DomainError('not-found');
  // Loaded on the first print, not at start: pdfkit and its fonts cost the host's start ~100 ms.
  const { handoutFileName, renderHandoutPdf } = await import('../exports/handouts/render-handout');
  const pdf = await renderHandoutPdf(handouts, lang);
  const name = handoutFileName(first, lang);
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/pdf',
    'Content-Length': pdf.byteLength,
    'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  res.end(pdf);
}
