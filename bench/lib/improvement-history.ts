import { createItemId } from '../../src/core/ids';
import type { ActDecision, ChangeIdea, CoAuthor, Improvement, Measure, Origin, PdsaCycle, SystemLevel, Task } from '../../src/core/improvement/model';
import { ImprovementDirectory } from '../../src/host/improvements/improvement-directory';
import { ImprovementService } from '../../src/host/improvements/improvement-service';
import { ImprovementStore } from '../../src/host/improvements/improvement-store';
import { SessionDirectory } from '../../src/host/persistence/session-directory';
import { SessionManager } from '../../src/host/sessions/session-manager';
import { WriteQueue } from '../../src/host/sync/write-queue';
import { randomSessionId } from './setup';
import type { WrittenNote } from './session-file';

/**
 * The improvement (issue #5) that the long-history session of issue #8 scenario 4 worked on: a year of
 * PDSA cycles on one aim, with its run charts, in its own file `<data>/improvements/<id>.samskapa-improvement`
 * beside the session, linked to it as a follow-up workshop links it (`ImprovementService.linkSession`).
 *
 * It is built through the host's own ImprovementService and ImprovementStore, one revision per save
 * as the app makes them (create, the plan, data points typed in every four weeks, one save per cycle,
 * the link, what the workshop adds), so every revision is validated by the zod model and the file is
 * what the host would hold, revision history included. The content is deterministic (a seeded
 * generator, fixed dates), so runs on different days lay out the same report.
 */
export interface ImprovementHistory {
  readonly id: string;
  readonly title: string;
  readonly changeIdeas: number;
  readonly cycles: number;
  /** Each cycle's title, for checking that an export carries them. */
  readonly cycleTitles: readonly string[];
  readonly measures: readonly { readonly name: string; readonly points: number }[];
  readonly revisions: number;
}

export const IMPROVEMENT_TITLE = 'Återbesök i tid efter vård för hjärtsvikt';

const AIM =
  'Senast den 30 juni 2026 får minst 85 % av patienterna som skrivs ut från avdelning 4 efter vård för hjärtsvikt ' +
  'ett återbesök hos hjärtsviktssjuksköterskan inom 14 dagar (hösten 2025: ungefär 55 %), utan att väntetiden ' +
  'till nybesök på hjärtmottagningen blir längre.';

const CO_AUTHORS: CoAuthor[] = [
  { name: 'Birgitta', role: 'patient' },
  { role: 'relative' },
  { role: 'patient-rep' },
  { name: 'Jonas Ek', role: 'staff' },
  { name: 'Anna Lind', role: 'staff' },
];

const START = Date.UTC(2025, 10, 3); // Monday 3 November 2025: the first week of the outcome measure
const DAY = 86_400_000;
const WEEK = 7 * DAY;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function swedishDate(ms: number): string {
  const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  const d = new Date(ms);
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
}

/** mulberry32: the same numbers on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How large a test is: PDSA cycles start small and grow as the change holds. */
const SCALES = [
  { label: 'en patient och en sjuksköterska under ett dagpass', short: 'en patient', where: 'Avdelning 4, sal 2', when: 'ett dagpass', days: 1, patients: [1, 1], level: 'mikro' },
  { label: 'alla utskrivningar under tre dagpass', short: 'tre dagpass', where: 'Avdelning 4', when: 'tre dagpass, måndag till onsdag', days: 3, patients: [3, 6], level: 'mikro' },
  { label: 'alla utskrivningar under en vecka, helgen inräknad', short: 'en vecka', where: 'Avdelning 4', when: 'en vecka, alla pass', days: 7, patients: [8, 14], level: 'mikro' },
  { label: 'alla utskrivningar på avdelning 4 och 5 under två veckor', short: 'två avdelningar', where: 'Avdelning 4 och 5', when: 'två veckor, alla pass', days: 14, patients: [18, 30], level: 'meso' },
] as const;

