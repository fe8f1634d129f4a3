import type * as Y from 'yjs';
import { handlingText, selectTags, sortByDomain } from '../instruments/complexity';
import type { ComplexitySortingConfig } from '../instruments/complexity';
import { citation, packOfKind } from '../instruments/content-pack';
import type { ContentPack } from '../instruments/content-pack';
import { clothsByGroup, selectGuldkorn } from '../instruments/dialogue-cloth';
import type { DialogueClothConfig } from '../instruments/dialogue-cloth';
import { tallyMarks } from '../instruments/marks';
import { matrixFromCounts, matrixToJson, parseCellId, span } from '../instruments/partnership-matrix';
import type { PartnershipMatrixConfig } from '../instruments/partnership-matrix';
import { packPersona, selectPersonaCards } from '../instruments/personas';
import type { PersonaContent, PersonasConfig } from '../instruments/personas';
import type { ReflectionConfig } from '../instruments/reflection';
import { questionTexts } from '../instruments/seven-questions';
import type { SevenQuestionsConfig } from '../instruments/seven-questions';
import { gapRows, selectSevenResult, shareJa, toPoints } from '../instruments/seven-questions-results';
import type { AnswerCounts } from '../instruments/seven-questions-results';
import { ANSWERS, COMPLEXITY_DOMAINS, PARITY_FACTORS, PHASES, PLACES } from '../instruments/vocabulary';
import type { Answer, Side } from '../instruments/vocabulary';
import type { Note } from '../workshop/board';
import type { Group } from '../workshop/groups';
import type {
  ReportComplexityResults,
  ReportDialogueClothResults,
  ReportLanguage,
  ReportPartnershipMatrixResults,
  ReportPersona,
  ReportPersonasResults,
  ReportReflectionResults,
  ReportSevenQuestionsResults,
} from './report-model';
import { toReportNote } from './report-notes';
import type { NoteContext } from './report-notes';

/** Everything an instrument section reads. `notes` are the visible board notes (hidden ones are not there). */
export interface SectionInput {
  readonly stepId: string;
  readonly control: Y.Doc;
  readonly board: Y.Doc;
  readonly notes: readonly Note[];
  readonly groups: readonly Group[];
  readonly packs: ReadonlyMap<string, ContentPack>;
  readonly ctx: NoteContext;
}

const SIDE_LABELS: Readonly<Record<ReportLanguage, Readonly<Record<Side, string>>>> = {
  sv: { patient: 'Patienter', staff: 'Personal' },
  en: { patient: 'Patients', staff: 'Staff' },
};

const ANSWER_FALLBACK: Readonly<Record<ReportLanguage, Readonly<Record<Answer, string>>>> = {
  sv: { ja: 'Ja', delvis: 'Delvis', nej: 'Nej', 'vet-inte': 'Vet inte' },
  en: { ja: 'Yes', delvis: 'Partly', nej: 'No', 'vet-inte': "Don't know" },
};

const LAYER_LABELS = {
  sv: { today: 'I dag', next: 'Nästa steg' },
  en: { today: 'Today', next: 'Next' },
} as const;

/** The packs' citation lines begin with "Källa:"/"Source:"; the report adds its own prefix, once. */
function withoutPrefix(line: string): string {
  return line.replace(/^\s*(?:Källa|Källor|Source|Sources)\s*:\s*/i, '');
}

/** The citation of an instrument step (no "Källa:" prefix): the pack item it came from, else the pack's main source. */
export function sourceLineOf(type: string, config: Record<string, unknown>, packs: ReadonlyMap<string, ContentPack>, lang: ReportLanguage): { packId: string; line: string } | null {
  const found = rawSourceLine(type, config, packs, lang);
  return found ? { packId: found.packId, line: withoutPrefix(found.line) } : null;
}

function rawSourceLine(type: string, config: Record<string, unknown>, packs: ReadonlyMap<string, ContentPack>, lang: ReportLanguage): { packId: string; line: string } | null {
  const packId = packIdOf(type, config);
  const pack = packId ? packs.get(packId) : undefined;
  if (!packId || !pack) return null;
  if (type === 'dialogue-cloth') {
    const cloths = packOfKind(pack, 'dialogue-cloths');
    const itemId = (config as DialogueClothConfig).source?.itemId;
    const cloth = cloths?.content.cloths.find((c) => c.id === itemId);
    if (cloth) return { packId, line: citation(pack, cloth, lang) };
  }
  return { packId, line: citation(pack, { source: pack.source, ref: pack.ref }, lang) };
}

