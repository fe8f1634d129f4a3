import type * as Y from 'yjs';
import type { ContentPack } from '../instruments/content-pack';
import type { ComplexitySortingConfig } from '../instruments/complexity';
import type { DialogueClothConfig } from '../instruments/dialogue-cloth';
import type { PartnershipMatrixConfig } from '../instruments/partnership-matrix';
import type { PersonasConfig } from '../instruments/personas';
import type { ReflectionConfig } from '../instruments/reflection';
import type { SevenQuestionsConfig } from '../instruments/seven-questions';
import { PARTICIPANT_ROLES } from '../roles';
import type { ParticipantRole } from '../roles';
import { selectAgenda } from '../workshop/agenda';
import type { Step } from '../workshop/agenda';
import { selectNotes } from '../workshop/board';
import type { Note } from '../workshop/board';
import type { DotVotingConfig, GroupingConfig } from '../workshop/builtin-step-types';
import { selectClusters } from '../workshop/clusters';
import { countByRole, patientShare, selectGroups } from '../workshop/groups';
import { selectPending } from '../workshop/moderation';
import { selectRunState } from '../workshop/run-state';
import { stepConfig } from '../workshop/step-types';
import { tallyVotes, voterIds } from '../workshop/votes';
import {
  complexitySection,
  dialogueClothSection,
  partnershipMatrixSection,
  personasSection,
  reflectionSection,
  sevenQuestionsSection,
  sourceLineOf,
} from './instrument-sections';
import type { SectionInput } from './instrument-sections';
import { REPORT_FORMAT, REPORT_VERSION } from './report-model';
import type {
  ReportAgendaItem,
  ReportImprovement,
  ReportLanguage,
  ReportParticipants,
  ReportSource,
  ReportStep,
  ReportStepResults,
  ReportStepStatus,
  ReportTitlePage,
  SessionReport,
} from './report-model';
import { facilitatorNames, selectReportFacts } from './report-facts';
import { byTime, groupNotes, toReportNote } from './report-notes';
import type { NoteContext } from './report-notes';
import { dateText, dateTimeText, fillText, isoDate, reportText, roleLabel, statusLabel, stepTypeLabel } from './report-text';

export * from './report-model';
export { countText, fillText, reportText, unrevealedText } from './report-text';
export type { ReportText, ReportTextKey } from './report-text';