interface IdeaScript {
  readonly text: string;
  /** The cycle title's first part. */
  readonly label: string;
  /** "… om <goal>": what each test of the idea tries to find out. */
  readonly goal: string;
  readonly what: string;
  readonly who: string;
  /** What each successive test changes, in turn. */
  readonly adjustments: readonly string[];
  readonly question: string;
  /** What counts as reached (x of n patients). */
  readonly counted: string;
  readonly timeQuestion: string;
  readonly timePrediction: string;
  readonly firstTask: string;
  readonly dataCollection: string;
  readonly patientExperience: string;
  readonly consequences: string;
  readonly observations: readonly string[];
  readonly learnings: readonly string[];
  /** Measures (by index) whose run charts show the idea's larger tests. */
  readonly measures: readonly number[];
  readonly last: ActDecision;
  /** Where it came from: quotes from the workshop where the problem was found (autumn 2025). */
  readonly origins: readonly Omit<Origin, 'sessionId' | 'sessionTitle' | 'stepId' | 'refId' | 'linkedAt'>[];
}

const IDEAS: readonly IdeaScript[] = [
  {
    text: 'Boka återbesöket hos hjärtsviktssjuksköterskan innan patienten lämnar avdelningen, och skriv tiden i utskrivningsmeddelandet.',
    label: 'Bokad tid före hemgång',
    goal: 'patienten kan lämna avdelningen med en bokad tid hos hjärtsviktssjuksköterskan',
    what: 'Sjuksköterskan bokar återbesöket i mottagningens tidbok under utskrivningssamtalet och skriver tiden i utskrivningsmeddelandet',
    who: 'Patientansvarig sjuksköterska på avdelningen, med hjärtsviktssjuksköterskan på mottagningen som kontakt',
    adjustments: [
      'bokningen görs under utskrivningssamtalet',
      'mottagningen håller två tider per dag reserverade för utskrivna patienter',
      'undersköterskan bokar i stället för sjuksköterskan',
      'bokningen görs redan dagen före planerad hemgång',
      'tolk bokas samtidigt när patienten behöver det',
      'tiden skrivs också på en lapp i läkemedelslistan',
      'helgens utskrivningar bokas av nattsjuksköterskan på måndagen',
    ],
    question: 'Hur många av patienterna lämnar avdelningen med en bokad tid?',
    counted: 'lämnade avdelningen med en bokad tid',
    timeQuestion: 'Hur lång tid tar bokningen för personalen?',
    timePrediction: 'Högst fem minuter per patient.',
    firstTask: 'Be mottagningen om behörighet att boka i hjärtsviktssjuksköterskans tidbok',
    dataCollection: 'Sjuksköterskan kryssar i utskrivningslistan om tiden är bokad och hur många minuter det tog; koordinatorn räknar varje fredag.',
    patientExperience: 'Vid återbesöket frågar hjärtsviktssjuksköterskan tre patienter hur det var att få tiden med sig hem (betyg 1–5 och med egna ord).',
    consequences: 'Mottagningens tidbok fylls med kort varsel; nybesök kan få vänta längre. Vi följer väntetiden till nybesök som balansmått.',
    observations: [
      'Tidboken gick inte att öppna från avdelningens datorer i början av passet; det löste sig efter omstart.',
      'Två patienter ville ha en tid efter sina egna planerade resor, vilket gick att ordna.',
      'En patient skrevs ut sent på kvällen när ingen kunde boka; tiden bokades dagen efter per telefon.',
      'Undersköterskorna var vana vid tidboken och gjorde bokningen snabbare än väntat.',
      'Reserverade tider blev oanvända två dagar och lämnades tillbaka till mottagningen vid lunch.',
      'Tolkbokningen tog längre tid än själva återbesöksbokningen.',
    ],
    learnings: [
      'Bokningen behöver göras före utskrivningssamtalet, inte under det, annars glöms den när samtalet drar ut.',
      'Reserverade tider gör bokningen snabb, men de måste släppas vid lunch för att inte låsa mottagningen.',
      'Patienterna uppskattar att få tiden på papper; flera nämnde lappen i läkemedelslistan.',
      'Helgens utskrivningar är svagaste länken; en rutin för måndagen behövs.',
    ],
    measures: [0, 1],
    last: 'scale-up',
    origins: [
      { kind: 'note', quote: 'Jag visste inte vem jag skulle ringa när benen började svullna igen.', authorRole: 'patient', votes: 14 },
      { kind: 'note', quote: 'Kallelsen kom efter fem veckor. Då hade jag redan åkt in igen.', authorName: 'Birgitta', authorRole: 'patient', votes: 11 },
    ],
  },
  {
    text: 'Hjärtsviktssjuksköterskan ringer patienten tredje dagen efter hemgång och går igenom vikt, andning och läkemedel.',
    label: 'Samtal dag 3',
    goal: 'ett telefonsamtal tredje dagen efter hemgång fångar tidiga tecken på försämring',
    what: 'Hjärtsviktssjuksköterskan ringer tredje dagen efter hemgång och följer en samtalsmall med fem frågor om vikt, andning, svullnad, läkemedel och frågor',
    who: 'Hjärtsviktssjuksköterskorna på mottagningen, med listan över veckans utskrivningar från avdelningen',
    adjustments: [
      'samtalet följer en mall med fem frågor',
      'avdelningen mejlar listan över utskrivna varje morgon',
      'ett sms med tid för samtalet skickas dagen innan',
      'närstående får vara med i samtalet på högtalartelefon',
      'samtalet ersätts av ett sms med frågorna',
      'sjuksköterskan kan boka ett extra besök direkt i samtalet',
    ],
    question: 'Hur många av patienterna nås i telefon tredje dagen?',
    counted: 'nåddes tredje dagen',
    timeQuestion: 'Hur många samtal leder till en åtgärd (ändrad dos, extra besök)?',
    timePrediction: 'Ungefär vart femte samtal.',
    firstTask: 'Skriv samtalsmallen tillsammans med patientrepresentanten',
    dataCollection: 'Hjärtsviktssjuksköterskan för en lista: nådd ja/nej, antal försök, åtgärd; koordinatorn sammanställer varje vecka.',
    patientExperience: 'Samtalet avslutas med frågan "Var det här samtalet till hjälp för dig?" och svaret skrivs ordagrant.',
    consequences: 'Samtalen tar mottagningens telefontid; fler extra besök kan tränga undan nybesök.',
    observations: [
      'Flera patienter svarade inte från okänt nummer; sms:et dagen före hjälpte.',
      'Två samtal ledde till ändrad dos av vätskedrivande, ett till ett extra besök samma vecka.',
      'Närstående ställde frågor som patienten inte själv tagit upp, om trötthet och sömn.',
      'Sms-frågorna besvarades av få och svaren var svåra att tolka.',
      'Listan från avdelningen kom sent två morgnar, så samtalen blev dag 4.',
    ],
    learnings: [
      'Ett sms med tid dagen före gör att fler svarar.',
      'Samtalet fångar försämring som annars hade blivit en återinskrivning.',
      'Sms ersätter inte samtalet: det är samtalet som ger trygghet.',
      'Listan behöver komma automatiskt, inte bero på en person.',
    ],
    measures: [0, 1],
    last: 'adopt',
    origins: [
      { kind: 'note', quote: 'De första dagarna hemma var värst. Ingen frågade hur det gick.', authorRole: 'relative', votes: 9 },
      { kind: 'note', quote: 'Vi på mottagningen får veta om utskrivningen först när remissen kommer.', authorName: 'Jonas', authorRole: 'staff', votes: 7 },
    ],
  },
  {
    text: 'En egenvårdsplan med vikt- och symtomdagbok som patienten och sjuksköterskan går igenom tillsammans före hemgång.',
    label: 'Egenvårdsplan och viktdagbok',
    goal: 'patienten vet vad hen ska göra vid viktuppgång när egenvårdsplanen gås igenom före hemgång',
    what: 'Sjuksköterskan går igenom egenvårdsplanen och viktdagboken med patienten (och närstående om hen vill), och patienten säger med egna ord vad hen gör om vikten ökar',
    who: 'Patientansvarig sjuksköterska; hjärtsviktssjuksköterskan följer upp dagboken vid återbesöket',
    adjustments: [
      'planen gås igenom dagen före hemgång i stället för samma dag',
      'patienten säger med egna ord vad hen gör vid viktuppgång (återberättande)',
      'dagboken finns på lättläst svenska och på arabiska',
      'en våg lånas ut till den som saknar',
      'planen sätts på kylskåpsdörren: magnetfickan delas ut',
    ],
    question: 'Hur många av patienterna kan med egna ord säga vad de gör om vikten ökar två kilo på tre dagar?',
    counted: 'kunde säga det med egna ord',
    timeQuestion: 'Hur lång tid tar genomgången?',
    timePrediction: 'Omkring femton minuter.',
    firstTask: 'Skriv ut egenvårdsplanen och dagboken i lättläst version',
    dataCollection: 'Sjuksköterskan antecknar om patienten kunde återberätta (ja/delvis/nej) och genomgångens längd; dagboken granskas vid återbesöket.',
    patientExperience: 'Patienten får frågan om något i planen var svårt att förstå; svaren samlas av patientrepresentanten.',
    consequences: 'Genomgången tar tid från andra uppgifter vid hemgång; vi ser efter om utskrivningarna blir senare på dagen.',
    observations: [
      'Återberättandet visade att flera blandade ihop vikt och vätskemängd.',
      'Den lättlästa versionen valdes av mer än hälften, även av dem som inte behövde den.',
      'Tre patienter saknade våg hemma; lånevågarna tog slut första dagen.',
      'Genomgången dagen före gav tid för frågor som patienten kom på under kvällen.',
    ],
    learnings: [
      'Återberättandet avslöjar missförstånd som en vanlig genomgång inte gör.',
      'Dagen före hemgång är rätt tillfälle: samma dag är patienten upptagen av att komma hem.',
      'Utan våg blir dagboken tom; lånevågar behöver finnas i förråd.',
    ],
    measures: [0],
    last: 'adopt',
    origins: [
      {
        kind: 'gap',
        quote: 'Vet du vad du ska göra om du går upp mer än två kilo på tre dagar?',
        gap: { patient: 0.38, staff: 0.92 },
      },
    ],
  },
  {
    text: 'Närstående bjuds in till utskrivningssamtalet, på plats eller via video.',
    label: 'Närstående i utskrivningssamtalet',
    goal: 'närstående som är med i utskrivningssamtalet gör hemgången tryggare',
    what: 'Sjuksköterskan frågar patienten vid inskrivningen om en närstående ska bjudas in och bokar samtalet så att hen kan vara med, på plats eller via video',
    who: 'Patientansvarig sjuksköterska och läkare; kuratorn vid behov',
    adjustments: [
      'frågan om närstående ställs vid inskrivningen',
      'samtalet kan hållas via video för närstående som bor långt bort',
      'samtalet flyttas till eftermiddagen så att fler kan komma',
      'närstående får egenvårdsplanen i förväg',
    ],
    question: 'I hur många av utskrivningssamtalen är en närstående med?',
    counted: 'hade en närstående med',
    timeQuestion: 'Blir utskrivningen senare på dagen?',
    timePrediction: 'Högst en timme senare i genomsnitt.',
    firstTask: 'Lägg till frågan om närstående i inskrivningsmallen',
    dataCollection: 'Koordinatorn noterar för varje utskrivning om närstående var med (på plats/video/nej) och klockslaget för hemgång.',
    patientExperience: 'Närstående får två frågor efter samtalet: kände du dig välkommen, och vet du vem du ringer om något händer?',
    consequences: 'Senare utskrivningar kan ge platsbrist för akuten på eftermiddagen; vi följer klockslaget för hemgång.',
    observations: [
      'Videosamtalet fungerade för en dotter i Umeå, men ljudet i samtalsrummet var dåligt.',
      'Flera närstående kunde inte på förmiddagen; eftermiddagstider fylldes snabbt.',
      'En patient ville inte att närstående skulle bjudas in, och det respekterades.',
    ],
    learnings: [
      'Frågan måste ställas tidigt; vid hemgången är det för sent att bjuda in.',
      'Video gör det möjligt för fler, men rummet behöver en bättre mikrofon.',
      'Närstående ställer andra frågor än patienten, om vardagen hemma.',
    ],
    measures: [0],
    last: 'adopt',
    origins: [
      { kind: 'cloth-insight', quote: 'Närstående vet mer om vardagen hemma än vi gör – de behöver vara med när planen görs.' },
    ],
  },
];

