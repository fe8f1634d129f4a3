import Papa from 'papaparse';
import type { CsvKind, CsvSeparator } from '../../contracts/exports';
import type { ReportLanguage, ReportNote, SessionReport } from '../../core/report/session-report';

/**
 * CSV per kind of result (issue #6) that opens cleanly in Excel with Swedish settings: UTF-8 with a
 * byte order mark (without it Excel reads "Ö" as "Ã–"), `;` as the separator by default (Swedish
 * Excel expects it, since `,` is the decimal mark) and decimal commas with `;`.
 *
 * Built from the report model, so it shows exactly what the report shows: no hidden or unrevealed
 * notes, no participant ids, no names on anonymous contributions, only published seven-question
 * counts. A text cell that Excel would read as a formula (starting with = + - @, tab or CR) is
 * prefixed with ' (OWASP's advice against CSV injection).
 */
export const CSV_BOM = '\uFEFF';

type Cell = string | number | null;

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const HEADERS = {
  sv: {
    notes: ['Steg nr', 'Steg', 'Typ', 'Bord', 'Fråga eller rubrik', 'Text', 'Roll', 'Namn', 'Röster', 'Skriven', 'Från papper'],
    votes: ['Steg nr', 'Steg', 'Plats', 'Röster', 'Text', 'Rubrik', 'Roll', 'Namn'],
    answers: ['Steg nr', 'Steg', 'Fråga nr', 'Fråga', 'Sida', 'Ja', 'Delvis', 'Nej', 'Vet inte', 'Andel ja (%)', 'Gap (procentenheter)'],
    datapoints: ['Förbättringsarbete', 'Mätetal', 'Typ av mätetal', 'Enhet', 'Datum', 'Värde', 'Kommentar'],
    yes: 'ja',
    no: 'nej',
  },
  en: {
    notes: ['Step no.', 'Step', 'Type', 'Table', 'Question or heading', 'Text', 'Role', 'Name', 'Votes', 'Written', 'From paper'],
    votes: ['Step no.', 'Step', 'Rank', 'Votes', 'Text', 'Heading', 'Role', 'Name'],
    answers: ['Step no.', 'Step', 'Question no.', 'Question', 'Side', 'Yes', 'Partly', 'No', "Don't know", 'Share yes (%)', 'Gap (percentage points)'],
    datapoints: ['Improvement', 'Measure', 'Kind of measure', 'Unit', 'Date', 'Value', 'Note'],
    yes: 'yes',
    no: 'no',
  },
} as const;

/** Guards a text cell against being run as a formula by a spreadsheet. */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function formatNumber(value: number, separator: CsvSeparator): string {
  const text = String(value);
  return separator === 'semicolon' ? text.replace('.', ',') : text;
}

/** "2026-11-23 14:05" in the host's local time (the room's clock). */
function localTime(at: number, offsetMinutes: number): string {
  const d = new Date(at + offsetMinutes * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function renderCsv(report: SessionReport, kind: CsvKind, separator: CsvSeparator, utcOffsetMinutes: number): string {
  const table = tableOf(report, kind, utcOffsetMinutes);
  const data = table.rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? formatNumber(cell, separator) : guardFormula(cell))));
  const body = Papa.unparse({ fields: [...table.header], data }, { delimiter: separator === 'semicolon' ? ';' : ',', newline: '\r\n', quotes: false, escapeFormulae: false });
  return `${CSV_BOM}${body}\r\n`;
}

function tableOf(report: SessionReport, kind: CsvKind, offset: number): Table {
  const h = HEADERS[report.lang];
  switch (kind) {
    case 'notes':
      return { header: h.notes, rows: noteRows(report, offset) };
    case 'votes':
      return { header: h.votes, rows: voteRows(report) };
    case 'answers':
      return { header: h.answers, rows: answerRows(report) };
    case 'datapoints':
      return { header: h.datapoints, rows: dataPointRows(report) };
  }
}

interface PlacedNote {
  readonly stepNo: number;
  readonly stepTitle: string;
  readonly typeLabel: string;
  /** The question, prompt, heading or cell it was written under. */
  readonly where: string;
  readonly note: ReportNote;
}