/** The pack an instrument step's texts came from, or null (a facilitator's own cloth, a plain step). */
export function packIdOf(type: string, config: Record<string, unknown>): string | null {
  switch (type) {
    case 'dialogue-cloth':
    case 'reflection':
      return (config as DialogueClothConfig | ReflectionConfig).source?.packId ?? null;
    case 'seven-questions':
    case 'personas':
    case 'partnership-matrix':
    case 'complexity-sorting':
      return typeof config.packId === 'string' ? config.packId : null;
    default:
      return null;
  }
}

export function dialogueClothSection(input: SectionInput, config: DialogueClothConfig): ReportDialogueClothResults {
  const { ctx } = input;
  const questionText = new Map(config.questions.map((q) => [q.id, q.text]));
  const cloths = clothsByGroup(input.notes, input.stepId, config.questions, input.groups).filter(
    (c) => c.onTheme.length > 0 || [...c.byQuestion.values()].some((n) => n.length > 0),
  );
  return {
    kind: 'dialogue-cloth',
    theme: config.theme,
    questions: config.questions.map((q) => ({ id: q.id, text: q.text, ...(q.zone ? { zone: q.zone } : {}) })),
    groups: cloths.map((c) => ({
      groupName: c.groupId === null ? null : (ctx.groupNames.get(c.groupId) ?? null),
      byQuestion: config.questions.map((q) => ({ questionId: q.id, notes: (c.byQuestion.get(q.id) ?? []).map((n) => toReportNote(n, ctx)) })),
      onTheme: c.onTheme.map((n) => toReportNote(n, ctx)),
    })),
    guldkorn: selectGuldkorn(input.control, input.stepId).map((g) => {
      const groupName = g.groupId ? ctx.groupNames.get(g.groupId) : undefined;
      const question = g.questionId ? questionText.get(g.questionId) : undefined;
      return { text: g.text, ...(groupName ? { groupName } : {}), ...(question ? { questionText: question } : {}) };
    }),
  };
}

export function reflectionSection(input: SectionInput, config: ReflectionConfig, unrevealedCount: number): ReportReflectionResults {
  const mine = input.notes.filter((n) => n.stepId === input.stepId);
  const ids = new Set(config.prompts.map((p) => p.id));
  return {
    kind: 'reflection',
    form: config.form,
    anonymous: config.anonymous,
    unrevealedCount,
    prompts: config.prompts.map((p) => ({
      id: p.id,
      text: p.text,
      ...(p.zone ? { zone: p.zone } : {}),
      answers: mine.filter((n) => n.questionId === p.id).map((n) => toReportNote(n, input.ctx)),
    })),
    other: mine.filter((n) => !n.questionId || !ids.has(n.questionId)).map((n) => toReportNote(n, input.ctx)),
  };
}

function cell(counts: AnswerCounts | null | undefined): { counts: Readonly<Record<Answer, number>> | null; jaPercent: number | null } {
  return { counts: counts ?? null, jaPercent: toPoints(shareJa(counts)) };
}

export function sevenQuestionsSection(input: SectionInput, config: SevenQuestionsConfig, lang: ReportLanguage): ReportSevenQuestionsResults {
  const pack = packOfKind(input.packs.get(config.packId), 'seven-questions');
  const result = selectSevenResult(input.control, input.stepId);
  const answerLabels = Object.fromEntries(
    ANSWERS.map((a) => [a, pack?.content.scale.find((s) => s.id === a)?.label[lang] ?? ANSWER_FALLBACK[lang][a]]),
  ) as Record<Answer, string>;
  const patientTexts = pack ? questionTexts(pack, config, 'patient', lang) : [];
  const staffTexts = pack ? questionTexts(pack, config, 'staff', lang) : [];
  const gaps = result ? new Map(gapRows(result).map((g) => [g.questionId, g])) : new Map();
  const rows = config.questionIds.map((id, index) => {
    const question = pack?.content.questions.find((q) => q.id === id);
    const gap = gaps.get(id);
    return {
      questionId: id,
      no: question?.no ?? index + 1,
      theme: question?.theme[lang] ?? id,
      patientText: patientTexts.find((q) => q.id === id)?.text ?? id,
      staffText: staffTexts.find((q) => q.id === id)?.text ?? id,
      patient: cell(result?.sides.patient.questions[id]),
      staff: cell(result?.sides.staff.questions[id]),
      gapPoints: gap ? toPoints(gap.gapPoints, false) : null,
    };
  });
  return {
    kind: 'seven-questions',
    published: result !== undefined,
    threshold: result?.threshold ?? config.threshold,
    answerLabels,
    sideLabels: SIDE_LABELS[lang],
    respondents: { patient: result?.sides.patient.respondents ?? 0, staff: result?.sides.staff.respondents ?? 0 },
    rows,
    allJa: { patient: result?.sides.patient.allJa ?? null, staff: result?.sides.staff.allJa ?? null },
  };
}