/** The change idea the long-history session itself makes from its most voted notes, with its first cycles planned there. */
const SESSION_IDEA: Omit<IdeaScript, 'origins'> = {
  text: 'Återbesökstiden skrivs in i utskrivningsmeddelandet och visas i 1177, så att patienten och närstående hittar den.',
  label: 'Tiden synlig i 1177',
  goal: 'patienter och närstående hittar återbesökstiden när den visas i 1177',
  what: 'Tiden bokas som ett digitalt besök så att den syns i 1177; sjuksköterskan visar patienten var den finns',
  who: 'Patientansvarig sjuksköterska och en undersköterska som visar 1177 på patientens telefon',
  adjustments: ['tiden bokas så att den syns i 1177', 'undersköterskan visar var tiden finns i telefonen'],
  question: 'Hur många av patienterna hittar tiden i 1177 på egen hand?',
  counted: 'hittade tiden själva',
  timeQuestion: 'Hur många behöver hjälp av närstående?',
  timePrediction: 'Ungefär hälften.',
  firstTask: 'Fråga regionens 1177-förvaltning om återbesöket kan visas',
  dataCollection: 'Undersköterskan noterar om patienten hittade tiden själv, med hjälp eller inte alls.',
  patientExperience: 'Vid återbesöket frågar vi om tiden var lätt att hitta och om påminnelsen kom fram.',
  consequences: 'Fler digitala bokningar kan ge fler frågor till mottagningens telefon.',
  observations: [],
  learnings: [],
  measures: [0],
  last: 'adapt',
};

