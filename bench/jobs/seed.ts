import { createNote } from '../../src/core/workshop/board';
import { connect, until } from '../lib/clients';

export interface SeedParams {
  readonly wsBase: string;
  readonly room: string;
  readonly token?: string;
  readonly count: number;
  readonly perTransaction: number;
}

/** Puts `count` notes on a board as the facilitator (who may write anything), in a few large updates. */
export async function seed(params: SeedParams): Promise<{ notes: number }> {
  const client = connect(params.wsBase, params.room, params.token);
  try {
    await until(() => client.provider.synced, 'seeding client to sync', 10_000);
    const notes = client.doc.getMap('notes');
    const start = Date.now() - params.count * 1000;
    for (let i = 0; i < params.count; i += params.perTransaction) {
      client.doc.transact(() => {
        for (let j = i; j < Math.min(params.count, i + params.perTransaction); j++) {
          const note = createNote(`Seeded note ${j}: what worked well, what to change next time`, {
            role: 'facilitator',
            anonymous: false,
            name: `Person ${j % 50}`,
            onBehalf: true,
          }, {}, start + j * 1000);
          notes.set(note.id, note);
        }
      }, 'local');
    }
    // Relayed back only after the host stored it: a fresh client seeing it all means it is on disk.
    const check = connect(params.wsBase, params.room, params.token);
    try {
      await until(() => check.provider.synced && check.doc.getMap('notes').size >= params.count, 'seeded notes to be stored', 60_000, 20);
    } finally {
      check.destroy();
    }
    return { notes: notes.size };
  } finally {
    client.destroy();
  }
}
