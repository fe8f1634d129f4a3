import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/authenticator';
import type { Identity } from '../auth/identity';
import type { ImprovementService } from '../improvements/improvement-service';
import type { SessionManager } from '../sessions/session-manager';
import type { ShareService } from '../sharing/share-service';
import type { ContentPackLibrary } from '../templates/content-pack-library';
import type { TemplateLibrary } from '../templates/template-library';

export interface ApiDeps {
  readonly manager: SessionManager;
  readonly shares: ShareService;
  readonly auth: Authenticator;
  readonly templates: TemplateLibrary;
  /** The instruments' content packs (issue #4). */
  readonly contentPacks: ContentPackLibrary;
  /** Improvements and PDSA cycles (issue #5); `improvements.store` is the store itself. */
  readonly improvements: ImprovementService;
  readonly port: () => number;
  readonly log: (line: string) => void;
}

export interface Context {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: readonly string[];
  readonly identity: Identity | null;
  readonly clientAddress: string;
  readonly url: URL;
}

/** `public`: anyone; `token`: any valid token; `participant`: a participant token; `facilitator`: the facilitator's. */
export type Access = 'public' | 'token' | 'participant' | 'facilitator';

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly access: Access;
  readonly handle: (ctx: Context) => Promise<void> | void;
}