const OWNERS = ['Anna Lind (sjuksköterska)', 'Samir Haddad (avdelningschef)', 'Maria Öberg (koordinator)', 'Jonas Ek (hjärtsviktssjuksköterska)', 'Lena Strand (undersköterska)'];

interface PlannedCycle {
  readonly idea: number;
  readonly number: number;
  /** Of the idea's cycles. */
  readonly count: number;
  readonly start: number;
}

/** How many of `total` cycles each of the four earlier ideas gets, and the session's own idea (issue #8: 50 in all; quick: 5). */
function cycleCounts(total: number): number[] {
  const session = total >= 10 ? 2 : 1;
  const rest = total - session;
  const weights = [14, 13, 11, 10];
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((rest * w) / sum)));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < rest; i = (i + 1) % counts.length) counts[i]!++;
  while (counts.reduce((a, b) => a + b, 0) > rest) counts[counts.indexOf(Math.max(...counts))]!--;
  return [...counts, session];
}

function cycleFor(
  script: Omit<IdeaScript, 'origins'>,
  planned: PlannedCycle,
  ideaId: string,
  measureIds: readonly string[],
  random: () => number,
  inSession: { sessionId: string; now: number } | null,
): PdsaCycle {
  const { number, count, start } = planned;
  const j = number - 1;
  const scale = SCALES[Math.min(SCALES.length - 1, Math.floor((j * SCALES.length) / Math.max(count, 1)))]!;
  const adjustment = script.adjustments[j % script.adjustments.length]!;
  const end = start + (scale.days - 1) * DAY;
  const [low, high] = scale.patients;
  const patients = low + Math.floor(random() * (high - low + 1));
  const share = Math.min(1, 0.45 + 0.1 * Math.min(j, 4) + random() * 0.3);
  const reached = Math.max(0, Math.min(patients, Math.round(patients * share)));
  const enough = reached / patients >= 0.8;
  const improved = enough ? 'yes' : reached / patients >= 0.6 ? 'unclear' : 'no';
  const questionId = createItemId();
  const timeQuestionId = createItemId();
  const title = `${script.label}: ${adjustment} (${scale.short})`.slice(0, 200);
  const tasks: Task[] = [
    { id: createItemId(), text: script.firstTask, owner: OWNERS[j % OWNERS.length]!, due: isoDate(start - 3 * DAY), done: !inSession },
    { id: createItemId(), text: 'Berätta om testet på morgonmötet och sätt upp lappen i expeditionen', owner: OWNERS[1]!, due: isoDate(start - DAY), done: !inSession },
    { id: createItemId(), text: 'Sammanställ resultatet till nästa förbättringsmöte', owner: OWNERS[2]!, due: isoDate(end + 3 * DAY), done: !inSession },
  ];
  const plan: PdsaCycle['plan'] = {
    objective: `Pröva om ${script.goal} när ${adjustment}, för ${scale.label}.`,
    questions: [
      { id: questionId, question: script.question, prediction: 'Minst 8 av 10.' },
      { id: timeQuestionId, question: script.timeQuestion, prediction: script.timePrediction },
    ],
    what: `${script.what}; den här gången ${adjustment}.`,
    who: script.who,
    when: `${scale.when}, från ${swedishDate(start)}`,
    where: scale.where,
    tasks,
    dataCollection: script.dataCollection,
    patientExperience: script.patientExperience,
    startDate: isoDate(start),
  };
  const base = {
    id: createItemId(),
    changeIdeaId: ideaId,
    number,
    title,
    sessionId: inSession?.sessionId ?? null,
    systemLevel: scale.level as SystemLevel,
    consequencesElsewhere: script.consequences,
    // Only the larger tests can show on a weekly measure; small ones are not marked on its chart.
    measureIds: scale.days >= 7 || inSession ? [...measureIds] : [],
    plan,
  };
  if (inSession) {
    // Planned in this workshop: the rest is to come.
    return {
      ...base,
      createdAt: inSession.now,
      do: { whatHappened: '', observations: '', endDate: null },
      study: { results: [], learning: '', summary: '', improved: null },
      act: { decision: null, nextSteps: '' },
    };
  }
  const last = number === count;
  const decision: ActDecision = last ? script.last : improved === 'no' && j % 3 === 2 ? 'abandon' : enough && scale.days >= 7 ? 'adopt' : 'adapt';
  const minutes = 3 + Math.floor(random() * 12);
  return {
    ...base,
    createdAt: start - 4 * DAY + 9 * 3600_000,
    do: {
      whatHappened: `Testet gjordes ${scale.when} med ${scale.label}: ${patients} ${patients === 1 ? 'patient' : 'patienter'} skrevs ut, och ${reached} ${script.counted}.`,
      observations: script.observations[j % script.observations.length]!,
      endDate: isoDate(end),
    },
    study: {
      results: [
        { questionId, result: `${reached} av ${patients}; vi förutsåg minst 8 av 10, och ${enough ? 'det höll' : 'det höll inte'}.` },
        { questionId: timeQuestionId, result: `I genomsnitt ${minutes} minuter per patient; ${minutes <= 5 ? 'som vi trodde' : 'mer än vi trodde'}.` },
      ],
      learning: script.learnings[j % script.learnings.length]!,
      summary: enough
        ? `Förändringen höll för ${scale.label}. ${last ? 'Den är redo att bli rutin.' : 'Nästa test görs i större skala.'}`
        : `Förändringen höll inte fullt ut för ${scale.label}; vi justerar och testar igen i samma skala.`,
      improved,
    },
    act: {
      decision,
      nextSteps:
        decision === 'abandon'
          ? `Vi slutar med det här sättet (${adjustment}) och går tillbaka till föregående cykels rutin.`
          : decision === 'scale-up'
            ? 'Rutinen sprids till avdelning 5 och 6; avdelningscheferna tar upp den på nästa ledningsmöte.'
            : decision === 'adopt'
              ? 'Rutinen skrivs in i avdelningens PM och gäller från nästa måndag; vi fortsätter följa måtten varje vecka.'
              : `Vi justerar: ${script.adjustments[(j + 1) % script.adjustments.length]!}, och testar igen.`,
    },
  };
}

