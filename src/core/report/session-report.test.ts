import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isContentPack, parseContentPack } from '../instruments/content-pack';
import type { ContentPack } from '../instruments/content-pack';
import { addGuldkorn } from '../instruments/dialogue-cloth';
import { marksMap } from '../instruments/marks';
import { publishResult, sevenResultsMap } from '../instruments/seven-questions-results';
import type { AnswerRecord } from '../instruments/seven-questions-results';
import { addStep } from '../workshop/agenda';
import { putNote } from '../workshop/board';
import type { Note } from '../workshop/board';
import { addCluster, placeNote } from '../workshop/clusters';
import { setGroups } from '../workshop/groups';
import { vaultPending } from '../workshop/moderation';
import { goToStep } from '../workshop/run-state';
import { writeSessionInfo } from '../workshop/session-info';
import { castVote } from '../workshop/votes';
import { selectReportFacts, writeReportFacts } from './report-facts';
import { buildSessionReport } from './session-report';
import type { ReportParticipantInput, SessionReport } from './session-report';

function loadPacks(): Map<string, ContentPack> {
  const dir = resolve(__dirname, '../../../resources/content-packs');
  const packs = new Map<string, ContentPack>();
  for (const file of readdirSync(dir)) {
    const pack = parseContentPack(readFileSync(resolve(dir, file), 'utf8'));
    if (isContentPack(pack)) packs.set(pack.id, pack);
  }
  return packs;
}

const participants: ReportParticipantInput[] = [
  { id: 'p-anna', name: 'Anna Öberg', role: 'patient', anonymous: false, createdAt: 1, revokedAt: null },
  { id: 'p-anon', name: null, role: 'relative', anonymous: true, createdAt: 2, revokedAt: null },
  { id: 'p-staff', name: 'Åsa', role: 'staff', anonymous: false, createdAt: 3, revokedAt: null },
  { id: 'p-staff2', name: 'Bo', role: 'staff', anonymous: false, createdAt: 4, revokedAt: null },
];

function note(id: string, text: string, createdAt: number, rest: Partial<Note> & Pick<Note, 'authorRole'>): Note {
  return { id, text, createdAt, anonymous: false, ...rest };
}

