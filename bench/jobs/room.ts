import type * as Y from 'yjs';
import { addNote } from '../../src/core/workshop/board';
import type { Note, NoteAuthor } from '../../src/core/workshop/board';
import { connectAll, sleep, until } from '../lib/clients';
import { percentile } from '../lib/stats';

export interface RoomParams {
  readonly wsBase: string;
  /** `<sessionId>/board`: the same name on our host and on the reference server. */
  readonly room: string;
  /** One entry per participant: their token (none on the reference) and the author fields of their notes. */
  readonly participants: readonly { readonly token?: string; readonly author: NoteAuthor }[];
  /** The first `writers` participants write. */
  readonly writers: number;
  readonly intervalMs: number;
  readonly durationMs: number;
  readonly drainMs: number;
}

export interface RoomResult {
  readonly connectMs: number;
  readonly sent: number;
  readonly expectedDeliveries: number;
  readonly lost: number;
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly closeCodes: number[];
}

/**
 * Issue #8 scenarios 1 and 2: everyone connected to one board, some of them adding a note every
 * `intervalMs`. Each note carries its send time (`createdAt`, the writer's Date.now()); every other
 * client records receive − send when the note arrives. Lost deliveries: at the end (after a drain),
 * every client should hold every note sent.
 */
export async function room(params: RoomParams): Promise<RoomResult> {
  const connectStart = performance.now();
  const clients = await connectAll(params.wsBase, params.room, params.participants.map((p) => p.token));
  const connectMs = performance.now() - connectStart;
  const latencies: number[] = [];
  for (const client of clients) observeArrivals(client.doc, latencies);
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  try {
    const writers = clients.slice(0, params.writers);
    const stopAt = Date.now() + params.durationMs;
    writers.forEach((client, index) => {
      const author = params.participants[index]!.author;
      const write = (): void => {
        if (Date.now() >= stopAt) return;
        addNote(client.doc, `note ${sent} from ${index}`, author, Date.now());
        sent += 1;
      };
      // Spread the writers over the interval, as people do not type in step.
      const start = setTimeout(() => {
        write();
        timers.push(setInterval(write, params.intervalMs));
      }, Math.random() * params.intervalMs);
      timers.push(start);
    });
    await sleep(params.durationMs + 10);
    for (const timer of timers) clearInterval(timer);
    await until(() => clients.every((c) => notesOf(c.doc).size >= sent), 'every note everywhere', params.drainMs, 20).catch(() => {});
    const lost = clients.reduce((sum, c) => sum + Math.max(0, sent - notesOf(c.doc).size), 0);
    latencies.sort((a, b) => a - b);
    return {
      connectMs,
      sent,
      expectedDeliveries: sent * (clients.length - 1),
      lost,
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? Number.NaN,
      closeCodes: clients.flatMap((c) => c.closeCodes),
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const client of clients) client.destroy();
  }
}

function notesOf(doc: Y.Doc): Y.Map<Note> {
  return doc.getMap<Note>('notes');
}

function observeArrivals(doc: Y.Doc, latencies: number[]): void {
  const notes = notesOf(doc);
  notes.observe((event) => {
    if (event.transaction.local) return;
    const now = Date.now();
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add') continue;
      const note = notes.get(key);
      if (note) latencies.push(now - note.createdAt);
    }
  });
}
