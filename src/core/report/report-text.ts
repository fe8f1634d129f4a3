import type { Role } from '../roles';
import type { ReportLanguage, ReportStepStatus } from './report-model';

/**
 * The words of the session report in Swedish and English. The host has no i18next (the renderer
 * does), so, like src/host/http/error-messages.ts, the report keeps a small dictionary of its own:
 * one object per language with the same keys, checked by the type below. Texts with `{n}` or
 * `{name}` are filled with `fillText`. A text that counts something has its singular beside it
 * (`<key>One`), and `countText` picks the one that fits: "1 röst", "2 röster" (0 takes the plural,
 * in Swedish and English alike).
 */
const SV = {
  reportTitle: 'Dokumentation från workshop',
  generated: 'Exporterad',
  date: 'Datum',
  place: 'Plats',
  facilitators: 'Facilitatorer',
  purpose: 'Syfte',
  notRecorded: 'Ej angivet',
  contents: 'Innehåll',
  participants: 'Deltagare',
  participantsTotal: 'Totalt {n} deltagare',
  participantsTotalOne: 'Totalt {n} deltagare',
  role: 'Roll',
  count: 'Antal',
  name: 'Namn',
  namedParticipants: 'Deltagare som angav namn',
  unnamedParticipants: '{n} deltog anonymt eller utan namn.',
  patientShare: 'Andel från patientsidan (patienter, närstående, patientföreträdare): {n} %',
  agenda: 'Agenda',
  agendaNo: 'Nr',
  agendaStep: 'Steg',
  agendaType: 'Typ',
  minutes: 'Minuter',
  status: 'Status',
  results: 'Resultat',
  stepHeading: 'Steg {n}: {title}',
  noContributions: 'Inga bidrag.',
  infoStep: 'Informationssteg, inga bidrag.',
  unrevealed: '{n} lappar som ännu inte visats för rummet ingår inte.',
  unrevealedOne: 'En lapp som ännu inte visats för rummet ingår inte.',
  wholeRoom: 'Hela rummet',
  ungrouped: 'Inte grupperade',
  groupedFrom: 'Lappar från steget: {title}',
  rank: 'Plats',
  votes: 'Röster',
  note: 'Lapp',
  heading: 'Rubrik',
  votesSummary: 'Röstande: {voters}. Röster: {total} (högst {n} per person).',
  noVotes: 'Inga röster lades.',
  theme: 'Tema',
  questions: 'Frågor',
  onTheme: 'På temat',
  guldkorn: 'Guldkorn',
  reflectionForm: 'Form',
  reflectionFormDu: 'du (var och en om sitt eget arbete)',
  reflectionFormNi: 'ni (teamet tillsammans)',
  anonymousAnswers: 'Svaren skrevs utan namn; rollen visas.',
  otherAnswers: 'Övriga svar',
  notPublished: 'Resultaten har inte publicerats ännu (svarandet är inte stängt).',
  tooFewAnswers: 'för få svar',
  threshold: 'Svar visas bara där minst {n} personer på samma sida har svarat.',
  thresholdOne: 'Svar visas bara där minst {n} person på samma sida har svarat.',
  respondents: 'Svarande',
  question: 'Fråga',
  jaShare: 'Andel ja',
  gap: 'Gap',
  gapExplanation: 'Gap = personalens andel ja minus patienternas, i procentenheter. Positivt: personalen tror att de gör mer än patienterna upplever.',
  gapChart: 'Gapet mellan patienternas och personalens svar',
  allJa: 'Svarade ja på alla frågor',
  personas: 'Personor',
  segment: 'Segment',
  channels: 'Kontaktvägar',
  personaMatrix: 'Persona × kontaktväg',
  personaFromPack: 'Exempelpersona',
  personaFromFacilitator: 'Facilitatorns persona',
  personaFromGroup: 'Skriven av gruppen',
  partnershipMatrix: 'Partnerskapsmatrisen',
  minMarks: 'En ruta räknas när minst {n} i gruppen markerat den.',
  span: '{layer}: nivåer {places} av 4, faser {phases} av 4',
  activities: 'Aktiviteter',
  parity: 'Likvärdighetsfaktorer',
  otherNotes: 'Övriga lappar',
  complexity: 'Komplexitet',
  handling: 'Föreslaget förhållningssätt',
  untagged: 'Inte sorterade',
  improvements: 'Förbättringsarbete (PGSA)',
  aim: 'Mål',
  changeIdeas: 'Förändringsidéer',
  origins: 'Idén växte ur',
  cycles: 'PGSA-cykler',
  plan: 'Planera',
  prediction: 'Förutsägelse',
  do: 'Göra',
  study: 'Studera',
  act: 'Agera',
  decision: 'Beslut',
  measures: 'Mätetal',
  goal: 'Målvärde',
  dataPoints: 'Mätpunkter',
  value: 'Värde',
  sources: 'Källor',
  sourcePrefix: 'Källa:',
  usedIn: 'Används i',
  onBehalf: 'inskriven från papper',
  anonymous: 'anonym',
  progressMidway: 'Exporterad under workshoppen, vid steg {n} av {total}.',
  pageOf: 'Sida {n} av {total}',
  cycleHeading: 'PGSA {n}: {title}',
  cycleMarker: 'PGSA {n}',
  markerKey: 'Cykler i diagrammet, som förändringsidéns bokstav·PGSA-cykelns nummer (B·8 = idé B:s åttonde cykel):',
  looseNotes: 'Anteckningar utanför agendan',
  tests: 'Testar idén',
  objective: 'Syfte med testet',
  what: 'Vad',
  who: 'Vem',
  when: 'När',
  where: 'Var',
  whatHappened: 'Vad hände?',
  observations: 'Observationer',
  learning: 'Vad lärde vi oss?',
  summary: 'Sammanfattning',
  nextSteps: 'Nästa steg',
  definition: 'Definition',
  unit: 'Enhet',
  betterWhen: 'Bättre när',
  higher: 'högre',
  lower: 'lägre',
  runChart: 'Seriediagram: {name}',
  votesOnOrigin: '{n} röster',
  votesOnOriginOne: '{n} röst',
} as const;

