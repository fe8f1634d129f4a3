import type { ParticipantRole, Role } from '../roles';
import type { GroupMode } from '../workshop/agenda';
import type { Answer, ComplexityDomain, MatrixLayer, ParityFactor, Phase, Place, SevenQuestionId, Side } from '../instruments/vocabulary';
import type { ReportText } from './report-text';

/**
 * The session report (issue #6): what a region files after a workshop — what we asked, what we
 * heard (grouped, ranked), the patient–staff gap, the personas, the change ideas with their PDSA
 * plans, and where each instrument came from.
 *
 * The model is what every renderer (Markdown here; Word and PDF in docx-report.ts / pdf-report.ts)
 * draws, so it is already in one language: every text a reader sees is resolved, headings included
 * (`text`). Renderers decide layout only, never wording or what is shown.
 *
 * Privacy, by construction: no participant id appears anywhere in the model. A name appears only
 * where the person gave one and did not choose anonymity; hidden notes and private notes not yet
 * revealed are left out; the seven questions show only the published counts (small-group rule).
 */
export const REPORT_FORMAT = 'samskapa-session-report';
export const REPORT_VERSION = 1;

export type ReportLanguage = 'sv' | 'en';

export interface SessionReport {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly lang: ReportLanguage;
  readonly sessionId: string;
  /** When the report was made (ms since epoch), and as a reader sees it ("23 november 2026 kl. 14.05"). */
  readonly generatedAt: number;
  readonly generatedAtText: string;
  /** Headings and labels in `lang`; renderers use these instead of their own words. */
  readonly text: ReportText;
  readonly titlePage: ReportTitlePage;
  readonly participants: ReportParticipants;
  /** Every planned step in order, with how far the run got. */
  readonly agenda: readonly ReportAgendaItem[];
  /**
   * The results of each step that was run (information steps included, with no results). Notes
   * written outside any step (a free board, or a step since removed) come last as one more
   * note-board step titled `text.looseNotes`, with `stepId: ''`.
   */
  readonly steps: readonly ReportStep[];
  /** PDSA work linked to the session (filled by the export service from the improvement store). */
  readonly improvements: readonly ReportImprovement[];
  /** The content packs the session's instruments came from, each with its citation line. */
  readonly sources: readonly ReportSource[];
}

export interface ReportTitlePage {
  readonly title: string;
  /** The workshop's date as `YYYY-MM-DD` (local time of the host), and as a reader sees it. */
  readonly date: string;
  readonly dateText: string;
  /** Null when not recorded in the session. */
  readonly place: string | null;
  readonly facilitators: readonly string[];
  readonly purpose: string | null;
  /** Where the run was when exported ("Exporterad under workshoppen, vid steg 3 av 8"), or null when finished/not started. */
  readonly progressText: string | null;
}

export interface ReportRoleCount {
  readonly role: Role;
  readonly label: string;
  readonly count: number;
}

export interface ReportNamedParticipant {
  readonly name: string;
  readonly role: ParticipantRole;
  readonly roleLabel: string;
}

export interface ReportParticipants {
  /** Everyone who joined (removed people included: they were in the room). */
  readonly total: number;
  /** Roles in the fixed role order; roles nobody had are left out. */
  readonly byRole: readonly ReportRoleCount[];
  /** Patient-side share (patient, närstående, patientföreträdare) in whole percent, or null for an empty room. */
  readonly patientSharePercent: number | null;
  /** People who gave a name and did not choose anonymity, in joining order. */
  readonly named: readonly ReportNamedParticipant[];
  /** How many took part anonymously or without a name. */
  readonly unnamedCount: number;
}

export type ReportStepStatus = 'done' | 'current' | 'not-reached' | 'skipped' | 'planned';

export interface ReportAgendaItem {
  /** 1-based position in the agenda. */
  readonly no: number;
  readonly stepId: string;
  readonly title: string;
  readonly type: string;
  readonly typeLabel: string;
  readonly minutes: number;
  readonly groupMode: GroupMode;
  readonly status: ReportStepStatus;
  readonly statusLabel: string;
}

/**
 * A contribution as the report shows it. `authorName` only when the writer gave a name and was not
 * anonymous; the role is always there (comparing patients' and staff's words is the method's point).
 */