/** A participant as the report may know them: never a token; the name only as stored. */
export interface ReportParticipantInput {
  readonly id: string;
  readonly name: string | null;
  readonly role: ParticipantRole;
  readonly anonymous: boolean;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

/** What the report is built from: the session's three documents, who joined, and the packs. */
export interface SessionReportInput {
  readonly sessionId: string;
  readonly control: Y.Doc;
  readonly board: Y.Doc;
  /** Read for counts only (notes not yet revealed); hidden notes never reach the report. */
  readonly vault: Y.Doc;
  readonly participants: readonly ReportParticipantInput[];
  /** Content packs by id (those the session's steps name); a missing pack only drops its source line. */
  readonly packs: ReadonlyMap<string, ContentPack>;
  /** Filled by the export service from the improvement store (issue #5). */
  readonly improvements?: readonly ReportImprovement[];
  readonly now: number;
  /** The host's offset from UTC in minutes (east positive), so dates are the room's. */
  readonly utcOffsetMinutes: number;
}

/**
 * Builds the report of a session as it stands now (mid-workshop too). Pure: reads the documents,
 * writes nothing. What is left out, on purpose: hidden notes (they are in the vault, not the board),
 * private notes not yet revealed (counted only), every participant id, and the names of people who
 * chose anonymity.
 */
export function buildSessionReport(input: SessionReportInput, lang: ReportLanguage): SessionReport {
  const text = reportText(lang);
  const agenda = selectAgenda(input.control);
  const statuses = stepStatuses(agenda, selectRunState(input.control).currentStepId);
  const groups = selectGroups(input.control);
  const ctx: NoteContext = {
    lang,
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
    anonymousIds: new Set(input.participants.filter((p) => p.anonymous).map((p) => p.id)),
  };
  const notes = selectNotes(input.board);
  const sectionBase = { control: input.control, board: input.board, notes, groups, packs: input.packs, ctx };

  const agendaItems: ReportAgendaItem[] = agenda.map((step, i) => {
    const status = statuses.get(step.id) ?? 'planned';
    return { no: i + 1, stepId: step.id, title: step.title, type: step.type, typeLabel: stepTypeLabel(step.type, lang), minutes: step.minutes, groupMode: step.groupMode, status, statusLabel: statusLabel(status, lang) };
  });

  const sources = new Map<string, { line: string; usedIn: string[] }>();
  const steps: ReportStep[] = [];
  agenda.forEach((step, i) => {
    const status = statuses.get(step.id) ?? 'planned';
    if (status === 'skipped' || status === 'not-reached') return;
    const source = sourceLineOf(step.type, step.config as Record<string, unknown>, input.packs, lang);
    if (source) {
      const entry = sources.get(source.packId) ?? { line: source.line, usedIn: [] };
      entry.usedIn.push(step.title);
      sources.set(source.packId, entry);
    }
    steps.push({
      stepId: step.id,
      no: i + 1,
      title: step.title,
      type: step.type,
      typeLabel: stepTypeLabel(step.type, lang),
      instructions: step.instructions,
      groupMode: step.groupMode,
      status,
      sourceLine: source ? `${text.sourcePrefix} ${source.line}` : null,
      results: stepResults(step, agenda, { ...sectionBase, stepId: step.id }, input.vault, lang),
    });
  });

  // Notes written on a free board (no step) or in a step since removed: shown after the agenda's steps.
  const known = new Set(agenda.map((s) => s.id));
  const loose = notes.filter((n) => !n.stepId || !known.has(n.stepId));
  if (loose.length > 0) {
    steps.push({
      stepId: '',
      no: agenda.length + 1,
      title: text.looseNotes,
      type: 'note-board',
      typeLabel: stepTypeLabel('note-board', lang),
      instructions: '',
      groupMode: 'room',
      status: 'done',
      sourceLine: null,
      results: { kind: 'notes', unrevealedCount: 0, groups: groupNotes(loose, loose.some((n) => n.groupId), ctx, groups.map((g) => g.id)) },
    });
  }

  const current = agendaItems.find((a) => a.status === 'current');
  const lastRunnable = [...agendaItems].reverse().find((a) => a.status !== 'skipped');
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    lang,
    sessionId: input.sessionId,
    generatedAt: input.now,
    generatedAtText: dateTimeText(input.now, lang, input.utcOffsetMinutes),
    text,
    titlePage: titlePage(input, lang, current && current !== lastRunnable ? fillText(text.progressMidway, { n: current.no, total: agendaItems.length }) : null),
    participants: participantsSection(input.participants, lang),
    agenda: agendaItems,
    steps,
    improvements: input.improvements ?? [],
    sources: [...sources].map(([packId, s]): ReportSource => ({ packId, title: input.packs.get(packId)?.title[lang] ?? packId, citation: s.line, usedIn: s.usedIn })),
  };
}

/**
 * The agenda as run: steps before the current one are done, the current one is in progress, later
 * ones not reached. Before the first step (no current step) everything is planned.
 */
function stepStatuses(agenda: readonly Step[], currentStepId: string | null): Map<string, ReportStepStatus> {
  const currentIndex = currentStepId === null ? -1 : agenda.findIndex((s) => s.id === currentStepId);
  return new Map(
    agenda.map((step, i): [string, ReportStepStatus] => {
      if (step.skipped) return [step.id, 'skipped'];
      if (currentIndex < 0) return [step.id, 'planned'];
      return [step.id, i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'not-reached'];
    }),
  );
}

/** The title page: the session's title and day, and the facts the facilitator wrote for the report (report-facts.ts). */
function titlePage(input: SessionReportInput, lang: ReportLanguage, progressText: string | null): ReportTitlePage {
  const info = input.control.getMap<unknown>('session');
  const title = info.get('title');
  const createdAt = info.get('createdAt');
  const at = typeof createdAt === 'number' ? createdAt : input.now;
  const facts = selectReportFacts(input.control);
  return {
    title: typeof title === 'string' ? title : '',
    date: isoDate(at, input.utcOffsetMinutes),
    dateText: dateText(at, lang, input.utcOffsetMinutes),
    place: facts.place.trim() || null,
    facilitators: facilitatorNames(facts),
    purpose: facts.purpose.trim() || null,
    progressText,
  };
}

function participantsSection(participants: readonly ReportParticipantInput[], lang: ReportLanguage): ReportParticipants {
  const counts = countByRole(participants);
  const share = patientShare(participants);
  const named = participants
    .filter((p) => !p.anonymous && typeof p.name === 'string' && p.name.trim() !== '')
    .map((p) => ({ name: (p.name ?? '').trim(), role: p.role, roleLabel: roleLabel(p.role, lang) }));
  return {
    total: participants.length,
    byRole: PARTICIPANT_ROLES.filter((r) => (counts.get(r) ?? 0) > 0).map((role) => ({ role, label: roleLabel(role, lang), count: counts.get(role) ?? 0 })),
    patientSharePercent: share === null ? null : Math.round(share * 100),
    named,
    unnamedCount: participants.length - named.length,
  };
}

