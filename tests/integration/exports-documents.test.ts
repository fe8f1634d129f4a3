import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { packOfKind } from '../../src/core/instruments/content-pack';
import type { ContentPack } from '../../src/core/instruments/content-pack';
import { addGuldkorn, clothConfigFromPack } from '../../src/core/instruments/dialogue-cloth';
import { setMark } from '../../src/core/instruments/marks';
import { markCell } from '../../src/core/instruments/partnership-matrix';
import { createPersonaCard, personaCell, personasConfigFromPack, putPersonaCard } from '../../src/core/instruments/personas';
import { reflectionConfigFromPack } from '../../src/core/instruments/reflection';
import { addStep, selectAgenda } from '../../src/core/workshop/agenda';
import type { Step } from '../../src/core/workshop/agenda';
import { addNote, selectNotes } from '../../src/core/workshop/board';
import { goToStep } from '../../src/core/workshop/run-state';
import { castVote } from '../../src/core/workshop/votes';
import { buildSessionReport } from '../../src/core/report/session-report';
import type { ReportImprovement, SessionReport } from '../../src/core/report/session-report';
import type { JoinResponse, ParticipantSummary, SessionSummary } from '../../src/contracts/http';
import { renderDocxReport } from '../../src/host/exports/docx-report';
import { renderPdfReport } from '../../src/host/exports/pdf-report';
import { ApiClient } from '../helpers/api-client';
import { readDocx, readPdf } from '../helpers/document-reading';
import { startTestHost } from '../helpers/test-host';
import type { TestHost } from '../helpers/test-host';
import { connectClient } from '../helpers/yjs-client';
import type { YClient } from '../helpers/yjs-client';
import { sleep, waitFor } from '../helpers/wait';

/**
 * The Word and PDF reports of a real workshop (issue #6): a host, the co-design template, four
 * people on stock y-websocket clients writing notes, voting, on a dialogue cloth and in the seven
 * questions (with paper forms typed in), then both documents read back: DOCX through its XML,
 * PDF through pdf.js text extraction.
 */
const SWEDISH = ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é'];