export interface ReportNote {
  readonly id: string;
  readonly text: string;
  readonly createdAt: number;
  readonly role: Role;
  readonly roleLabel: string;
  readonly authorName?: string;
  /** The group ("bord") it was written at, by name. */
  readonly groupName?: string;
  /** Typed in by the facilitator from paper. */
  readonly onBehalf: boolean;
}

export interface ReportStepBase {
  readonly stepId: string;
  readonly no: number;
  readonly title: string;
  readonly type: string;
  readonly typeLabel: string;
  readonly instructions: string;
  readonly groupMode: GroupMode;
  readonly status: ReportStepStatus;
  /** "Källa: …" for an instrument step that came from a content pack; null otherwise. */
  readonly sourceLine: string | null;
}

export type ReportStep = ReportStepBase & { readonly results: ReportStepResults };

export type ReportStepResults =
  | ReportInfoResults
  | ReportNotesResults
  | ReportGroupingResults
  | ReportVotingResults
  | ReportDialogueClothResults
  | ReportReflectionResults
  | ReportSevenQuestionsResults
  | ReportPersonasResults
  | ReportPartnershipMatrixResults
  | ReportComplexityResults;

export interface ReportInfoResults {
  readonly kind: 'info';
}

/** Note board and silent writing: the notes, per group when the step ran in groups. */
export interface ReportNotesResults {
  readonly kind: 'notes';
  /** Notes still waiting to be revealed are not in the report; this counts them (0 when none). */
  readonly unrevealedCount: number;
  readonly groups: readonly ReportNoteGroup[];
}

export interface ReportNoteGroup {
  /** Null for a step that ran as one room. */
  readonly groupName: string | null;
  readonly notes: readonly ReportNote[];
}

export interface ReportCluster {
  readonly title: string;
  readonly notes: readonly ReportNote[];
}

/** Grouping: the headings in the order the facilitator put them, then what was left ungrouped. */
export interface ReportGroupingResults {
  readonly kind: 'grouping';
  /** The step whose notes were grouped (its title), or null for every visible note. */
  readonly sourceStepTitle: string | null;
  readonly clusters: readonly ReportCluster[];
  readonly ungrouped: readonly ReportNote[];
}

export interface ReportRankedNote {
  /** 1-based; equal votes share a rank ("1, 2, 2, 4"). */
  readonly rank: number;
  readonly votes: number;
  readonly note: ReportNote;
  /** The heading the note sits under in the source grouping, if any. */
  readonly clusterTitle?: string;
}

export interface ReportVotingResults {
  readonly kind: 'votes';
  readonly votesPerPerson: number;
  /** People who cast at least one vote. */
  readonly voterCount: number;
  readonly totalVotes: number;
  readonly sourceStepTitle: string | null;
  /** Notes with votes, most first. Notes with no vote are not listed. */
  readonly ranked: readonly ReportRankedNote[];
}

export interface ReportQuestion {
  readonly id: string;
  readonly text: string;
  readonly zone?: string;
}

export interface ReportClothGroup {
  readonly groupName: string | null;
  /** One entry per question of the cloth, in the cloth's order. */
  readonly byQuestion: readonly { readonly questionId: string; readonly notes: readonly ReportNote[] }[];
  /** Notes written on the theme itself (or on a question since removed). */
  readonly onTheme: readonly ReportNote[];
}

export interface ReportGuldkorn {
  readonly text: string;
  readonly groupName?: string;
  readonly questionText?: string;
}

export interface ReportDialogueClothResults {
  readonly kind: 'dialogue-cloth';
  readonly theme: string;
  readonly questions: readonly ReportQuestion[];
  readonly groups: readonly ReportClothGroup[];
  /** The shared summary of key insights, oldest first. */
  readonly guldkorn: readonly ReportGuldkorn[];
}

export interface ReportReflectionResults {
  readonly kind: 'reflection';
  readonly form: 'du' | 'ni';
  /** Answers were written without names (the role stays). */
  readonly anonymous: boolean;
  /** Answers not yet revealed to the room are not in the report; this counts them. */
  readonly unrevealedCount: number;
  readonly prompts: readonly (ReportQuestion & { readonly answers: readonly ReportNote[] })[];
  /** Answers to no prompt of the step (a prompt since removed). */
  readonly other: readonly ReportNote[];
}