/** The outcome measure: a clear shift upward after the changes took hold (52 weeks). */
function outcomePoints(random: () => number, weeks: number): { date: string; value: number; note?: string }[] {
  return Array.from({ length: weeks }, (_, w) => {
    const level = w < 14 ? 55 : w < 26 ? 55 + (w - 13) * 2.2 : 82;
    const value = Math.round((level + (random() - 0.5) * 12) * 10) / 10;
    const note = w === 14 ? 'Bokning före hemgång på hela avdelningen' : w === 30 ? 'Samtal dag 3 införda' : undefined;
    return { date: isoDate(START + w * WEEK), value: Math.min(100, value), ...(note ? { note } : {}) };
  });
}

/** The balancing measure: stable, with one astronomical week over Christmas (46 weeks, from mid-December). */
function balancingPoints(random: () => number, weeks: number): { date: string; value: number; note?: string }[] {
  const first = START + 6 * WEEK;
  return Array.from({ length: weeks }, (_, w) => {
    const christmas = w === 2;
    const value = christmas ? 46 : Math.round(19 + random() * 7);
    return { date: isoDate(first + w * WEEK), value, ...(christmas ? { note: 'Jul och nyår: halva bemanningen på mottagningen' } : {}) };
  });
}

/**
 * Writes the improvement into `<dataDir>/improvements/`, linked to the session `sessionId` (which must be
 * in `<dataDir>/sessions/`), with `cycles` PDSA cycles. `notes` are the session's notes: its own change idea
 * quotes the three most voted, as "Gör till förändringsidé" would.
 */
