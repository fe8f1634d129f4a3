import type * as Y from 'yjs';
import { CSV_KINDS } from '../../contracts/exports';
import type { ExportCheck, ExportQuery } from '../../contracts/exports';
import type { DocName } from '../../core/workshop/doc-names';
import type { StoredParticipant } from '../persistence/session-store';
import type { SessionSummary } from '../../contracts/http';
import type { ContentPack } from '../../core/instruments/content-pack';
import type { Improvement } from '../../core/improvement/model';
import { improvementSection } from '../../core/report/improvement-section';
import { findPersonalData, maskDeep, maskText } from '../../core/report/personal-data';
import type { PersonalDataKind } from '../../core/report/personal-data';
import { buildSessionReport } from '../../core/report/session-report';
import type { ReportLanguage, SessionReport } from '../../core/report/session-report';
import { selectHiddenNotes, vaultPending } from '../../core/workshop/moderation';
import type { ImprovementService } from '../improvements/improvement-service';
import type { SessionManager } from '../sessions/session-manager';
import type { ContentPackLibrary } from '../templates/content-pack-library';
import { csvKindName, placedNotes, renderCsv } from './csv-export';
import { FORMATS, exportFileName } from './formats';
import { renderMarkdownReport } from './markdown-report';
import { exportArchive, importArchive } from './session-archive';
import { exportSessionJson, importSessionJson, parseSessionJson } from './session-json';

/** A file ready to send: its bytes, media type and the name a person sees. */
export interface ExportFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

export interface ExportServiceDeps {
  readonly manager: SessionManager;
  readonly contentPacks: ContentPackLibrary | null;
  readonly improvements: ImprovementService | null;
  readonly now?: () => number;
  /** Minutes east of UTC for dates in files (the host's local zone by default). */
  readonly utcOffsetMinutes?: (at: number) => number;
}

/**
 * Exports and imports of sessions (issue #6): opens the session, builds the report model and picks
 * the renderer for the format. Works mid-workshop: it reads the live documents and writes nothing.
 */