export type ReportTextKey = keyof typeof SV;
export type ReportText = Readonly<Record<ReportTextKey, string>>;

const EN: ReportText = {
  reportTitle: 'Workshop record',
  generated: 'Exported',
  date: 'Date',
  place: 'Place',
  facilitators: 'Facilitators',
  purpose: 'Purpose',
  notRecorded: 'Not recorded',
  contents: 'Contents',
  participants: 'Participants',
  participantsTotal: '{n} participants in all',
  participantsTotalOne: '{n} participant in all',
  role: 'Role',
  count: 'Number',
  name: 'Name',
  namedParticipants: 'Participants who gave a name',
  unnamedParticipants: '{n} took part anonymously or without a name.',
  patientShare: 'Share from the patient side (patients, relatives, patient representatives): {n} %',
  agenda: 'Agenda',
  agendaNo: 'No.',
  agendaStep: 'Step',
  agendaType: 'Type',
  minutes: 'Minutes',
  status: 'Status',
  results: 'Results',
  stepHeading: 'Step {n}: {title}',
  noContributions: 'No contributions.',
  infoStep: 'Information step, no contributions.',
  unrevealed: '{n} notes not yet shown to the room are not included.',
  unrevealedOne: 'One note not yet shown to the room is not included.',
  wholeRoom: 'The whole room',
  ungrouped: 'Not grouped',
  groupedFrom: 'Notes from the step: {title}',
  rank: 'Rank',
  votes: 'Votes',
  note: 'Note',
  heading: 'Heading',
  votesSummary: 'Voters: {voters}. Votes: {total} (at most {n} each).',
  noVotes: 'No votes were cast.',
  theme: 'Theme',
  questions: 'Questions',
  onTheme: 'On the theme',
  guldkorn: 'Key insights (guldkorn)',
  reflectionForm: 'Form',
  reflectionFormDu: '"du" (each person about their own work)',
  reflectionFormNi: '"ni" (the team together)',
  anonymousAnswers: 'Answers were written without names; the role is shown.',
  otherAnswers: 'Other answers',
  notPublished: 'The results have not been published yet (answering is not closed).',
  tooFewAnswers: 'too few answers',
  threshold: 'Answers are shown only where at least {n} people on the same side answered.',
  thresholdOne: 'Answers are shown only where at least {n} person on the same side answered.',
  respondents: 'Respondents',
  question: 'Question',
  jaShare: 'Share yes',
  gap: 'Gap',
  gapExplanation: "Gap = staff's share of yes minus patients', in percentage points. Positive: staff believe they do more than patients experience.",
  gapChart: "The gap between patients' and staff's answers",
  allJa: 'Answered yes to every question',
  personas: 'Personas',
  segment: 'Segment',
  channels: 'Contact channels',
  personaMatrix: 'Persona × contact channel',
  personaFromPack: 'Example persona',
  personaFromFacilitator: "The facilitator's persona",
  personaFromGroup: 'Written by the group',
  partnershipMatrix: 'Partnership matrix',
  minMarks: 'A cell counts when at least {n} in the group marked it.',
  span: '{layer}: places {places} of 4, phases {phases} of 4',
  activities: 'Activities',
  parity: 'Parity factors',
  otherNotes: 'Other notes',
  complexity: 'Complexity',
  handling: 'Suggested handling',
  untagged: 'Not sorted',
  improvements: 'Improvement work (PDSA)',
  aim: 'Aim',
  changeIdeas: 'Change ideas',
  origins: 'The idea grew from',
  cycles: 'PDSA cycles',
  plan: 'Plan',
  prediction: 'Prediction',
  do: 'Do',
  study: 'Study',
  act: 'Act',
  decision: 'Decision',
  measures: 'Measures',
  goal: 'Goal',
  dataPoints: 'Data points',
  value: 'Value',
  sources: 'Sources',
  sourcePrefix: 'Source:',
  usedIn: 'Used in',
  onBehalf: 'typed in from paper',
  anonymous: 'anonymous',
  progressMidway: 'Exported during the workshop, at step {n} of {total}.',
  pageOf: 'Page {n} of {total}',
  cycleHeading: 'PDSA {n}: {title}',
  cycleMarker: 'PDSA {n}',
  markerKey: "Cycles in the chart, as the change idea's letter·the PDSA cycle's number (B·8 = idea B's eighth cycle):",
  looseNotes: 'Notes outside the agenda',
  tests: 'Tests the idea',
  objective: 'Objective of the test',
  what: 'What',
  who: 'Who',
  when: 'When',
  where: 'Where',
  whatHappened: 'What happened?',
  observations: 'Observations',
  learning: 'What did we learn?',
  summary: 'Summary',
  nextSteps: 'Next steps',
  definition: 'Definition',
  unit: 'Unit',
  betterWhen: 'Better when',
  higher: 'higher',
  lower: 'lower',
  runChart: 'Run chart: {name}',
  votesOnOrigin: '{n} votes',
  votesOnOriginOne: '{n} vote',
};