/** Every note of the report once, with where it sits (a grouping step's headings name notes of earlier steps, so those are not repeated). */
export function placedNotes(report: SessionReport): PlacedNote[] {
  const placed: PlacedNote[] = [];
  const headingOf = new Map<string, string>();
  for (const step of report.steps) {
    const base = { stepNo: step.no, stepTitle: step.title, typeLabel: step.typeLabel };
    const add = (notes: readonly ReportNote[], where = ''): void => {
      for (const note of notes) placed.push({ ...base, where, note });
    };
    const r = step.results;
    switch (r.kind) {
      case 'notes':
        for (const g of r.groups) add(g.notes);
        break;
      case 'grouping':
        for (const c of r.clusters) for (const n of c.notes) headingOf.set(n.id, c.title);
        break;
      case 'dialogue-cloth':
        for (const g of r.groups) {
          for (const q of g.byQuestion) add(q.notes, r.questions.find((x) => x.id === q.questionId)?.text ?? '');
          add(g.onTheme, r.theme);
        }
        break;
      case 'reflection':
        for (const p of r.prompts) add(p.answers, p.text);
        add(r.other);
        break;
      case 'personas':
        add(r.notes);
        break;
      case 'partnership-matrix':
        for (const a of r.activities) add(a.notes, `${r.places.find((p) => p.id === a.place)?.label ?? a.place} × ${r.phases.find((p) => p.id === a.phase)?.label ?? a.phase}`);
        for (const p of r.parity) add(p.notes, p.label);
        add(r.other);
        break;
      case 'complexity':
        // Notes of an earlier step sorted here are listed with their own step; only this step's own ones are added.
        for (const d of r.domains) add(d.notes.filter((n) => !placed.some((p) => p.note.id === n.id)), d.label);
        add(r.untagged.filter((n) => !placed.some((p) => p.note.id === n.id)));
        break;
      default:
        break;
    }
  }
  return placed.map((p) => (p.where === '' && headingOf.has(p.note.id) ? { ...p, where: headingOf.get(p.note.id) ?? '' } : p));
}

function noteRows(report: SessionReport, offset: number): Cell[][] {
  const h = HEADERS[report.lang];
  const votes = new Map<string, number>();
  for (const step of report.steps) {
    if (step.results.kind === 'votes') for (const v of step.results.ranked) votes.set(v.note.id, (votes.get(v.note.id) ?? 0) + v.votes);
  }
  return placedNotes(report).map((p) => [
    p.stepNo,
    p.stepTitle,
    p.typeLabel,
    p.note.groupName ?? '',
    p.where,
    p.note.text,
    p.note.roleLabel,
    p.note.authorName ?? '',
    votes.get(p.note.id) ?? 0,
    localTime(p.note.createdAt, offset),
    p.note.onBehalf ? h.yes : h.no,
  ]);
}

function voteRows(report: SessionReport): Cell[][] {
  return report.steps.flatMap((step) =>
    step.results.kind === 'votes'
      ? step.results.ranked.map((v): Cell[] => [step.no, step.title, v.rank, v.votes, v.note.text, v.clusterTitle ?? '', v.note.roleLabel, v.note.authorName ?? ''])
      : [],
  );
}

function answerRows(report: SessionReport): Cell[][] {
  return report.steps.flatMap((step) => {
    const r = step.results;
    if (r.kind !== 'seven-questions' || !r.published) return [];
    return r.rows.flatMap((row) =>
      (['patient', 'staff'] as const).map((side): Cell[] => {
        const c = row[side];
        return [
          step.no,
          step.title,
          row.no,
          side === 'patient' ? row.patientText : row.staffText,
          r.sideLabels[side],
          c.counts?.ja ?? null,
          c.counts?.delvis ?? null,
          c.counts?.nej ?? null,
          c.counts?.['vet-inte'] ?? null,
          c.jaPercent,
          row.gapPoints,
        ];
      }),
    );
  });
}

function dataPointRows(report: SessionReport): Cell[][] {
  return report.improvements.flatMap((imp) =>
    imp.measures.flatMap((m) => m.points.map((p): Cell[] => [imp.title, m.name, m.kindLabel, m.unit ?? '', p.date, p.value, p.note ?? ''])),
  );
}

/** File-name part per kind ("anteckningar", "notes"). */
export function csvKindName(kind: CsvKind, lang: ReportLanguage): string {
  const names = { sv: { notes: 'anteckningar', votes: 'roster', answers: 'svar', datapoints: 'matpunkter' }, en: { notes: 'notes', votes: 'votes', answers: 'answers', datapoints: 'data-points' } } as const;
  return names[lang][kind];
}
