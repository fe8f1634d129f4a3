import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../../core/errors';
import { normalizeJoinCode } from '../../core/join-code';
import { CreateSessionBodySchema, JoinBodySchema, ShareBodySchema } from '../../contracts/http';
import type { Me, Network, RetiredLineage, SessionSummary } from '../../contracts/http';
import { isDocName } from '../../core/workshop/doc-names';
import { mayRead } from '../auth/identity';
import type { Identity } from '../auth/identity';
import type { SessionManager } from '../sessions/session-manager';
import { listAddresses } from '../sharing/network';
import { TemplateRejected } from '../templates/template-library';
import { HOST_VERSION } from '../version';
import { facilitationRoutes } from './facilitation-routes';
import { handoutRoutes } from './handout-routes';
import { improvementRoutes } from './improvement-routes';
import { instrumentRoutes } from './instrument-routes';
import { listParticipants, removeParticipant } from '../sessions/participants';
import type { ApiDeps, Route } from './route';
import { templateRoutes } from './template-routes';
import { exportRoutes } from './export-routes';
import { readJson } from './read-body';
import { requestUrl } from './request-url';
import { sendError, sendJson } from './respond';

/** The JSON API of HOST-CONTRACT.md. Returns false for paths it does not own. */
export function createApi(deps: ApiDeps) {
  const routes: Route[] = [...coreRoutes(deps), ...facilitationRoutes(deps), ...templateRoutes(deps), ...instrumentRoutes(deps), ...improvementRoutes(deps), ...handoutRoutes(deps), ...exportRoutes(deps)];
  return dispatch(routes, deps);
}