const TEXTS: Readonly<Record<ReportLanguage, ReportText>> = { sv: SV, en: EN };

export function reportText(lang: ReportLanguage): ReportText {
  return TEXTS[lang];
}

/** The texts that count something: each has a singular under `<key>One`. */
export type CountedTextKey = {
  [K in ReportTextKey]: K extends `${infer Base}One` ? (Base extends ReportTextKey ? Base : never) : never;
}[ReportTextKey];

/** A counting text with `{n}` filled, in the singular for 1 and the plural otherwise (0 too). */
export function countText(t: ReportText, key: CountedTextKey, n: number, values: Readonly<Record<string, string | number>> = {}): string {
  const template = n === 1 ? t[`${key}One`] : t[key];
  return fillText(template, { ...values, n });
}

/** The line about notes not yet shown, in the singular for one. */
export function unrevealedText(t: ReportText, n: number): string {
  return countText(t, 'unrevealed', n);
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const ROLE_LABELS: Readonly<Record<ReportLanguage, Readonly<Record<Role, string>>>> = {
  sv: {
    patient: 'Patient',
    relative: 'Närstående',
    'patient-rep': 'Patientföreträdare',
    staff: 'Medarbetare',
    'facilitator-assistant': 'Facilitatorsassistent',
    other: 'Annan',
    facilitator: 'Facilitator',
  },
  en: {
    patient: 'Patient',
    relative: 'Relative',
    'patient-rep': 'Patient representative',
    staff: 'Staff member',
    'facilitator-assistant': 'Facilitator assistant',
    other: 'Other',
    facilitator: 'Facilitator',
  },
};

export function roleLabel(role: Role, lang: ReportLanguage): string {
  return ROLE_LABELS[lang][role] ?? role;
}

const STEP_TYPE_LABELS: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>> = {
  sv: {
    'note-board': 'Anteckningar på tavlan',
    'silent-writing': 'Tyst skrivande',
    grouping: 'Gruppera',
    'dot-voting': 'Prickröstning',
    info: 'Information',
    'dialogue-cloth': 'Dialogduk',
    reflection: 'Reflektionsfrågor',
    'seven-questions': 'De sju frågorna',
    personas: 'Personor',
    'partnership-matrix': 'Partnerskapsmatrisen',
    'complexity-sorting': 'Sortera komplexitet',
  },
  en: {
    'note-board': 'Notes on the board',
    'silent-writing': 'Silent writing',
    grouping: 'Grouping',
    'dot-voting': 'Dot voting',
    info: 'Information',
    'dialogue-cloth': 'Dialogue cloth',
    reflection: 'Reflection prompts',
    'seven-questions': 'The seven questions',
    personas: 'Personas',
    'partnership-matrix': 'Partnership matrix',
    'complexity-sorting': 'Complexity sorting',
  },
};

/** A step type's name; an unknown type (a newer file) shows its id. */
export function stepTypeLabel(type: string, lang: ReportLanguage): string {
  return STEP_TYPE_LABELS[lang][type] ?? type;
}

const STATUS_LABELS: Readonly<Record<ReportLanguage, Readonly<Record<ReportStepStatus, string>>>> = {
  sv: { done: 'Genomfört', current: 'Pågår', 'not-reached': 'Inte genomfört', skipped: 'Hoppades över', planned: 'Planerat' },
  en: { done: 'Done', current: 'In progress', 'not-reached': 'Not reached', skipped: 'Skipped', planned: 'Planned' },
};

export function statusLabel(status: ReportStepStatus, lang: ReportLanguage): string {
  return STATUS_LABELS[lang][status];
}

const MONTHS: Readonly<Record<ReportLanguage, readonly string[]>> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Calendar fields of a time in the given offset from UTC (minutes east, as `-Date#getTimezoneOffset`).
 * Core has no clock zone of its own: the host passes its local offset so the date is the room's.
 */
function fields(at: number, offsetMinutes: number): { y: number; m: number; d: number; hh: number; mm: number } {
  const shifted = new Date(at + offsetMinutes * 60_000);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth(), d: shifted.getUTCDate(), hh: shifted.getUTCHours(), mm: shifted.getUTCMinutes() };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD`. */
export function isoDate(at: number, offsetMinutes: number): string {
  const f = fields(at, offsetMinutes);
  return `${f.y}-${pad(f.m + 1)}-${pad(f.d)}`;
}

/** "23 november 2026" / "23 November 2026". */
export function dateText(at: number, lang: ReportLanguage, offsetMinutes: number): string {
  const f = fields(at, offsetMinutes);
  return `${f.d} ${MONTHS[lang][f.m]} ${f.y}`;
}

/** "23 november 2026 kl. 14.05" / "23 November 2026, 14:05". */
export function dateTimeText(at: number, lang: ReportLanguage, offsetMinutes: number): string {
  const f = fields(at, offsetMinutes);
  return lang === 'sv' ? `${dateText(at, lang, offsetMinutes)} kl. ${pad(f.hh)}.${pad(f.mm)}` : `${dateText(at, lang, offsetMinutes)}, ${pad(f.hh)}:${pad(f.mm)}`;
}