describe('the session report as Word and PDF', () => {
  let t: TestHost;
  let session: SessionSummary;
  let report: SessionReport;
  let people: Record<'anna' | 'bo' | 'secret' | 'cecilia', JoinResponse>;
  let docx: Uint8Array;
  let pdf: Uint8Array;
  const clients: YClient[] = [];
  const connect = (doc: 'control' | 'board' | 'vault', token: string): YClient => {
    const c = connectClient(t.host.url, session.id, doc, token, new Y.Doc());
    clients.push(c);
    return c;
  };
  const author = (p: JoinResponse) => ({ role: p.role, anonymous: p.anonymous, name: p.name ?? undefined, pseudonym: p.pseudonym });

  beforeAll(async () => {
    t = await startTestHost();
    session = await t.api.json<SessionSummary>('POST', '/api/sessions', { title: 'Trygg vård på Älvängens vårdcentral', template: 'co-design-2h-sv' }, 201);
    const { joinCode } = await t.api.share(session.id);
    const join = (name: string | undefined, role: JoinResponse['role'], anonymous = false) => new ApiClient(t.host.url).join(joinCode, name, role, anonymous);
    people = {
      anna: await join('Anna Öberg', 'patient'),
      bo: await join('Bo Ek', 'staff'),
      secret: await join('Hemlig Hälsa', 'patient', true),
      cecilia: await join('Cécile Åström', 'relative'),
    };
    const control = connect('control', t.host.facilitatorToken);
    const facBoard = connect('board', t.host.facilitatorToken);
    const vault = connect('vault', t.host.facilitatorToken);
    await Promise.all([control.whenSynced(), facBoard.whenSynced(), vault.whenSynced()]);
    const pack = async <K extends ContentPack['kind']>(id: string, kind: K) => packOfKind(await t.api.json<ContentPack>('GET', `/api/content-packs/${id}`), kind)!;
    const cloth = addStep(control.doc, { type: 'dialogue-cloth', title: 'Dialogduk: Patientkontrakt', minutes: 20, config: clothConfigFromPack(await pack('dialogue-cloths', 'dialogue-cloths'), 'patientkontrakt-i-praktiken', 'sv')! });
    const seven = addStep(control.doc, { type: 'seven-questions', title: 'De sju frågorna', minutes: 10 });
    const reflection = addStep(control.doc, { type: 'reflection', title: 'Reflektion', minutes: 10, config: reflectionConfigFromPack(await pack('reflections', 'reflections'), ['s1'], 'du', 'sv')! });
    const personasPack = await pack('personas', 'personas');
    const personas = addStep(control.doc, { type: 'personas', title: 'Vem möter vi?', minutes: 30, config: { ...personasConfigFromPack(personasPack), personaIds: [personasPack.content.personas[0]!.id] } });
    const matrix = addStep(control.doc, { type: 'partnership-matrix', title: 'Var är patienterna med?', minutes: 20, config: { minMarks: 1 } });
    const agenda = selectAgenda(control.doc);
    const step = (title: string): Step => agenda.find((s) => s.title === title)!;

    // Everyone on their own stock client.
    const boards = Object.fromEntries(
      await Promise.all(
        Object.entries(people).map(async ([key, p]) => {
          const board = connect('board', p.token);
          const ctrl = connect('control', p.token);
          await Promise.all([board.whenSynced(), ctrl.whenSynced()]);
          return [key, board] as const;
        }),
      ),
    ) as Record<keyof typeof people, YClient>;
    await sleep(100);

    const important = step('Vad är viktigt för dig?');
    goToStep(control.doc, important.id);
    await sleep(100);
    const write = (who: keyof typeof people, text: string, place: { stepId: string; questionId?: string }) => addNote(boards[who].doc, text, author(people[who]), Date.now(), place);
    const a1 = write('anna', 'Att få träffa samma läkare – kontinuitet är trygghet.', { stepId: important.id });
    write('bo', 'Tydlig återkoppling efter besöket på vårdcentralen.', { stepId: important.id });
    const s1 = write('secret', 'Min hemliga önskan: kortare väntetid i telefonkön.', { stepId: important.id });
    write('cecilia', 'Närstående behöver också få veta vad som händer.', { stepId: important.id });
    await waitFor(() => selectNotes(facBoard.doc).length === 4, 'four notes on the board');

    const voting = step('Vad är viktigast?');
    goToStep(control.doc, voting.id);
    await sleep(100);
    const config = { votesPerPerson: 3, allowStacking: false, sourceStepId: null };
    for (const who of ['anna', 'bo', 'cecilia'] as const) castVote(boards[who].doc, voting.id, people[who].pseudonym, s1!.id, config);
    castVote(boards.bo.doc, voting.id, people.bo.pseudonym, a1!.id, config);
    await waitFor(() => facBoard.doc.getMap('votes').size === 4, 'four votes');

    goToStep(control.doc, cloth.id);
    await sleep(100);
    write('anna', 'Videosamtal saknas helt hos oss.', { stepId: cloth.id, questionId: 'pk-kontakt' });
    write('secret', 'Ingen vet vem som är fast vårdkontakt.', { stepId: cloth.id, questionId: 'pk-fast-kontakt' });
    await waitFor(() => selectNotes(facBoard.doc).filter((n) => n.stepId === cloth.id).length === 2, 'cloth notes');
    addGuldkorn(control.doc, { stepId: cloth.id, text: 'Fast vårdkontakt måste synas för patienten', questionId: 'pk-fast-kontakt' });

    goToStep(control.doc, seven.id);
    await sleep(150);
    const answer = (p: JoinResponse, answers: Record<string, string>) => new ApiClient(t.host.url, p.token).json('POST', `/api/sessions/${session.id}/answers`, { stepId: seven.id, answers });
    const yes = { q1: 'ja', q2: 'ja', q3: 'ja', q4: 'ja', q5: 'ja', q6: 'ja', q7: 'ja' };
    await answer(people.anna, { ...yes, q1: 'nej', q4: 'nej' });
    await answer(people.secret, { ...yes, q1: 'delvis', q4: 'nej' });
    await answer(people.cecilia, { ...yes, q4: 'vet-inte' });
    await answer(people.bo, yes);
    for (let i = 0; i < 2; i += 1) await t.api.json('POST', `/api/sessions/${session.id}/paper-answers`, { kind: 'seven-questions', stepId: seven.id, side: 'staff', answers: yes }, 201);
    await t.api.json('POST', `/api/sessions/${session.id}/steps/${seven.id}/results`);

    goToStep(control.doc, reflection.id);
    await sleep(100);
    await new ApiClient(t.host.url, people.bo.token).json('POST', `/api/sessions/${session.id}/private-notes`, { stepId: reflection.id, text: 'Att lyssna på patientens mål före våra egna.', questionId: 's1-principer' }, 201);
    await t.api.json('POST', `/api/sessions/${session.id}/steps/${reflection.id}/reveal`);
    await waitFor(() => selectNotes(facBoard.doc).some((n) => n.stepId === reflection.id), 'revealed reflection');

    goToStep(control.doc, personas.id);
    await sleep(150);
    const firstPersona = personasPack.content.personas[0]!.id;
    putPersonaCard(
      boards.anna.doc,
      createPersonaCard(
        { label: 'Vår Örjan', situation: 'Bor i Älvängen, långt till vårdcentralen.', whatMatters: 'Att slippa åka i onödan.', needs: ['Videosamtal', 'Någon som ringer upp'], abilityAndWill: 'Vill vara med och bestämma.', resources: 'Dottern hjälper till.', expectations: 'Att bli ringd samma dag.', channels: ['video', 'telefon'] },
        author(people.anna),
        { stepId: personas.id },
      ),
    );
    setMark(boards.anna.doc, { stepId: personas.id, groupId: null, pseudonym: people.anna.pseudonym, cell: personaCell(firstPersona, 'telefon') }, true);
    setMark(boards.bo.doc, { stepId: personas.id, groupId: null, pseudonym: people.bo.pseudonym, cell: personaCell(firstPersona, 'telefon') }, true);
    await waitFor(() => boards.anna.doc.getMap('personaCards').size === 1 && facBoard.doc.getMap('personaCards').size === 1, 'persona card');

    goToStep(control.doc, matrix.id);
    await sleep(150);
    setMark(boards.anna.doc, { stepId: matrix.id, groupId: null, pseudonym: people.anna.pseudonym, cell: markCell('today', 'direct-care', 'evaluate') }, true);
    setMark(boards.bo.doc, { stepId: matrix.id, groupId: null, pseudonym: people.bo.pseudonym, cell: markCell('next', 'clinic', 'initiate') }, true);
    write('cecilia', 'Patientråd en gång per termin på mottagningen.', { stepId: matrix.id, questionId: 'clinic:evaluate' });
    await waitFor(() => selectNotes(facBoard.doc).some((n) => n.stepId === matrix.id), 'matrix note');

    await sleep(200);

    const participants = await t.api.json<ParticipantSummary[]>('GET', `/api/sessions/${session.id}/participants`);
    const packs = new Map<string, ContentPack>();
    for (const id of ['dialogue-cloths', 'seven-questions', 'reflections', 'personas', 'partnership-matrix']) packs.set(id, await t.api.json<ContentPack>('GET', `/api/content-packs/${id}`));
    const improvement: ReportImprovement = {
      id: 'imp-1',
      title: 'Kortare väntetid i telefonkön',
      aim: 'Hälften så lång väntetid före juni.',
      changeIdeas: [{ id: 'c1', letter: null, text: 'Återuppringning i stället för kö', origins: [{ text: 'Min hemliga önskan: kortare väntetid i telefonkön.', roleLabel: 'Patient' }] }],
      cycles: [{ id: 'y1', no: 1, code: '1', title: 'Test en vecka', changeIdeaText: 'Återuppringning i stället för kö', status: 'act', statusLabel: 'Agera', plan: 'Prova återuppringning på förmiddagar.', prediction: 'Färre samtal i kö.', do: 'Gjort v. 12.', study: 'Väntetiden sjönk.', act: 'Utöka till eftermiddagar.', decisionLabel: 'Anpassa' }],
      measures: [
        {
          id: 'm1',
          name: 'Väntetid i telefon (minuter)',
          kind: 'outcome',
          kindLabel: 'Resultatmått',
          definition: 'Medianväntetid per vecka i telefonkön, från växelns statistik.',
          unit: 'min',
          direction: 'down',
          goal: null,
          baselinePoints: null,
          annotations: [{ date: '2026-02-02', label: 'PGSA 1' }],
          annotationKey: null,
          findings: ['5 punkter i rad som sjunker från 9 feb. 2026: en trend i önskad riktning.'],
          points: [12, 11, 13, 10, 9, 8, 7, 8, 6, 5].map((value, i) => {
            const at = Date.UTC(2026, 0, 5 + 7 * i);
            return { date: new Date(at).toISOString().slice(0, 10), at, dateText: new Date(at).toISOString().slice(0, 10), value, valueText: String(value) };
          }),
        },
      ],
    };
    const built = buildSessionReport(
      {
        sessionId: session.id,
        control: control.doc,
        board: facBoard.doc,
        vault: vault.doc,
        participants: participants.map((p) => ({ id: p.id, name: p.name, role: p.role as JoinResponse['role'], anonymous: p.anonymous, createdAt: p.joinedAt, revokedAt: p.removed ? p.joinedAt : null })),
        packs,
        improvements: [improvement],
        now: Date.UTC(2026, 10, 23, 14, 5),
        utcOffsetMinutes: 60,
      },
      'sv',
    );
    report = built;
    docx = await renderDocxReport(report);
    pdf = await renderPdfReport(report);
    if (process.env.SAMSKAPA_KEEP_REPORTS) {
      writeFileSync(`${process.env.SAMSKAPA_KEEP_REPORTS}/report.docx`, docx);
      writeFileSync(`${process.env.SAMSKAPA_KEEP_REPORTS}/report.pdf`, pdf);
      writeFileSync(`${process.env.SAMSKAPA_KEEP_REPORTS}/report.json`, JSON.stringify(report));
    }
  }, 60_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.dispose();
  });

  it('writes a Word document with real headings, the notes, the ranked votes, the gap table and the charts as images', async () => {
    const doc = await readDocx(docx);
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).toEqual(['Deltagare', 'Agenda', 'Resultat', report.text.improvements, 'Källor']);
    const h2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(h2).toContain('Steg 2: Vad är viktigt för dig?');
    expect(h2).toContain('Steg 10: Dialogduk: Patientkontrakt');
    expect(doc.headings.filter((h) => h.level === 3).map((h) => h.text)).toContain('Guldkorn');
    const all = doc.paragraphs.join('\n');
    expect(all).toContain('Trygg vård på Älvängens vårdcentral');
    expect(all).toContain('Att få träffa samma läkare – kontinuitet är trygghet.');
    expect(all).toContain('Fast vårdkontakt måste synas för patienten');
    expect(all).toContain('Att lyssna på patientens mål före våra egna.');
    expect(all).toContain('Källa: SKR, Ett steg till, 2022');
    expect(all).toContain('Cécile Åström');
    expect(all).not.toContain('Källa: Källa:');
    // Personas as cards, the partnership matrix as a table of places × phases.
    expect(doc.headings.map((h) => h.text)).toContain('Vår Örjan');
    expect(all).toContain('Bor i Älvängen, långt till vårdcentralen.');
    expect(all).toContain('Patientråd en gång per termin på mottagningen.');
    expect(doc.documentXml).toMatch(/<w:tblHeader\/>/);
    for (const ch of SWEDISH) expect(all).toContain(ch);
    // Votes ranked: the note with three votes first.
    const votesTable = /Plats[\s\S]*?Röster[\s\S]*?Min hemliga önskan[\s\S]*?Att få träffa samma läkare/.exec(all);
    expect(votesTable).not.toBeNull();
    // The gap table: question 4, patients 0 % yes, staff 100 %.
    expect(all).toMatch(/4\. [^\n]+\n0 %\n100 %\n\+100/);
    // Charts as PNG images: the gap chart and the run chart.
    expect(doc.files.filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(2);
    expect(doc.documentXml).toContain('descr="Gapet mellan patienternas och personalens svar"');
    // Page numbers in the footer, language and title in the properties.
    expect(doc.footerXml).toMatch(/PAGE/);
    expect(doc.footerXml).toMatch(/NUMPAGES/);
    expect(doc.coreXml).toContain('<dc:title>Trygg vård på Älvängens vårdcentral</dc:title>');
    await expect((await import('jszip')).default.loadAsync(docx).then((z) => z.file('word/styles.xml')?.async('string'))).resolves.toContain('sv-SE');
  });

  it('writes an A4 PDF with the same content, DejaVu embedded, bookmarks per heading and page numbers', async () => {
    const doc = await readPdf(pdf);
    expect(doc.pages).toBeGreaterThan(3);
    expect(doc.sizes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
    expect(doc.info.Title).toBe('Trygg vård på Älvängens vårdcentral');
    expect(doc.info.Language).toBe('sv-SE');
    expect(doc.embeddedFonts.some((f) => f.endsWith('+DejaVuSans'))).toBe(true);
    expect(doc.embeddedFonts.some((f) => f.endsWith('+DejaVuSans-Bold'))).toBe(true);
    const text = doc.text.replace(/\s+/g, ' ');
    for (const phrase of [
      'Trygg vård på Älvängens vårdcentral',
      'Att få träffa samma läkare – kontinuitet är trygghet.',
      'Närstående behöver också få veta vad som händer.',
      'Fast vårdkontakt måste synas för patienten',
      'Källa: SKR, Ett steg till, 2022',
      'Cécile Åström',
      'Återuppringning i stället för kö',
    ]) {
      expect(text).toContain(phrase);
    }
    for (const ch of SWEDISH) expect(text).toContain(ch);
    expect(doc.pageTexts[1]).toContain(`Sida 2 av ${doc.pages}`);
    expect(doc.outline).toEqual(expect.arrayContaining(['Deltagare', 'Agenda', 'Resultat', 'Steg 2: Vad är viktigt för dig?', 'Källor']));
    // The two charts are images in the file.
    expect(Buffer.from(pdf).toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
    // Tagged: headings, tables with header cells, figures with their alt text, in the structure tree.
    expect(doc.info.IsTaggedPDF ?? true).toBeTruthy();
    for (const role of ['H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(doc.structRoles.get(role), role).toBeGreaterThan(0);
    expect(doc.structRoles.get('H1')).toBe(5);
    expect(doc.figureAlts).toContain('Gapet mellan patienternas och personalens svar');
    // A run chart's alt text is the measure and what the chart signals, in words.
    expect(doc.figureAlts).toContain('Väntetid i telefon (minuter) 5 punkter i rad som sjunker från 9 feb. 2026: en trend i önskad riktning.');
  });

  it('never names an anonymous person nor carries a participant id, in either format', async () => {
    const docText = (await readDocx(docx)).documentXml;
    const pdfText = (await readPdf(pdf)).text;
    for (const text of [docText, pdfText]) {
      expect(text).not.toContain('Hemlig Hälsa');
      for (const p of Object.values(people)) {
        expect(text).not.toContain(p.participantId);
        expect(text).not.toContain(p.pseudonym);
      }
    }
    // …while the anonymous person's words are there, with the role only.
    expect(pdfText.replace(/\s+/g, ' ')).toContain('Min hemliga önskan: kortare väntetid i telefonkön.');
  });

  it('writes English when the report is in English', async () => {
    const en: SessionReport = { ...report, lang: 'en', text: (await import('../../src/core/report/session-report')).reportText('en') };
    const doc = await readDocx(await renderDocxReport(en, { charts: null }));
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Participants', 'Agenda', 'Results', en.text.improvements, 'Sources']);
    expect(doc.files.some((f) => f.startsWith('word/media/'))).toBe(false);
    const pdfDoc = await readPdf(await renderPdfReport(en, { charts: null }));
    expect(pdfDoc.info.Language).toBe('en-GB');
    expect(pdfDoc.text).toContain('Page 1 of');
  });
});