export interface ReportAnswerCell {
  /** Counts per answer; null = fewer than the threshold answered ("för få svar"). */
  readonly counts: Readonly<Record<Answer, number>> | null;
  /** Share answering "ja" of those who took a position, in whole percent; null when hidden or none. */
  readonly jaPercent: number | null;
}

export interface ReportSevenQuestionRow {
  readonly questionId: SevenQuestionId;
  readonly no: number;
  /** A short label for charts ("Nästa steg"). */
  readonly theme: string;
  /** The wording each side answered (the facilitator's rewording where made). */
  readonly patientText: string;
  readonly staffText: string;
  readonly patient: ReportAnswerCell;
  readonly staff: ReportAnswerCell;
  /** Staff minus patient share in whole percentage points; null when either side is hidden. */
  readonly gapPoints: number | null;
}

export interface ReportSevenQuestionsResults {
  readonly kind: 'seven-questions';
  /** Results are published when the facilitator closes answering; before that there is nothing to show. */
  readonly published: boolean;
  readonly threshold: number;
  readonly answerLabels: Readonly<Record<Answer, string>>;
  readonly sideLabels: Readonly<Record<Side, string>>;
  readonly respondents: Readonly<Record<Side, number>>;
  readonly rows: readonly ReportSevenQuestionRow[];
  /** How many on each side answered "ja" to every question; null under the small-group rule. */
  readonly allJa: Readonly<Record<Side, number | null>>;
}

export interface ReportPersona {
  readonly id: string;
  readonly label: string;
  readonly segmentLabel?: string;
  readonly situation: string;
  readonly whatMatters: string;
  readonly needs: readonly string[];
  readonly abilityAndWill: string;
  readonly resources: string;
  readonly expectations: string;
  /** Channel labels the card itself names. */
  readonly channels: readonly string[];
  /** From the pack, written by the facilitator, or written by a group in the workshop. */
  readonly origin: 'pack' | 'facilitator' | 'group';
  readonly groupName?: string;
  readonly authorName?: string;
}

export interface ReportPersonaMatrix {
  readonly groupName: string | null;
  /** How many people marked each persona × channel cell; cells nobody marked are left out. */
  readonly cells: readonly { readonly personaId: string; readonly channelId: string; readonly count: number }[];
}

export interface ReportPersonasResults {
  readonly kind: 'personas';
  readonly fieldLabels: Readonly<Record<'situation' | 'whatMatters' | 'needs' | 'abilityAndWill' | 'resources' | 'expectations' | 'channels', string>>;
  /** SKL's caveat about segments, when segments were shown. */
  readonly segmentCaveat: string | null;
  readonly personas: readonly ReportPersona[];
  readonly channels: readonly { readonly id: string; readonly label: string }[];
  readonly matrices: readonly ReportPersonaMatrix[];
  /** Notes written in the step. */
  readonly notes: readonly ReportNote[];
}

export interface ReportMatrixGroup {
  readonly groupName: string | null;
  /** Cells ("clinic:plan") that enough members marked, per layer. */
  readonly today: readonly `${Place}:${Phase}`[];
  readonly next: readonly `${Place}:${Phase}`[];
  /** How many places and phases each layer spans (the robustness rule). */
  readonly span: Readonly<Record<MatrixLayer, { readonly places: number; readonly phases: number }>>;
}

export interface ReportPartnershipMatrixResults {
  readonly kind: 'partnership-matrix';
  readonly places: readonly { readonly id: Place; readonly label: string }[];
  readonly phases: readonly { readonly id: Phase; readonly label: string }[];
  readonly layerLabels: Readonly<Record<MatrixLayer, string>>;
  readonly minMarks: number;
  readonly groups: readonly ReportMatrixGroup[];
  /** Activities written on a cell. */
  readonly activities: readonly { readonly place: Place; readonly phase: Phase; readonly notes: readonly ReportNote[] }[];
  /** Reflections on the parity factors. */
  readonly parity: readonly { readonly factor: ParityFactor; readonly label: string; readonly notes: readonly ReportNote[] }[];
  /** Other notes of the step. */
  readonly other: readonly ReportNote[];
}

