import { DomainError } from '../../core/errors';
import { PrivateNoteBodySchema, SaveTemplateBodySchema } from '../../contracts/http';
import { templateFromSession } from '../../core/workshop/templates';
import { addPrivateNote, hideNote, restoreNote, revealStep } from '../sessions/facilitation';
import { randomId } from '../auth/tokens';
import { readJson } from './read-body';
import { sendJson } from './respond';
import type { ApiDeps, Route } from './route';

/** Run mode: silent writing, reveal, hide and restore, save as template (docs/host-api.md, issue #3). */
export function facilitationRoutes({ manager, templates }: ApiDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/private-notes$/,
      access: 'participant',
      handle: async ({ req, res, params, identity }) => {
        const sessionId = params[0] ?? '';
        if (!identity || identity.kind !== 'participant' || identity.sessionId !== sessionId) throw new DomainError('forbidden');
        const body = await readJson(req, PrivateNoteBodySchema);
        sendJson(res, 201, addPrivateNote(manager.open(sessionId), identity, body.stepId, body.text, Date.now(), body.questionId));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/steps\/([^/]+)\/reveal$/,
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, { revealed: revealStep(manager.open(params[0] ?? ''), params[1] ?? '') }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/notes\/([^/]+)\/hide$/,
      access: 'facilitator',
      handle: ({ res, params }) => {
        hideNote(manager.open(params[0] ?? ''), params[1] ?? '');
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/notes\/([^/]+)\/restore$/,
      access: 'facilitator',
      handle: ({ res, params }) => {
        restoreNote(manager.open(params[0] ?? ''), params[1] ?? '');
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/save-as-template$/,
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readJson(req, SaveTemplateBodySchema);
        const session = manager.open(params[0] ?? '');
        const template = templateFromSession(session.rooms.control.doc, { id: `saved-${randomId()}`, ...body });
        if (template.steps.length === 0) throw new DomainError('bad-request', 'the agenda is empty');
        sendJson(res, 201, templates.save(template));
      },
    },
  ];
}
