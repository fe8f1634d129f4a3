import { DomainError } from '../../core/errors';
import { createItemId } from '../../core/ids';
import { TEXT_LONG, TEXT_SHORT, newImprovement } from '../../core/improvement/model';
import type { ChangeIdea, DataPoint, Improvement, Origin, SessionLink } from '../../core/improvement/model';
import type { PackLanguage } from '../../core/instruments/pack-parts';
import { ImprovementFileSchema } from '../../contracts/improvements';
import type {
  AddChangeIdeaBody,
  AddPointsBody,
  CreateImprovementBody,
  ImprovementFile,
  ImprovementSummary,
  RevisionSummary,
} from '../../contracts/improvements';
import { randomId } from '../auth/tokens';
import type { SessionManager } from '../sessions/session-manager';
import type { ContentPackLibrary } from '../templates/content-pack-library';
import { resolveContribution } from './contributions';
import { isImprovementId } from './improvement-directory';
import { parseOrReject } from './improvement-problems';
import type { ImprovementStore } from './improvement-store';

/**
 * What the facilitator does with improvements (issue #5), over the store: create, edit with a
 * revision check, the one click from a workshop contribution to a change idea, data points, links
 * to the workshops that worked on it, export and import. Everything here works without a running
 * session except what reads one (a contribution's words, a session's title).
 */
export class ImprovementService {
  constructor(
    readonly store: ImprovementStore,
    private readonly manager: SessionManager,
    private readonly contentPacks: ContentPackLibrary | null,
  ) {}

  list(): ImprovementSummary[] {
    return this.store.list();
  }

  /** Summaries of the improvements a session worked on (for its run and plan screens). */
  listForSession(sessionId: string): ImprovementSummary[] {
    this.manager.summary(sessionId); // not-found for a session that does not exist
    return this.store.listForSession(sessionId).map((i) => this.store.summary(i.id));
  }

  get(id: string): Improvement {
    return this.store.get(id);
  }

  create(body: CreateImprovementBody, now: number = Date.now()): Improvement {
    const improvement = newImprovement(this.freeId(), body.title, now);
    const aim = { ...improvement.aim, text: body.aim ?? '' };
    const sessions = body.sessionId ? [this.sessionLink(body.sessionId, now)] : [];
    return this.store.create({ ...improvement, aim, sessions }, now);
  }

  save(id: string, revision: number, improvement: Improvement, now: number = Date.now()): Improvement {
    return this.store.save(id, revision, improvement, now);
  }

  revisions(id: string): RevisionSummary[] {
    return this.store.revisions(id);
  }

  /** One saved revision's content (the history's preview). */
  revision(id: string, revision: number): Improvement {
    return this.store.revision(id, revision);
  }

  restore(id: string, revision: number, current: number, now: number = Date.now()): Improvement {
    return this.store.restore(id, revision, current, now);
  }

  delete(id: string): void {
    this.store.delete(id);
  }

  /**
   * The one click: contributions of one session become a new change idea (or further roots of an
   * existing one, with `changeIdeaId`). The words are read from the session, and the session is
   * linked to the improvement. Every contribution must resolve; otherwise nothing is saved and
   * each problem is named.
   */
  addChangeIdea(id: string, body: AddChangeIdeaBody, lang: PackLanguage, now: number = Date.now()): Improvement {
    this.store.get(id); // improvement-not-found before anything else is said
    if (body.from.length === 0 && (body.changeIdeaId !== undefined || !body.text)) {
      throw new DomainError('bad-request', 'nothing to add', ['from: name a contribution, or give the change idea a text']);
    }
    const sessionIds = [...new Set(body.from.map((ref) => ref.sessionId))];
    if (sessionIds.length > 1) {
      throw new DomainError('contribution-unavailable', 'several sessions', ['from: the contributions come from more than one session; add them one session at a time']);
    }
    const origins = this.resolve(body, lang, now);
    const link = sessionIds[0] ? this.sessionLink(sessionIds[0], now) : null;
    return this.store.update(
      id,
      (current) => {
        const changeIdeas = body.changeIdeaId
          ? addRoots(current.changeIdeas, body.changeIdeaId, origins)
          : [...current.changeIdeas, newIdea(body.text ?? origins[0]?.quote ?? '', origins, now)];
        return { ...current, changeIdeas, sessions: withSession(current.sessions, link) };
      },
      now,
    );
  }

  /** Appends data points to a measure, in the order given (typed in, or pasted from a spreadsheet). */
  addPoints(id: string, measureId: string, body: AddPointsBody, now: number = Date.now()): Improvement {
    const current = this.store.get(id);
    if (!current.measures.some((m) => m.id === measureId)) {
      throw new DomainError('not-found', `no measure ${measureId}`, [`measureId: the improvement has no measure ${measureId}`]);
    }
    const sessionId = body.sessionId ?? null;
    const link = sessionId ? this.sessionLink(sessionId, now) : null;
    const points: DataPoint[] = body.points.map((p) => ({
      id: createItemId(),
      date: p.date,
      value: p.value,
      ...(p.note ? { note: p.note } : {}),
      sessionId,
    }));
    return this.store.update(
      id,
      (latest) => ({
        ...latest,
        measures: latest.measures.map((m) => (m.id === measureId ? { ...m, points: [...m.points, ...points] } : m)),
        sessions: withSession(latest.sessions, link),
      }),
      now,
    );
  }