export interface ReportComplexityResults {
  readonly kind: 'complexity';
  readonly domains: readonly {
    readonly id: ComplexityDomain;
    readonly label: string;
    /** The handling the guide suggests (or the facilitator's wording). */
    readonly handling: string;
    readonly notes: readonly ReportNote[];
  }[];
  readonly untagged: readonly ReportNote[];
}

/**
 * PDSA work (issue #5) linked to the session, from src/core/improvement/model.ts. The export
 * service reads the improvements that name the session and passes them to `improvementSection`
 * (report/improvement-section.ts); texts are composed here so renderers only lay them out.
 */
export interface ReportImprovement {
  readonly id: string;
  readonly title: string;
  /** Vad vill vi åstadkomma? Null when not written yet. */
  readonly aim: string | null;
  readonly changeIdeas: readonly ReportChangeIdea[];
  readonly cycles: readonly ReportPdsaCycle[];
  readonly measures: readonly ReportMeasure[];
}

export interface ReportChangeIdea {
  readonly id: string;
  /** "A", "B"… in list order, which the cycle markers on the run charts refer to ("B·8"); null with a single idea. */
  readonly letter: string | null;
  readonly text: string;
  /** The quotes it grew from, with the workshop they were said in; a name only where the writer gave one and was not anonymous. */
  readonly origins: readonly {
    readonly text: string;
    readonly sessionTitle?: string;
    readonly roleLabel?: string;
    readonly authorName?: string;
    readonly votes?: number;
  }[];
}

export interface ReportPdsaCycle {
  readonly id: string;
  /** 1, 2, 3… within its change idea. */
  readonly no: number;
  /** The cycle as its chart marker names it: "B·8" (idea B's 8th cycle), or "8" with a single idea. */
  readonly code: string;
  readonly title: string;
  readonly changeIdeaId?: string;
  /** The change idea it tests, as written. */
  readonly changeIdeaText: string | null;
  /** How far the cycle has come: planned, done, studied, acted on. */
  readonly status: 'plan' | 'do' | 'study' | 'act';
  readonly statusLabel: string;
  /** Each part as paragraphs (objective, what/who/when/where …); empty string when not written. */
  readonly plan: string;
  /** The questions the cycle should answer with the team's predictions, one per line. */
  readonly prediction: string;
  readonly do: string;
  readonly study: string;
  readonly act: string;
  /** The decision after the cycle (införa, justera, avbryta, sprida) as a reader sees it. */
  readonly decisionLabel: string | null;
}

export interface ReportMeasure {
  readonly id: string;
  readonly name: string;
  readonly kind: 'outcome' | 'process' | 'balancing';
  readonly kindLabel: string;
  readonly definition: string;
  readonly unit: string | null;
  /** Which way is better. */
  readonly direction: 'up' | 'down';
  /** Kept for renderers drawing a goal line; the improvement model has no goal value yet (always null). */
  readonly goal: number | null;
  /** Points for the median (baseline); null = all points. */
  readonly baselinePoints: number | null;
  /**
   * PDSA cycles that name the measure, marked on its run chart at their start date: "B·8" (the
   * change idea's letter and the cycle's number within it), or "PGSA 8" with a single idea.
   */
  readonly annotations: readonly { readonly date: string; readonly label: string }[];
  /** The key to the markers' letters, for a caption under the chart ("Cykler i diagrammet…: A = …; B = …"); null without letters. */
  readonly annotationKey: string | null;
  /** What the run chart signals under the run-chart rules, one sentence each, in the report's language. */
  readonly findings: readonly string[];
  /** Data points oldest first; `date` is `YYYY-MM-DD`, `at` its midnight UTC in ms, `dateText` and `valueText` as a reader sees them. */
  readonly points: readonly { readonly date: string; readonly at: number; readonly dateText: string; readonly value: number; readonly valueText: string; readonly note?: string }[];
}

export interface ReportSource {
  readonly packId: string;
  /** The pack's title in the report language. */
  readonly title: string;
  /** The citation line without the "Källa:" prefix ("SKR, Ett steg till, 2022 (001 L218)"). */
  readonly citation: string;
  /** Titles of the steps that used it. */
  readonly usedIn: readonly string[];
}