const FIELD_FALLBACK = {
  sv: { situation: 'Situation', whatMatters: 'Vad är viktigt för mig?', needs: 'Behov', abilityAndWill: 'Förmåga och vilja', resources: 'Resurser', expectations: 'Förväntningar', channels: 'Kontaktvägar' },
  en: { situation: 'Situation', whatMatters: 'What matters to me?', needs: 'Needs', abilityAndWill: 'Ability and will', resources: 'Resources', expectations: 'Expectations', channels: 'Contact channels' },
} as const;

export function personasSection(input: SectionInput, config: PersonasConfig, lang: ReportLanguage): ReportPersonasResults {
  const pack = packOfKind(input.packs.get(config.packId), 'personas');
  const { ctx } = input;
  const channelLabel = (id: string): string => pack?.content.channels.find((c) => c.id === id)?.label[lang] ?? id;
  const segmentLabel = (id: string | undefined): string | undefined =>
    id && config.showSegments ? (pack?.content.segments.find((s) => s.id === id)?.name[lang] ?? undefined) : undefined;
  const personas: ReportPersona[] = [];
  const fromContent = (content: PersonaContent & { id: string }, origin: ReportPersona['origin'], extra: { groupName?: string; authorName?: string } = {}): ReportPersona => {
    const segment = segmentLabel(content.segmentId);
    return {
      id: content.id,
      label: content.label,
      ...(segment ? { segmentLabel: segment } : {}),
      situation: content.situation,
      whatMatters: content.whatMatters,
      needs: content.needs,
      abilityAndWill: content.abilityAndWill,
      resources: content.resources,
      expectations: content.expectations,
      channels: content.channels.map(channelLabel),
      origin,
      ...extra,
    };
  };
  for (const id of config.personaIds) {
    const p = pack ? packPersona(pack, id, lang) : null;
    if (p) personas.push(fromContent(p, 'pack'));
  }
  for (const p of config.customPersonas) personas.push(fromContent(p, 'facilitator'));
  for (const card of selectPersonaCards(input.board, input.stepId)) {
    // Same name rule as notes: the card's author shows only when not anonymous.
    const who = toReportNote(
      { id: card.id, text: '', createdAt: card.createdAt, authorRole: card.authorRole, anonymous: card.anonymous, ...(card.authorName ? { authorName: card.authorName } : {}), ...(card.authorId ? { authorId: card.authorId } : {}), ...(card.groupId ? { groupId: card.groupId } : {}) },
      ctx,
    );
    personas.push(fromContent(card, 'group', { ...(who.groupName ? { groupName: who.groupName } : {}), ...(who.authorName ? { authorName: who.authorName } : {}) }));
  }
  const matrices = [...tallyMarks(input.board, input.stepId)].map(([groupId, counts]) => ({
    groupName: groupId === null ? null : (ctx.groupNames.get(groupId) ?? null),
    cells: [...counts]
      .map(([c, count]) => {
        const [personaId = '', channelId = ''] = c.split(':');
        return { personaId, channelId, count };
      })
      .filter((c) => c.count > 0)
      .sort((a, b) => (a.personaId + a.channelId < b.personaId + b.channelId ? -1 : 1)),
  }));
  const fields = pack?.content.fields;
  return {
    kind: 'personas',
    fieldLabels: fields
      ? { situation: fields.situation[lang], whatMatters: fields.whatMatters[lang], needs: fields.needs[lang], abilityAndWill: fields.abilityAndWill[lang], resources: fields.resources[lang], expectations: fields.expectations[lang], channels: fields.channels[lang] }
      : FIELD_FALLBACK[lang],
    segmentCaveat: config.showSegments && pack ? pack.content.caveat.text[lang] : null,
    personas,
    channels: config.channelIds.map((id) => ({ id, label: channelLabel(id) })),
    matrices: sortGroups(matrices, input.groups, ctx),
    notes: input.notes.filter((n) => n.stepId === input.stepId).map((n) => toReportNote(n, ctx)),
  };
}