function stepResults(step: Step, agenda: readonly Step[], input: SectionInput, vault: Y.Doc, lang: ReportLanguage): ReportStepResults {
  const config = stepConfig(step);
  const mine = (n: Note): boolean => n.stepId === step.id;
  const titleOf = (id: string | null): string | null => (id === null ? null : (agenda.find((s) => s.id === id)?.title ?? null));
  const groupOrder = input.groups.map((g) => g.id);
  switch (step.type) {
    case 'note-board':
    case 'silent-writing':
      return { kind: 'notes', unrevealedCount: selectPending(vault, step.id).length, groups: groupNotes(input.notes.filter(mine), step.groupMode === 'groups', input.ctx, groupOrder) };
    case 'grouping':
      return groupingResults(step, (config as GroupingConfig | null)?.sourceStepId ?? null, input, titleOf);
    case 'dot-voting':
      return votingResults(step, (config as DotVotingConfig | null) ?? { votesPerPerson: 3, allowStacking: false, sourceStepId: null }, agenda, input, titleOf);
    case 'dialogue-cloth':
      if (config) return dialogueClothSection(input, config as DialogueClothConfig);
      break;
    case 'reflection':
      if (config) return reflectionSection(input, config as ReflectionConfig, selectPending(vault, step.id).length);
      break;
    case 'seven-questions':
      if (config) return sevenQuestionsSection(input, config as SevenQuestionsConfig, lang);
      break;
    case 'personas':
      if (config) return personasSection(input, config as PersonasConfig, lang);
      break;
    case 'partnership-matrix':
      if (config) return partnershipMatrixSection(input, config as PartnershipMatrixConfig, lang);
      break;
    case 'complexity-sorting':
      if (config) return complexitySection(input, config as ComplexitySortingConfig, lang);
      break;
    case 'info':
      return { kind: 'info' };
  }
  // An unknown step type (a newer file) or a config that no longer parses: its notes, as written.
  const notes = input.notes.filter(mine);
  return notes.length > 0 ? { kind: 'notes', unrevealedCount: 0, groups: groupNotes(notes, step.groupMode === 'groups', input.ctx, groupOrder) } : { kind: 'info' };
}

function groupingResults(step: Step, sourceStepId: string | null, input: SectionInput, titleOf: (id: string | null) => string | null): ReportStepResults {
  const byId = new Map(input.notes.map((n) => [n.id, n]));
  const clusters = selectClusters(input.control, step.id);
  const placed = new Set(clusters.flatMap((c) => c.noteIds));
  const pool = input.notes.filter((n) => (sourceStepId === null ? true : n.stepId === sourceStepId));
  return {
    kind: 'grouping',
    sourceStepTitle: titleOf(sourceStepId),
    clusters: clusters.map((c) => ({
      title: c.title,
      notes: c.noteIds.flatMap((id) => {
        const note = byId.get(id);
        return note ? [toReportNote(note, input.ctx)] : [];
      }),
    })),
    ungrouped: pool.filter((n) => !placed.has(n.id)).map((n) => toReportNote(n, input.ctx)),
  };
}

function votingResults(step: Step, config: DotVotingConfig, agenda: readonly Step[], input: SectionInput, titleOf: (id: string | null) => string | null): ReportStepResults {
  const byId = new Map(input.notes.map((n) => [n.id, n]));
  // The heading a note sits under, from the grouping steps of the session (the latest wins).
  const clusterOf = new Map<string, string>();
  for (const s of agenda.filter((a) => a.type === 'grouping')) {
    for (const c of selectClusters(input.control, s.id)) for (const id of c.noteIds) clusterOf.set(id, c.title);
  }
  // Ties in the order the notes were written (tallyVotes breaks them by id, which reads as random).
  const tally = tallyVotes(input.board, step.id, config)
    .filter((r) => byId.has(r.noteId))
    .sort((a, b) => b.votes - a.votes || byTime(byId.get(a.noteId) as Note, byId.get(b.noteId) as Note));
  return {
    kind: 'votes',
    votesPerPerson: config.votesPerPerson,
    voterCount: voterIds(input.board, step.id).size,
    totalVotes: tally.reduce((sum, r) => sum + r.votes, 0),
    sourceStepTitle: titleOf(config.sourceStepId),
    ranked: tally.map((r, i) => {
      const cluster = clusterOf.get(r.noteId);
      // Ranks again over the notes shown (a hidden note's votes are not in the report): "1, 2, 2, 4".
      const rank = tally.findIndex((other) => other.votes === r.votes) + 1 || i + 1;
      return { rank, votes: r.votes, note: toReportNote(byId.get(r.noteId) as Note, input.ctx), ...(cluster ? { clusterTitle: cluster } : {}) };
    }),
  };
}
