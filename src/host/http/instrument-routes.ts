import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../core/errors';
import { compareMatrices, matrixToJson, span } from '../../core/instruments/partnership-matrix';
import type { PartnershipMatrix } from '../../core/instruments/partnership-matrix';
import { AnswersBodySchema, CompareMatricesBodySchema } from '../../contracts/instruments';
import type { CompareMatricesResponse } from '../../contracts/instruments';
import type { Identity } from '../auth/identity';
import { matrixOf, ownAnswers, publishAnswers, submitAnswers } from '../sessions/instruments';
import { readJson } from './read-body';
import { sendJson } from './respond';
import type { ApiDeps, Route } from './route';

/** The instruments of issue #4: content packs, the seven questions' answers and results, matrix comparison (docs/host-api.md). */
export function instrumentRoutes({ manager, contentPacks }: ApiDeps): Route[] {
  return [
    { method: 'GET', pattern: /^\/api\/content-packs$/, access: 'token', handle: ({ res }) => sendJson(res, 200, contentPacks.list()) },
    { method: 'GET', pattern: /^\/api\/content-packs\/([^/]+)$/, access: 'token', handle: ({ res, params }) => sendJson(res, 200, contentPacks.get(params[0] ?? '')) },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/answers$/,
      access: 'participant',
      handle: async ({ req, res, params, identity }) => {
        const participant = ownSession(identity, params[0] ?? '');
        const body = await readJson(req, AnswersBodySchema);
        sendJson(res, 200, submitAnswers(manager.open(participant.sessionId), participant, bearer(req), body));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/answers\/([^/]+)$/,
      access: 'participant',
      handle: ({ req, res, params, identity }) => {
        const participant = ownSession(identity, params[0] ?? '');
        sendJson(res, 200, ownAnswers(manager.open(participant.sessionId), bearer(req), params[1] ?? ''));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/steps\/([^/]+)\/results$/,
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, publishAnswers(manager.open(params[0] ?? ''), params[1] ?? '')),
    },
    {
      method: 'POST',
      pattern: /^\/api\/partnership-matrix\/compare$/,
      access: 'facilitator',
      handle: async ({ req, res }) => {
        const body = await readJson(req, CompareMatricesBodySchema);
        const from = matrixOf(manager.open(body.from.sessionId), body.from.stepId, body.from.groupId);
        const to = matrixOf(manager.open(body.to.sessionId), body.to.stepId, body.to.groupId);
        sendJson(res, 200, {
          from: matrixToJson(from),
          to: matrixToJson(to),
          changes: compareMatrices(from, to),
          span: { from: spans(from), to: spans(to) },
        } satisfies CompareMatricesResponse);
      },
    },
  ];
}

function spans(matrix: PartnershipMatrix): CompareMatricesResponse['span']['from'] {
  return { today: span(matrix.today), next: span(matrix.next) };
}

/** A participant of this very session (a token is bound to one session). */
function ownSession(identity: Identity | null, sessionId: string): Extract<Identity, { kind: 'participant' }> {
  if (!identity || identity.kind !== 'participant' || identity.sessionId !== sessionId) throw new DomainError('forbidden');
  return identity;
}

/** The raw bearer token: the seven questions' respondent key is derived from it (sessions/instruments.ts). */
function bearer(req: IncomingMessage): string {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!match?.[1]) throw new DomainError('unauthorized');
  return match[1];
}