/** A small but complete session: notes, grouping, votes, a cloth with guldkorn, the seven questions, a matrix. */
function workshop() {
  const control = new Y.Doc();
  const board = new Y.Doc();
  const vault = new Y.Doc();
  writeSessionInfo(control, { title: 'Vårdmöten på Ängsgården', createdAt: Date.UTC(2026, 10, 23, 9) });
  const write = addStep(control, { type: 'note-board', title: 'Vad är viktigt för dig?', minutes: 10 });
  const silent = addStep(control, { type: 'silent-writing', title: 'Tyst skrivande', minutes: 10 });
  const grouping = addStep(control, { type: 'grouping', title: 'Gruppera', minutes: 10, config: { sourceStepId: write.id } });
  const voting = addStep(control, { type: 'dot-voting', title: 'Rösta', minutes: 10, config: { votesPerPerson: 2, sourceStepId: write.id } });
  const cloth = addStep(control, {
    type: 'dialogue-cloth',
    title: 'Dialogduk',
    minutes: 20,
    groupMode: 'groups',
    config: { source: { packId: 'dialogue-cloths', itemId: 'x' }, theme: 'Trygghet', questions: [{ id: 'q-a', text: 'Vad gör dig trygg?' }] },
  });
  const seven = addStep(control, { type: 'seven-questions', title: 'Sju frågor', minutes: 10 });
  const matrix = addStep(control, { type: 'partnership-matrix', title: 'Matrisen', minutes: 10 });
  const later = addStep(control, { type: 'note-board', title: 'Senare steg', minutes: 10 });
  setGroups(control, [[{ id: 'p-anna', role: 'patient' }], [{ id: 'p-staff', role: 'staff' }]], (i) => `Bord ${i + 1}`);
  const [bord1] = [...control.getMap<{ id: string; name: string }>('groups').values()].sort((a, b) => a.name.localeCompare(b.name));

  const named = note('n1', 'Att bli lyssnad på; "på riktigt"', 10, { authorRole: 'patient', authorName: 'Anna Öberg', authorId: 'p-anna', stepId: write.id });
  const anon = note('n2', 'Kortare väntetider', 11, { authorRole: 'relative', anonymous: true, stepId: write.id });
  const staff = note('n3', 'Tid för samtal', 12, { authorRole: 'staff', authorName: 'Åsa', authorId: 'p-staff', stepId: write.id });
  for (const n of [named, anon, staff]) putNote(board, n, 'test');
  // A hidden note lives in the vault only; a pending silent-writing note too.
  vault.getMap('hidden').set('h1', note('h1', 'Dolt: Karin på avdelning 3', 13, { authorRole: 'staff', authorName: 'Bo', authorId: 'p-staff2', stepId: write.id }));
  vaultPending(vault).set('s1', note('s1', 'Inte visad än', 14, { authorRole: 'patient', authorName: 'Anna Öberg', stepId: silent.id }));

  const cluster = addCluster(control, grouping.id, 'Bemötande');
  placeNote(control, grouping.id, named.id, cluster.id);
  const votingConfig = { votesPerPerson: 2, allowStacking: false, sourceStepId: write.id };
  castVote(board, voting.id, 'p-anna', named.id, votingConfig);
  castVote(board, voting.id, 'p-anon', named.id, votingConfig);
  castVote(board, voting.id, 'p-staff', staff.id, votingConfig);
  castVote(board, voting.id, 'p-anon', anon.id, votingConfig);

  putNote(board, note('n4', 'Personalen hälsar', 20, { authorRole: 'patient', authorName: 'Anna Öberg', authorId: 'p-anna', stepId: cloth.id, groupId: bord1?.id ?? '', questionId: 'q-a' }), 'x');
  addGuldkorn(control, { stepId: cloth.id, text: 'Trygghet börjar i hälsningen', groupId: bord1?.id, questionId: 'q-a' }, 21);

  const records: AnswerRecord[] = [
    ...[1, 2, 3].map((): AnswerRecord => ({ side: 'patient', answers: { q1: 'nej' } })),
    ...[1, 2, 3].map((): AnswerRecord => ({ side: 'staff', answers: { q1: 'ja' } })),
  ];
  sevenResultsMap(control).set(seven.id, publishResult(records, ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'], 3, seven.id, 30));
  // A mark key: <step>|<group or ->|<writer>|<cell> (instruments/marks.ts).
  marksMap(board).set(`${matrix.id}|-|writer-1|today:clinic:plan`, true);
  putNote(board, note('n5', 'Patientråd', 40, { authorRole: 'patient', anonymous: true, stepId: matrix.id, questionId: 'clinic:plan' }), 'x');
  goToStep(control, matrix.id);
  return { control, board, vault, ids: { write, silent, grouping, voting, cloth, seven, matrix, later } };
}

function build(lang: 'sv' | 'en' = 'sv'): SessionReport {
  const w = workshop();
  return buildSessionReport({ sessionId: 's1', control: w.control, board: w.board, vault: w.vault, participants, packs: loadPacks(), now: Date.UTC(2026, 10, 23, 13, 5), utcOffsetMinutes: 60 }, lang);
}

describe('the session report', () => {
  it('has a title page in the room’s time and the progress of a run still going', () => {
    const report = build();
    expect(report.titlePage).toMatchObject({ title: 'Vårdmöten på Ängsgården', date: '2026-11-23', dateText: '23 november 2026', place: null, facilitators: [] });
    expect(report.generatedAtText).toBe('23 november 2026 kl. 14.05');
    expect(report.titlePage.progressText).toBe('Exporterad under workshoppen, vid steg 7 av 8.');
    expect(build('en').text.reportTitle).toBe('Workshop record');
  });

  it('puts the place, the facilitators and the purpose the facilitator wrote on the title page', () => {
    const w = workshop();
    writeReportFacts(w.control, { place: ' Ängsgårdens vårdcentral, rum 3 ', facilitators: 'Karin Ek, Lars Öst', purpose: 'Förstå vad trygghet betyder för patienterna.' });
    const input = { sessionId: 's1', control: w.control, board: w.board, vault: w.vault, participants, packs: loadPacks(), now: 1, utcOffsetMinutes: 0 };
    expect(buildSessionReport(input, 'sv').titlePage).toMatchObject({ place: 'Ängsgårdens vårdcentral, rum 3', facilitators: ['Karin Ek', 'Lars Öst'], purpose: 'Förstå vad trygghet betyder för patienterna.' });
    writeReportFacts(w.control, { place: '', facilitators: 'Karin Ek', purpose: 'Förstå vad trygghet betyder för patienterna.' });
    expect(selectReportFacts(w.control)).toEqual({ place: '', facilitators: 'Karin Ek', purpose: 'Förstå vad trygghet betyder för patienterna.' });
    expect(buildSessionReport(input, 'sv').titlePage.place).toBeNull();
  });

  it('counts participants by role and names only those who gave a name and were not anonymous', () => {
    const { participants: p } = build();
    expect(p.total).toBe(4);
    expect(p.byRole.map((r) => [r.label, r.count])).toEqual([['Patient', 1], ['Närstående', 1], ['Medarbetare', 2]]);
    expect(p.named.map((n) => n.name)).toEqual(['Anna Öberg', 'Åsa', 'Bo']);
    expect(p.unnamedCount).toBe(1);
    expect(p.patientSharePercent).toBe(50);
  });

  it('gives the agenda as run and leaves steps not reached out of the results', () => {
    const report = build();
    expect(report.agenda.map((a) => a.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'current', 'not-reached']);
    expect(report.steps.map((s) => s.title)).not.toContain('Senare steg');
  });

  it('leaves hidden and unrevealed notes out, counting the unrevealed', () => {
    const report = build();
    const json = JSON.stringify(report);
    expect(json).not.toContain('Dolt: Karin');
    expect(json).not.toContain('Inte visad än');
    const silent = report.steps.find((s) => s.title === 'Tyst skrivande');
    expect(silent?.results).toEqual({ kind: 'notes', unrevealedCount: 1, groups: [] });
  });

  it('never carries a participant id, nor a name on an anonymous contribution', () => {
    const json = JSON.stringify(build());
    for (const id of ['p-anna', 'p-anon', 'p-staff', 'p-staff2']) expect(json).not.toContain(id);
    const first = build().steps.find((s) => s.title === 'Vad är viktigt för dig?');
    const notes = first?.results.kind === 'notes' ? first.results.groups.flatMap((g) => g.notes) : [];
    expect(notes.map((n) => [n.text, n.authorName ?? null, n.roleLabel])).toEqual([
      ['Att bli lyssnad på; "på riktigt"', 'Anna Öberg', 'Patient'],
      ['Kortare väntetider', null, 'Närstående'],
      ['Tid för samtal', 'Åsa', 'Medarbetare'],
    ]);
  });

  it('shows notes as grouped and votes ranked, with the heading they sit under', () => {
    const report = build();
    const grouping = report.steps.find((s) => s.type === 'grouping')?.results;
    expect(grouping).toMatchObject({ kind: 'grouping', sourceStepTitle: 'Vad är viktigt för dig?', clusters: [{ title: 'Bemötande', notes: [{ text: 'Att bli lyssnad på; "på riktigt"' }] }] });
    expect(grouping?.kind === 'grouping' && grouping.ungrouped.map((n) => n.text)).toEqual(['Kortare väntetider', 'Tid för samtal']);
    const votes = report.steps.find((s) => s.type === 'dot-voting')?.results;
    expect(votes?.kind === 'votes' && votes.ranked.map((r) => [r.rank, r.votes, r.note.text, r.clusterTitle ?? null])).toEqual([
      [1, 2, 'Att bli lyssnad på; "på riktigt"', 'Bemötande'],
      [2, 1, 'Kortare väntetider', null],
      [2, 1, 'Tid för samtal', null],
    ]);
    expect(votes).toMatchObject({ voterCount: 3, totalVotes: 4, votesPerPerson: 2 });
  });

  it('shows the dialogue cloth per group with its guldkorn, and the sources of the instruments', () => {
    const report = build();
    const cloth = report.steps.find((s) => s.type === 'dialogue-cloth');
    expect(cloth?.results).toMatchObject({
      kind: 'dialogue-cloth',
      theme: 'Trygghet',
      groups: [{ groupName: 'Bord 1', byQuestion: [{ questionId: 'q-a', notes: [{ text: 'Personalen hälsar', groupName: 'Bord 1' }] }] }],
      guldkorn: [{ text: 'Trygghet börjar i hälsningen', groupName: 'Bord 1', questionText: 'Vad gör dig trygg?' }],
    });
    expect(cloth?.sourceLine).toMatch(/^Källa: SKR.+\(\d{3} L/);
    expect(report.sources.find((s) => s.packId === 'dialogue-cloths')?.citation).toMatch(/^SKR/);
    expect(report.sources.map((s) => s.packId).sort()).toEqual(['dialogue-cloths', 'partnership-matrix', 'seven-questions']);
    expect(report.sources.find((s) => s.packId === 'seven-questions')?.usedIn).toEqual(['Sju frågor']);
  });

  it('gives the seven questions with the gap and the small-group rule', () => {
    const seven = build().steps.find((s) => s.type === 'seven-questions')?.results;
    expect(seven?.kind).toBe('seven-questions');
    if (seven?.kind !== 'seven-questions') return;
    expect(seven.published).toBe(true);
    expect(seven.rows[0]).toMatchObject({ no: 1, patient: { jaPercent: 0 }, staff: { jaPercent: 100 }, gapPoints: 100 });
    expect(seven.rows[1]).toMatchObject({ patient: { counts: null, jaPercent: null }, gapPoints: null });
    expect(seven.answerLabels.ja).toBe('Ja');
    expect(seven.rows[0]?.patientText.length).toBeGreaterThan(10);
  });

  it('keeps notes written outside the agenda, as one more section', () => {
    const w = workshop();
    putNote(w.board, note('free', 'Skrivet på fri tavla', 50, { authorRole: 'staff' }), 'x');
    const report = buildSessionReport({ sessionId: 's1', control: w.control, board: w.board, vault: w.vault, participants, packs: loadPacks(), now: 1, utcOffsetMinutes: 0 }, 'sv');
    const last = report.steps[report.steps.length - 1];
    expect(last).toMatchObject({ stepId: '', no: 9, title: 'Anteckningar utanför agendan', results: { kind: 'notes', groups: [{ groupName: null, notes: [{ text: 'Skrivet på fri tavla' }] }] } });
  });

  it('gives the partnership matrix per group with activities on cells', () => {
    const matrix = build('en').steps.find((s) => s.type === 'partnership-matrix')?.results;
    expect(matrix).toMatchObject({ kind: 'partnership-matrix', groups: [{ groupName: null, today: ['clinic:plan'], next: [] }], activities: [{ place: 'clinic', phase: 'plan', notes: [{ text: 'Patientråd', roleLabel: 'Patient' }] }] });
  });
});