export function writeImprovementHistory(dataDir: string, session: { id: string; title: string; notes: readonly WrittenNote[] }, cycles: number): ImprovementHistory {
  const random = seeded(20251103);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  // The service reads the session's title through the manager (for the link); nothing opens the session.
  const manager = new SessionManager(new SessionDirectory(dataDir), new WriteQueue(), log);
  const store = new ImprovementStore(new ImprovementDirectory(dataDir), log);
  const service = new ImprovementService(store, manager, null);
  let saves = 0;
  const save = (current: Improvement, change: (i: Improvement) => Improvement, now: number): Improvement => {
    saves++;
    return service.save(current.id, current.revision, change(current), now);
  };
  try {
    const created = service.create({ title: IMPROVEMENT_TITLE, aim: AIM }, START - 14 * DAY);
    saves++;
    const counts = cycleCounts(cycles);
    const earlier = { sessionId: randomSessionId(), sessionTitle: 'Dialogmöte: hemgång efter hjärtsvikt', stepId: createItemId() };
    const ideas: ChangeIdea[] = IDEAS.map((script, i) => ({
      id: createItemId(),
      text: script.text,
      createdAt: START - 14 * DAY + i * 60_000,
      origins: script.origins.map((o) => ({ ...o, ...earlier, refId: createItemId(), linkedAt: START - 14 * DAY })),
    }));
    const measures: Measure[] = [
      {
        id: createItemId(),
        name: 'Återbesök inom 14 dagar efter utskrivning',
        kind: 'outcome',
        definition:
          'Andel av veckans utskrivna patienter med hjärtsvikt som huvuddiagnos (avdelning 4) som haft ett besök hos hjärtsviktssjuksköterskan dag 1–14 efter hemgång. Källa: uttag ur journalsystemet varje måndag.',
        unit: '%',
        direction: 'up',
        baselinePoints: 12,
        points: [],
      },
      {
        id: createItemId(),
        name: 'Väntetid till nybesök på hjärtmottagningen',
        kind: 'balancing',
        definition: 'Median i dagar från remiss till nybesök för veckans nybesök på hjärtmottagningen. Källa: mottagningens väntelista.',
        unit: 'dagar',
        direction: 'down',
        baselinePoints: null,
        points: [],
      },
    ];
    let current = save(created, (i) => ({ ...i, aim: { text: AIM, coAuthors: CO_AUTHORS }, measures, changeIdeas: ideas }), START - 7 * DAY);

    // The year between workshops: cycles saved as they are done, points typed in every four weeks.
    const planned: PlannedCycle[] = counts.slice(0, IDEAS.length).flatMap((count, idea) =>
      Array.from({ length: count }, (_, j) => ({ idea, number: j + 1, count, start: START + Math.floor(idea * 3 + (j * (46 - idea * 3)) / count) * WEEK + idea * DAY })),
    );
    const series = [outcomePoints(random, 52), balancingPoints(random, 46)];
    const typedIn = series.flatMap((points, m) => {
      const batches: { m: number; at: number; points: typeof points }[] = [];
      for (let i = 0; i < points.length; i += 4) {
        const batch = points.slice(i, i + 4);
        batches.push({ m, at: Date.parse(batch[batch.length - 1]!.date) + 8 * DAY, points: batch });
      }
      return batches;
    });
    // The last batch of each measure is typed in during the workshop, with the session's id.
    const inWorkshop = new Set(series.map((_, m) => typedIn.filter((b) => b.m === m).at(-1)!));
    const events = [
      ...planned.map((cycle) => ({ at: cycle.start + (SCALES.length + 14) * DAY, cycle, batch: null })),
      ...typedIn.filter((b) => !inWorkshop.has(b)).map((batch) => ({ at: batch.at, cycle: null, batch })),
    ].sort((a, b) => a.at - b.at);
    for (const event of events) {
      if (event.batch) {
        current = service.addPoints(current.id, measures[event.batch.m]!.id, { points: event.batch.points, sessionId: null }, event.at);
        saves++;
      } else if (event.cycle) {
        const p = event.cycle;
        const cycle = cycleFor(IDEAS[p.idea]!, p, ideas[p.idea]!.id, IDEAS[p.idea]!.measures.map((m) => measures[m]!.id), random, null);
        current = save(current, (i) => ({ ...i, cycles: [...i.cycles, cycle] }), event.at);
      }
    }

    // The workshop: it opens the improvement (the link), types in the last points, and makes a change
    // idea from its three most voted notes with its first cycles planned.
    const now = Date.now();
    current = service.linkSession(current.id, session.id, now);
    saves++;
    for (const batch of inWorkshop) {
      current = service.addPoints(current.id, measures[batch.m]!.id, { points: batch.points, sessionId: session.id }, now);
      saves++;
    }
    const voted = [...session.notes].sort((a, b) => b.votes - a.votes).slice(0, 3);
    const sessionIdea: ChangeIdea = {
      id: createItemId(),
      text: SESSION_IDEA.text,
      createdAt: now,
      origins: voted.map((note) => ({
        kind: 'note',
        sessionId: session.id,
        sessionTitle: session.title,
        stepId: 'step-vote',
        refId: note.id,
        quote: note.text,
        authorName: note.authorName,
        authorRole: note.authorRole,
        votes: note.votes,
        linkedAt: now,
      })),
    };
    const sessionCount = counts[IDEAS.length]!;
    const nextWeek = START + 53 * WEEK;
    const sessionCycles = Array.from({ length: sessionCount }, (_, j) =>
      cycleFor(SESSION_IDEA, { idea: IDEAS.length, number: j + 1, count: sessionCount, start: nextWeek + j * 2 * WEEK }, sessionIdea.id, [measures[0]!.id], random, { sessionId: session.id, now }),
    );
    current = save(current, (i) => ({ ...i, changeIdeas: [...i.changeIdeas, sessionIdea], cycles: [...i.cycles, ...sessionCycles] }), now);

    // What the session's report reads: it must find this improvement, whole.
    const linked = store.listForSession(session.id);
    if (linked.length !== 1 || linked[0]!.cycles.length !== cycles) {
      throw new Error(`the improvement is not linked to session ${session.id} with ${cycles} cycles (found ${linked.length} improvements)`);
    }
    return {
      id: current.id,
      title: current.title,
      changeIdeas: current.changeIdeas.length,
      cycles: current.cycles.length,
      cycleTitles: current.cycles.map((c) => c.title),
      measures: current.measures.map((m) => ({ name: m.name, points: m.points.length })),
      revisions: saves,
    };
  } finally {
    store.closeAll();
  }
}