/** Groups in the session's order (the room first), for a stable report. */
function sortGroups<T extends { groupName: string | null }>(items: T[], groups: readonly Group[], _ctx: NoteContext): T[] {
  const order = (name: string | null): number => (name === null ? -1 : groups.findIndex((g) => g.name === name));
  return [...items].sort((a, b) => order(a.groupName) - order(b.groupName) || (a.groupName ?? '').localeCompare(b.groupName ?? '', 'sv'));
}

export function partnershipMatrixSection(input: SectionInput, config: PartnershipMatrixConfig, lang: ReportLanguage): ReportPartnershipMatrixResults {
  const pack = packOfKind(input.packs.get(config.packId), 'partnership-matrix');
  const { ctx } = input;
  const mine = input.notes.filter((n) => n.stepId === input.stepId);
  const groups = [...tallyMarks(input.board, input.stepId)].map(([groupId, counts]) => {
    const matrix = matrixFromCounts(counts, config.minMarks);
    const json = matrixToJson(matrix);
    return { groupName: groupId === null ? null : (ctx.groupNames.get(groupId) ?? null), today: json.today, next: json.next, span: { today: span(matrix.today), next: span(matrix.next) } };
  });
  const activities = PLACES.flatMap((place) =>
    PHASES.map((phase) => ({ place, phase, notes: mine.filter((n) => n.questionId === `${place}:${phase}`).map((n) => toReportNote(n, ctx)) })),
  ).filter((a) => a.notes.length > 0);
  const parity = PARITY_FACTORS.map((factor) => ({
    factor,
    label: pack?.content.parity.find((p) => p.id === factor)?.label[lang] ?? factor,
    notes: mine.filter((n) => n.questionId === `parity:${factor}`).map((n) => toReportNote(n, ctx)),
  })).filter((p) => p.notes.length > 0);
  return {
    kind: 'partnership-matrix',
    places: PLACES.map((id) => ({ id, label: pack?.content.places.find((p) => p.id === id)?.label[lang] ?? id })),
    phases: PHASES.map((id) => ({ id, label: pack?.content.phases.find((p) => p.id === id)?.label[lang] ?? id })),
    layerLabels: LAYER_LABELS[lang],
    minMarks: config.minMarks,
    groups: sortGroups(groups, input.groups, ctx),
    activities,
    parity,
    other: mine.filter((n) => !n.questionId || (!parseCellId(n.questionId) && !n.questionId.startsWith('parity:'))).map((n) => toReportNote(n, ctx)),
  };
}

export function complexitySection(input: SectionInput, config: ComplexitySortingConfig, lang: ReportLanguage): ReportComplexityResults {
  const pack = packOfKind(input.packs.get(config.packId), 'complexity');
  const candidates = input.notes.filter((n) => n.stepId === input.stepId || (config.sourceStepId !== null && n.stepId === config.sourceStepId));
  const byId = new Map(candidates.map((n) => [n.id, n]));
  const sorted = sortByDomain(candidates.map((n) => n.id), selectTags(input.control, input.stepId));
  const notesOf = (ids: readonly string[]) => ids.flatMap((id) => {
    const note = byId.get(id);
    return note ? [toReportNote(note, input.ctx)] : [];
  });
  return {
    kind: 'complexity',
    domains: COMPLEXITY_DOMAINS.map((id) => ({
      id,
      label: pack?.content.domains.find((d) => d.id === id)?.label[lang] ?? id,
      handling: pack ? handlingText(pack, config, id, lang).text : (config.handlingOverrides[id] ?? ''),
      notes: notesOf(sorted[id]),
    })),
    untagged: notesOf(sorted.untagged),
  };
}