  /** A follow-up workshop opens the improvement: the session joins its list (once). */
  linkSession(id: string, sessionId: string, now: number = Date.now()): Improvement {
    const current = this.store.get(id);
    if (current.sessions.some((s) => s.sessionId === sessionId)) return current;
    const link = this.sessionLink(sessionId, now);
    return this.store.update(id, (latest) => ({ ...latest, sessions: withSession(latest.sessions, link) }), now);
  }

  exportFile(id: string, now: number = Date.now()): ImprovementFile {
    return { format: 'samskapa-improvement', version: 1, exportedAt: now, improvement: this.store.get(id), revisions: this.store.revisions(id) };
  }

  /**
   * Imports an exported file as a new improvement file, unchanged but for its id when that is
   * taken here (or not one this host makes). Every problem of a refused file is named.
   */
  importFile(text: string, now: number = Date.now()): Improvement {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new DomainError('invalid-improvement', 'not JSON', ['(file): the file is not JSON']);
    }
    const head = value as { format?: unknown; version?: unknown } | null;
    if (typeof head !== 'object' || head === null || head.format !== 'samskapa-improvement') {
      throw new DomainError('invalid-improvement', 'not an improvement file', ['format: the file is not a Samskapa improvement (no "format": "samskapa-improvement")']);
    }
    if (typeof head.version === 'number' && head.version > 1) {
      throw new DomainError('improvement-too-new', `version ${head.version}`, [`version: the file is of version ${head.version}, newer than this app reads`]);
    }
    const file = parseOrReject(ImprovementFileSchema, value);
    const wanted = file.improvement.id;
    const id = isImprovementId(wanted) && !this.store.directory.exists(wanted) ? wanted : this.freeId();
    return this.store.create({ ...file.improvement, id }, now);
  }

  private resolve(body: AddChangeIdeaBody, lang: PackLanguage, now: number): Origin[] {
    const first = body.from[0];
    if (!first) return [];
    const session = this.manager.open(first.sessionId);
    const sessionTitle = this.manager.summary(first.sessionId).title;
    const ctx = { session, sessionTitle, lang, now, pack: (packId: string) => this.pack(packId) };
    const origins: Origin[] = [];
    const problems: string[] = [];
    for (const ref of dedupe(body.from)) {
      const resolved = resolveContribution(ref, ctx);
      if ('problem' in resolved) problems.push(resolved.problem);
      else origins.push(resolved.origin);
    }
    if (problems.length > 0) throw new DomainError('contribution-unavailable', problems.join('; '), problems);
    return origins;
  }

  private pack(id: string) {
    try {
      return this.contentPacks?.get(id);
    } catch {
      return undefined; // a gap still links without its pack: the quote falls back to the question id
    }
  }

  private sessionLink(sessionId: string, now: number): SessionLink {
    const summary = this.manager.summary(sessionId);
    if (summary.status !== 'ok') throw new DomainError('session-corrupt', `session ${sessionId}: ${summary.status}`);
    return { sessionId, title: summary.title.trim().slice(0, TEXT_SHORT), linkedAt: now };
  }

  private freeId(): string {
    let id = randomId();
    while (this.store.directory.exists(id)) id = randomId();
    return id;
  }
}

function newIdea(text: string, origins: Origin[], now: number): ChangeIdea {
  const trimmed = text.trim().slice(0, TEXT_LONG);
  return { id: createItemId(), text: trimmed, createdAt: now, origins };
}

/** Further roots of an existing idea; a contribution already among its roots is not added twice. */
function addRoots(ideas: readonly ChangeIdea[], ideaId: string, origins: readonly Origin[]): ChangeIdea[] {
  if (!ideas.some((i) => i.id === ideaId)) {
    throw new DomainError('not-found', `no change idea ${ideaId}`, [`changeIdeaId: the improvement has no change idea ${ideaId}`]);
  }
  return ideas.map((idea) => {
    if (idea.id !== ideaId) return idea;
    const known = new Set(idea.origins.map(originKey));
    return { ...idea, origins: [...idea.origins, ...origins.filter((o) => !known.has(originKey(o)))] };
  });
}

function withSession(sessions: readonly SessionLink[], link: SessionLink | null): SessionLink[] {
  if (!link || sessions.some((s) => s.sessionId === link.sessionId)) return [...sessions];
  return [...sessions, link];
}

function originKey(o: Pick<Origin, 'kind' | 'sessionId' | 'refId'>): string {
  return `${o.kind}\u0000${o.sessionId}\u0000${o.refId}`;
}

function dedupe<T extends Pick<Origin, 'kind' | 'sessionId' | 'refId'>>(refs: readonly T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = originKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