/** Health, identity, sessions, sharing and joining (HOST-CONTRACT.md). */
function coreRoutes(deps: ApiDeps): Route[] {
  const { manager, shares } = deps;
  return [
    { method: 'GET', pattern: /^\/api\/health$/, access: 'public', handle: ({ res }) => sendJson(res, 200, { ok: true, version: HOST_VERSION, now: Date.now() }) },
    { method: 'GET', pattern: /^\/api\/me$/, access: 'token', handle: ({ res, identity }) => sendJson(res, 200, describe(identity, manager)) },
    {
      method: 'GET',
      pattern: /^\/api\/network$/,
      access: 'facilitator',
      handle: ({ res }) => sendJson(res, 200, { addresses: listAddresses(), port: deps.port() } satisfies Network),
    },
    { method: 'GET', pattern: /^\/api\/sessions$/, access: 'facilitator', handle: ({ res }) => sendJson(res, 200, manager.list() satisfies SessionSummary[]) },
    {
      method: 'POST',
      pattern: /^\/api\/sessions$/,
      access: 'facilitator',
      handle: async ({ req, res }) => {
        const body = await readJson(req, CreateSessionBodySchema);
        const template = body.template ? deps.templates.get(body.template) : undefined;
        sendJson(res, 201, manager.create(body.title, template));
      },
    },
    { method: 'GET', pattern: /^\/api\/sessions\/([^/]+)$/, access: 'facilitator', handle: ({ res, params }) => sendJson(res, 200, manager.summary(params[0] ?? '')) },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/lineage\/([^/]+)$/,
      access: 'token',
      handle: ({ res, params, identity }) => {
        const [sessionId = '', doc = ''] = params;
        if (!isDocName(doc)) throw new DomainError('not-found', `no document ${doc}`);
        if (!identity || !mayRead(identity, sessionId, doc)) throw new DomainError('forbidden');
        const stateVector = Buffer.from(manager.open(sessionId).retiredStateVector(doc)).toString('base64');
        sendJson(res, 200, { stateVector } satisfies RetiredLineage);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/share$/,
      access: 'facilitator',
      handle: async ({ req, res, params }) => {
        const body = await readJson(req, ShareBodySchema);
        sendJson(res, 200, await shares.share(params[0] ?? '', body?.address));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/share$/,
      access: 'facilitator',
      handle: async ({ res, params }) => {
        const current = await shares.current(params[0] ?? '');
        if (!current) throw new DomainError('session-not-shared');
        sendJson(res, 200, current);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/share\/regenerate$/,
      access: 'facilitator',
      handle: async ({ res, params }) => sendJson(res, 200, await shares.regenerate(params[0] ?? '')),
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/participants$/,
      access: 'facilitator',
      handle: ({ res, params }) => sendJson(res, 200, listParticipants(manager.open(params[0] ?? ''))),
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/sessions\/([^/]+)\/participants\/([^/]+)$/,
      access: 'facilitator',
      handle: ({ res, params }) => {
        removeParticipant(manager.open(params[0] ?? ''), params[1] ?? '');
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/sessions\/([^/]+)\/backups$/,
      access: 'facilitator',
      handle: ({ res, params }) => {
        const id = params[0] ?? '';
        manager.summary(id);
        sendJson(res, 200, manager.backups.list(id));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/backups\/([^/]+)\/restore$/,
      access: 'facilitator',
      handle: ({ res, params }) => {
        manager.restore(params[0] ?? '', params[1] ?? '');
        sendJson(res, 200, manager.summary(params[0] ?? ''));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/sessions\/([^/]+)\/close$/,
      access: 'facilitator',
      handle: async ({ res, params }) => {
        await shares.close(params[0] ?? '');
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/sessions\/([^/]+)$/,
      access: 'facilitator',
      handle: async ({ res, params }) => {
        const id = params[0] ?? '';
        manager.delete(id);
        await shares.forget(id);
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/join\/info$/,
      access: 'public',
      handle: async ({ res, url, clientAddress }) => {
        const secret = url.searchParams.get('secret') ?? undefined;
        const code = url.searchParams.get('code') ?? undefined;
        if (!secret && !(code && normalizeJoinCode(code))) throw new DomainError('wrong-code');
        const sessionId = await shares.resolve({ secret, code }, clientAddress);
        sendJson(res, 200, { sessionId, sessionTitle: manager.summary(sessionId).title });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/join$/,
      access: 'public',
      handle: async ({ req, res, clientAddress }) => {
        const body = await readJson(req, JoinBodySchema);
        sendJson(res, 200, await shares.join(body, clientAddress));
      },
    },
  ];
}

function dispatch(routes: readonly Route[], deps: ApiDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = requestUrl(req.url);
    if (!url.pathname.startsWith('/api/')) return false;
    const candidates = routes.filter((r) => r.pattern.test(url.pathname));
    const route = candidates.find((r) => r.method === req.method);
    try {
      if (candidates.length === 0) throw new DomainError('not-found');
      if (!route) {
        sendJson(res, 405, { error: 'bad-request', message: `${req.method ?? ''} not allowed` });
        return true;
      }
      const identity = deps.auth.fromHeader(req.headers.authorization);
      if (route.access !== 'public' && !identity) throw new DomainError('unauthorized');
      if (route.access === 'facilitator' && identity?.kind !== 'facilitator') throw new DomainError('forbidden');
      if (route.access === 'participant' && identity?.kind !== 'participant') throw new DomainError('forbidden');
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(safeDecode);
      await route.handle({ req, res, params, identity, url, clientAddress: req.socket.remoteAddress ?? 'unknown' });
    } catch (error) {
      if (error instanceof TemplateRejected) {
        sendError(req, res, error.code, [...error.details]);
      } else if (error instanceof DomainError) {
        sendError(req, res, error.code, error.problems ? [...error.problems] : undefined);
      } else {
        deps.log(`${req.method ?? ''} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
        sendError(req, res, 'internal');
      }
    }
    return true;
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function describe(identity: Identity | null, manager: SessionManager): Me {
  if (!identity || identity.kind === 'facilitator') return { kind: 'facilitator' };
  const { participant, sessionId, pseudonym } = identity;
  return {
    kind: 'participant',
    sessionId,
    sessionTitle: manager.summary(sessionId).title,
    participantId: participant.id,
    pseudonym,
    name: participant.name,
    role: participant.role,
    anonymous: participant.anonymous,
  };
}
