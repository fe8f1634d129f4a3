import { compactFile, copyFolder, longHistoryFolder, sessionFileIn } from '../lib/long-history-folder';
import type { LongHistoryFolder } from '../lib/long-history-folder';
import { startHost } from '../lib/processes';
import type { ServerProcess } from '../lib/processes';
import type { Context, Figure } from '../lib/report';
import { spread } from '../lib/stats';

const S = '7 Exports';

const FORMATS = [
  { format: 'docx', label: 'DOCX', targetS: 3, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: 'PK' },
  { format: 'pdf', label: 'PDF', targetS: 5, type: 'application/pdf', magic: '%PDF' },
] as const;

type Format = (typeof FORMATS)[number];

/** One export: request → last byte, or why it is not there. */
type Outcome = { readonly ms: number; readonly bytes: number } | { readonly missing: string };

/**
 * `GET /api/sessions/:id/export?format=…` (issue #6), timed from the request to the last byte of
 * the file. A 404 or 501, or an answer that is not the file (the page's HTML for an unknown path),
 * means the export is not there yet: reported as "not available", not as a failure.
 */
async function exportOnce(host: ServerProcess, sessionId: string, f: Format): Promise<Outcome> {
  const t0 = performance.now();
  const res = await fetch(`${host.url}/api/sessions/${sessionId}/export?format=${f.format}`, { headers: { Authorization: `Bearer ${host.token}` } });
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = performance.now() - t0;
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 404 || res.status === 501) return { missing: `the endpoint answered ${res.status}` };
  if (!res.ok) throw new Error(`${f.label} export: ${res.status} ${new TextDecoder().decode(body.slice(0, 300))}`);
  if (!type.startsWith(f.type)) return { missing: `the endpoint answered ${res.status} with ${type || 'no type'}, not ${f.type}` };
  if (new TextDecoder().decode(body.slice(0, f.magic.length)) !== f.magic) throw new Error(`${f.label} export does not start with ${f.magic}`);
  return { ms, bytes: body.length };
}

/**
 * The report must carry the improvement linked to the session (its title, every cycle, every measure):
 * otherwise the DOCX and PDF would be timed without the PDSA part and its run charts. Checked once on
 * the Markdown export of the same session, built from the same report as DOCX and PDF; a PDF's text is
 * compressed and split into runs, so its bytes cannot be searched for it. Throws, failing the scenario.
 */
async function checkImprovementInReport(host: ServerProcess, folder: LongHistoryFolder): Promise<void> {
  const res = await fetch(`${host.url}/api/sessions/${folder.sessionId}/export?format=md`, { headers: { Authorization: `Bearer ${host.token}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`Markdown export for the improvement check: ${res.status} ${text.slice(0, 300)}`);
  const { improvement } = folder;
  const missing = [improvement.title, ...improvement.measures.map((m) => m.name), ...improvement.cycleTitles].filter((part) => !text.includes(part));
  if (missing.length > 0) {
    throw new Error(`the session's report does not carry its improvement "${improvement.title}": ${missing.length} of its title, measures and cycle titles are missing, e.g. "${missing[0]}"`);
  }
}

/**
 * Issue #8 scenario 7: DOCX and PDF of the long-history session (scenario 4's folder, the session
 * compacted, with its linked improvement), each from a fresh host, so the time includes the host
 * opening the session and reading the improvement for the export.
 */
export async function exportsScenario(ctx: Context): Promise<Figure[]> {
  const folder = longHistoryFolder(ctx);
  const { shape, sessionId: id, improvement } = folder;
  const raw = copyFolder(ctx, folder.dir, 'exports-compacted-');
  compactFile(sessionFileIn(raw, id));
  const figures: Figure[] = [];
  const outcomes = new Map<Format, Outcome[]>(FORMATS.map((f) => [f, []]));
  const fresh = (): Promise<ServerProcess> => startHost({ dataDir: copyFolder(ctx, raw, 'exports-'), profileDir: ctx.profileDir });
  let checked = false;
  for (let i = 0; i < ctx.runs; i++) {
    // A fresh host for each export, so each includes opening the session; a quick run shares one.
    const shared = ctx.quick ? await fresh() : null;
    try {
      for (const f of FORMATS) {
        if (outcomes.get(f)!.some((o) => 'missing' in o)) continue;
        const host = shared ?? (await fresh());
        try {
          const outcome = await exportOnce(host, id, f);
          outcomes.get(f)!.push(outcome);
          // Once, after the first timed export (so it does not warm that one up).
          if (!checked) {
            await checkImprovementInReport(host, folder);
            checked = true;
            ctx.log(`  exports: the report carries the improvement "${improvement.title}" (${improvement.cycles} cycles, ${improvement.measures.length} measures)`);
          }
          ctx.log(`  exports ${f.label} run ${i + 1}: ${'missing' in outcome ? `not available (${outcome.missing})` : `${outcome.ms.toFixed(0)} ms, ${(outcome.bytes / 1024).toFixed(0)} KB`}`);
        } finally {
          if (!shared) await host.stop();
        }
      }
    } finally {
      await shared?.stop();
    }
  }
  for (const f of FORMATS) {
    const runs = outcomes.get(f)!;
    const figure = `${f.label} of the long-history session (${shape.notes} notes, ${shape.votes} votes, ${shape.edits} edits; ${improvement.cycles} PDSA cycles, ${improvement.measures.length} run charts)`;
    const missing = runs.find((o): o is { missing: string } => 'missing' in o);
    if (missing) {
      figures.push({ scenario: S, figure, target: `≤ ${f.targetS} s`, unit: 's', measured: null, pass: null, note: `not available: ${missing.missing}` });
      continue;
    }
    const done = runs as { ms: number; bytes: number }[];
    const measured = spread(done.map((o) => o.ms / 1000));
    figures.push({
      scenario: S,
      figure,
      target: `≤ ${f.targetS} s`,
      unit: 's',
      measured,
      pass: measured.median <= f.targetS,
      note: `GET /api/sessions/:id/export?format=${f.format}, request → last byte${ctx.quick ? '' : ', fresh host for each export (includes opening the session)'}; ${spread(done.map((o) => o.bytes / 1024)).median.toFixed(0)} KB; with the linked improvement "${improvement.title}" (checked in the Markdown export); pass on the median`,
    });
  }
  return figures;
}
