import type { JoinResponse, SessionSummary, ShareResponse } from '../../src/contracts/http';
import type { ParticipantRole } from '../../src/core/roles';

/** A thin typed client of the host's HTTP API, as scripts outside the project would use it. */
export class ApiClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async json<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const res = await this.request(method, path, body);
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  createSession(title: string): Promise<SessionSummary> {
    return this.json('POST', '/api/sessions', { title }, 201);
  }

  share(id: string, address = '127.0.0.1'): Promise<ShareResponse> {
    return this.json('POST', `/api/sessions/${id}/share`, { address });
  }

  join(code: string, name: string | undefined, role: ParticipantRole, anonymous = false): Promise<JoinResponse> {
    return this.json('POST', '/api/join', { code, name, role, anonymous });
  }
}
