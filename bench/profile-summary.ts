/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: the functions with the most self time
 * in a V8 CPU profile (as written by `node --cpu-prof`, e.g. by `npm run bench -- --profile`).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './lib/processes';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function topSelfTime(profile: CpuProfile, top = 15): { name: string; where: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.startsWith('file://') ? relative(ROOT, new URL(url).pathname) : url}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = self.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += dt;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, share: e.us / total }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const rows = topSelfTime(profile, Number(process.argv[3] ?? 15));
  process.stdout.write(`${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled\n| self ms | share | function | where |\n|---|---|---|---|\n`);
  for (const r of rows) process.stdout.write(`| ${r.ms.toFixed(0)} | ${(r.share * 100).toFixed(1)}% | ${r.name} | ${r.where} |\n`);
}
