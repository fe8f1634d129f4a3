import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { spread } from '../lib/stats';

/** `node out/main/host.js --data <tmp> --port 0`: spawn → its ready line on stdout, fresh folder each time. */
export async function start(ctx: Context): Promise<Figure[]> {
  const starts = ctx.quick ? 2 : 5;
  const times: number[] = [];
  for (let i = 0; i < starts; i++) {
    const host = await startHost({ dataDir: mkdtempSync(join(ctx.tmp, 'start-')) });
    times.push(host.readyMs);
    await host.stop();
  }
  const measured = spread(times);
  return [{ scenario: '8 Start', figure: `spawn → ready line, ${starts} starts`, target: '≤ 1500 ms', unit: 'ms', measured, pass: measured.median <= 1500, note: 'fresh data folder each start; pass on the median' }];
}