export class ExportService {
  constructor(private readonly deps: ExportServiceDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private offset(at: number): number {
    return this.deps.utcOffsetMinutes ? this.deps.utcOffsetMinutes(at) : -new Date(at).getTimezoneOffset();
  }

  private packs(): Map<string, ContentPack> {
    const library = this.deps.contentPacks;
    return new Map(library ? library.list().map((p) => [p.id, library.get(p.id)] as const) : []);
  }

  /** The improvements that name the session (none when the host runs without them). */
  linkedImprovements(sessionId: string): Improvement[] {
    return this.deps.improvements?.store.listForSession(sessionId) ?? [];
  }

  report(sessionId: string, lang: ReportLanguage): SessionReport {
    const session = this.deps.manager.open(sessionId);
    const now = this.now();
    return buildSessionReport(
      {
        sessionId,
        control: session.rooms.control.doc,
        board: session.rooms.board.doc,
        vault: session.rooms.vault.doc,
        participants: session.store.listParticipants(),
        packs: this.packs(),
        improvements: improvementSection(this.linkedImprovements(sessionId), lang),
        now,
        utcOffsetMinutes: this.offset(now),
      },
      lang,
    );
  }

  async export(sessionId: string, query: ExportQuery, lang: ReportLanguage): Promise<ExportFile> {
    const info = FORMATS[query.format];
    if (query.format === 'json') {
      const session = this.deps.manager.open(sessionId);
      let data = exportSessionJson(session, this.linkedImprovements(sessionId), this.now());
      if (query.scrub === 'mask') data = { ...data, documents: maskDeep(data.documents, lang) };
      const title = data.session.title;
      return { body: utf8(`${JSON.stringify(data, null, 2)}\n`), contentType: info.contentType, fileName: exportFileName(title, this.dateOf(), info.extension) };
    }
    let report = this.report(sessionId, lang);
    if (query.scrub === 'mask') report = { ...maskDeep(report, lang), text: report.text };
    const name = (part?: string) => exportFileName(report.titlePage.title, this.dateOf(), info.extension, part);
    switch (query.format) {
      case 'md':
        return { body: utf8(renderMarkdownReport(report)), contentType: info.contentType, fileName: name() };
      case 'csv':
        return { body: utf8(renderCsv(report, query.kind, query.separator, this.offset(this.now()))), contentType: info.contentType, fileName: name(csvKindName(query.kind, lang)) };
      case 'docx':
        return { body: await (await loadDocx()).renderDocxReport(report), contentType: info.contentType, fileName: name() };
      case 'pdf':
        return { body: await (await loadPdf()).renderPdfReport(report), contentType: info.contentType, fileName: name() };
    }
  }

  /** The export date in file names: the day of the export, in the host's zone. */
  private dateOf(): string {
    const now = this.now();
    const d = new Date(now + this.offset(now) * 60_000);
    return d.toISOString().slice(0, 10);
  }

  /**
   * Personal data patterns in the free text of the session, for the export dialog's warning. The
   * excerpt shows the text around each finding with the finding itself masked.
   */
  check(sessionId: string, lang: ReportLanguage): ExportCheck {
    return this.findingsOf(this.report(sessionId, lang), this.deps.manager.open(sessionId).rooms.vault.doc, lang);
  }

  private findingsOf(report: SessionReport, vault: Y.Doc, lang: ReportLanguage): ExportCheck {
    const texts: { where: string; text: string }[] = [{ where: report.titlePage.title, text: report.titlePage.title }];
    for (const p of placedNotes(report)) texts.push({ where: p.stepTitle, text: p.note.text });
    for (const step of report.steps) {
      if (step.results.kind === 'dialogue-cloth') for (const g of step.results.guldkorn) texts.push({ where: step.title, text: g.text });
      if (step.results.kind === 'grouping') for (const c of step.results.clusters) texts.push({ where: step.title, text: c.title });
      if (step.results.kind === 'personas') {
        for (const p of step.results.personas.filter((x) => x.origin === 'group')) texts.push({ where: step.title, text: [p.label, p.situation, p.whatMatters, ...p.needs, p.abilityAndWill, p.resources, p.expectations].join(' ') });
      }
    }
    // Hidden notes and notes not yet revealed are left out of reports, but the JSON export keeps them.
    const stepTitle = (id: string | undefined): string => report.agenda.find((a) => a.stepId === id)?.title ?? report.titlePage.title;
    for (const note of [...selectHiddenNotes(vault), ...vaultPending(vault).values()]) texts.push({ where: stepTitle(note.stepId), text: note.text });
    const findings: ExportCheck['findings'] = [];
    const counts = { personnummer: 0, phone: 0, email: 0 };
    for (const { where, text } of texts) {
      // Excerpts come from the fully masked text, so a warning never repeats this or any other finding.
      let masked = '';
      let at = 0;
      const marks: { kind: PersonalDataKind; start: number; end: number }[] = [];
      for (const f of findPersonalData(text)) {
        counts[f.kind] += 1;
        masked += text.slice(at, f.start);
        const start = masked.length;
        masked += maskText(f.kind, lang);
        marks.push({ kind: f.kind, start, end: masked.length });
        at = f.end;
      }
      masked += text.slice(at);
      for (const m of marks) {
        const from = Math.max(0, m.start - 30);
        const to = Math.min(masked.length, m.end + 30);
        findings.push({ kind: m.kind, where, excerpt: `${from > 0 ? '…' : ''}${masked.slice(from, to)}${to < masked.length ? '…' : ''}` });
      }
    }
    return { findings: findings.slice(0, 200), counts };
  }

  archive(sessionId: string): ExportFile {
    const title = this.deps.manager.summary(sessionId).title;
    return { body: exportArchive(this.deps.manager, sessionId), contentType: FORMATS.archive.contentType, fileName: exportFileName(title, this.dateOf(), FORMATS.archive.extension) };
  }

  importJson(text: string): SessionSummary {
    const data = parseSessionJson(text);
    const { id } = importSessionJson(this.deps.manager, this.deps.improvements, data, this.now(), (docs, participants) => this.readable(docs, participants));
    return this.deps.manager.summary(id);
  }

  /** Builds the report of restored documents in both languages and renders Markdown and every CSV (throws what an export would). */
  private readable(docs: Readonly<Record<DocName, Y.Doc>>, participants: readonly StoredParticipant[]): void {
    const now = this.now();
    for (const lang of ['sv', 'en'] as const) {
      const report = buildSessionReport({ sessionId: 'import', ...docs, participants, packs: this.packs(), improvements: [], now, utcOffsetMinutes: this.offset(now) }, lang);
      renderMarkdownReport(report);
      for (const kind of CSV_KINDS) renderCsv(report, kind, 'semicolon', this.offset(now));
      this.findingsOf(report, docs.vault, lang);
    }
  }

  importArchive(bytes: Uint8Array): SessionSummary {
    return importArchive(this.deps.manager, bytes);
  }
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/**
 * The Word and PDF libraries (docx, pdfkit, fontkit) load on the first such export rather than at
 * the host's start, where they cost ~100 ms of the 1.5 s start budget (docs/performance.md).
 */
function loadDocx(): Promise<typeof import('./docx-report')> {
  return import('./docx-report');
}

function loadPdf(): Promise<typeof import('./pdf-report')> {
  return import('./pdf-report');
}
