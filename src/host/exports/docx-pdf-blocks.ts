import { countText, fillText, unrevealedText } from '../../core/report/session-report';
import type {
  ReportImprovement,
  ReportMeasure,
  ReportNote,
  ReportSevenQuestionsResults,
  ReportStep,
  ReportStepResults,
  ReportText,
  SessionReport,
} from '../../core/report/session-report';

/**
 * The session report as a flat list of document blocks — headings, paragraphs, bullet lists,
 * tables, charts — in reading order. The Word and PDF writers (docx-report.ts, pdf-report.ts)
 * each draw these blocks, so both files say the same things in the same order and only the
 * drawing differs. Wording comes from the report model (`report.text`), never from here.
 */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly muted?: boolean;
}

export type Block =
  | { readonly type: 'title'; readonly kicker: string; readonly text: string }
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly type: 'paragraph'; readonly runs: readonly Run[]; readonly style?: 'normal' | 'muted' | 'source' | 'label' }
  | { readonly type: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly type: 'bullets'; readonly items: readonly (readonly Run[])[] }
  | { readonly type: 'table'; readonly columns: readonly TableColumnSpec[]; readonly rows: readonly (readonly string[])[] }
  /** A chart, with a line under it that belongs to it (the key to its cycle markers), kept on its page. */
  | { readonly type: 'chart'; readonly chart: ChartRequest; readonly caption?: string }
  | { readonly type: 'page-break' };

export interface TableColumnSpec {
  readonly header: string;
  readonly weight: number;
  readonly align?: 'left' | 'right' | 'center';
}

/** A chart the writers ask for as a PNG (host/exports/chart-images.ts draws them). */
export type ChartRequest =
  | { readonly kind: 'gap'; readonly results: ReportSevenQuestionsResults; readonly alt: string }
  | { readonly kind: 'run'; readonly measure: ReportMeasure; readonly alt: string };

const text = (t: string): Run[] => [{ text: t }];
const para = (t: string, style: 'normal' | 'muted' | 'source' | 'label' = 'normal'): Block => ({ type: 'paragraph', runs: text(t), style });

/** The blocks of a whole report, title page first, sources last. */
export function reportBlocks(report: SessionReport): Block[] {
  const t = report.text;
  return [...titlePage(report), ...participants(report), ...agenda(report), ...results(report), ...improvements(report.improvements, t), ...sources(report)];
}

function titlePage(report: SessionReport): Block[] {
  const t = report.text;
  const page = report.titlePage;
  const rows: [string, string][] = [
    [t.date, page.dateText],
    [t.place, page.place ?? t.notRecorded],
    [t.facilitators, page.facilitators.length > 0 ? page.facilitators.join(', ') : t.notRecorded],
    [t.generated, report.generatedAtText],
  ];
  return [
    { type: 'title', kicker: t.reportTitle, text: page.title },
    { type: 'fields', rows },
    ...(page.purpose ? [{ type: 'heading', level: 2, text: t.purpose } as const, para(page.purpose)] : []),
    ...(page.progressText ? [para(page.progressText, 'muted')] : []),
    { type: 'page-break' },
  ];
}

function participants(report: SessionReport): Block[] {
  const t = report.text;
  const p = report.participants;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: t.participants }, para(countText(t, 'participantsTotal', p.total))];
  if (p.byRole.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { header: t.role, weight: 3 },
        { header: t.count, weight: 1, align: 'right' },
      ],
      rows: p.byRole.map((r) => [r.label, String(r.count)]),
    });
  }
  if (p.patientSharePercent !== null) blocks.push(para(fillText(t.patientShare, { n: p.patientSharePercent }), 'muted'));
  if (p.named.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: t.namedParticipants });
    blocks.push({
      type: 'table',
      columns: [
        { header: t.name, weight: 3 },
        { header: t.role, weight: 2 },
      ],
      rows: p.named.map((n) => [n.name, n.roleLabel]),
    });
  }
  if (p.unnamedCount > 0) blocks.push(para(fillText(t.unnamedParticipants, { n: p.unnamedCount }), 'muted'));
  return blocks;
}

function agenda(report: SessionReport): Block[] {
  const t = report.text;
  if (report.agenda.length === 0) return [];
  return [
    { type: 'heading', level: 1, text: t.agenda },
    {
      type: 'table',
      columns: [
        { header: t.agendaNo, weight: 0.6, align: 'right' },
        { header: t.agendaStep, weight: 4.2 },
        { header: t.agendaType, weight: 2.4 },
        { header: t.minutes, weight: 1.2, align: 'right' },
        { header: t.status, weight: 1.8 },
      ],
      rows: report.agenda.map((a) => [String(a.no), a.title, a.typeLabel, String(a.minutes), a.statusLabel]),
    },
  ];
}

function results(report: SessionReport): Block[] {
  const t = report.text;
  if (report.steps.length === 0) return [];
  return [{ type: 'heading', level: 1, text: t.results }, ...report.steps.flatMap((step) => stepBlocks(step, t))];
}

function stepBlocks(step: ReportStep, t: ReportText): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: fillText(t.stepHeading, { n: step.no, title: step.title }) },
    para(step.typeLabel, 'muted'),
  ];
  if (step.instructions.trim()) blocks.push(para(step.instructions.trim(), 'muted'));
  blocks.push(...resultBlocks(step.results, t));
  if (step.sourceLine) blocks.push(para(sourced(t.sourcePrefix, step.sourceLine), 'source'));
  return blocks;
}

/**
 * "Källa: …" exactly once. The packs' citation lines already start with "Källa:"/"Source:", so a
 * prefix added again upstream (or not at all) still prints one.
 */
export function sourced(prefix: string, line: string): string {
  let rest = line.trim();
  while (rest.startsWith(prefix)) rest = rest.slice(prefix.length).trim();
  return `${prefix} ${rest}`;
}

/** A note as a bullet: its text, then who (role, name where given) in grey. */
export function noteRuns(note: ReportNote, t: ReportText): Run[] {
  const who = [note.roleLabel, note.authorName, note.groupName, note.onBehalf ? t.onBehalf : undefined].filter(Boolean).join(', ');
  return [{ text: note.text }, { text: ` — ${who}`, muted: true }];
}

function notes(list: readonly ReportNote[], t: ReportText): Block[] {
  return list.length === 0 ? [para(t.noContributions, 'muted')] : [{ type: 'bullets', items: list.map((n) => noteRuns(n, t)) }];
}

function resultBlocks(results: ReportStepResults, t: ReportText): Block[] {
  switch (results.kind) {
    case 'info':
      return [para(t.infoStep, 'muted')];
    case 'notes': {
      const blocks: Block[] = results.unrevealedCount > 0 ? [para(unrevealedText(t, results.unrevealedCount), 'muted')] : [];
      if (results.groups.every((g) => g.notes.length === 0)) return [...blocks, para(t.noContributions, 'muted')];
      for (const group of results.groups) {
        if (group.groupName) blocks.push({ type: 'heading', level: 3, text: group.groupName });
        blocks.push(...notes(group.notes, t));
      }
      return blocks;
    }
    case 'grouping': {
      const blocks: Block[] = results.sourceStepTitle ? [para(fillText(t.groupedFrom, { title: results.sourceStepTitle }), 'muted')] : [];
      for (const cluster of results.clusters) blocks.push({ type: 'heading', level: 3, text: cluster.title }, ...notes(cluster.notes, t));
      if (results.ungrouped.length > 0) blocks.push({ type: 'heading', level: 3, text: t.ungrouped }, ...notes(results.ungrouped, t));
      if (results.clusters.length === 0 && results.ungrouped.length === 0) blocks.push(para(t.noContributions, 'muted'));
      return blocks;
    }
    case 'votes':
      return votes(results, t);
    case 'dialogue-cloth':
      return cloth(results, t);
    case 'reflection':
      return reflection(results, t);
    case 'seven-questions':
      return sevenQuestions(results, t);
    case 'personas':
      return personas(results, t);
    case 'partnership-matrix':
      return matrix(results, t);
    case 'complexity': {
      const blocks: Block[] = [];
      for (const domain of results.domains) {
        blocks.push({ type: 'heading', level: 3, text: domain.label }, para(`${t.handling}: ${domain.handling}`, 'muted'), ...notes(domain.notes, t));
      }
      if (results.untagged.length > 0) blocks.push({ type: 'heading', level: 3, text: t.untagged }, ...notes(results.untagged, t));
      return blocks;
    }
  }
}

function votes(results: Extract<ReportStepResults, { kind: 'votes' }>, t: ReportText): Block[] {
  if (results.totalVotes === 0) return [para(t.noVotes, 'muted')];
  const withHeading = results.ranked.some((r) => r.clusterTitle);
  return [
    ...(results.sourceStepTitle ? [para(fillText(t.groupedFrom, { title: results.sourceStepTitle }), 'muted')] : []),
    para(fillText(t.votesSummary, { voters: results.voterCount, total: results.totalVotes, n: results.votesPerPerson })),
    {
      type: 'table',
      columns: [
        { header: t.rank, weight: 0.7, align: 'right' },
        { header: t.votes, weight: 0.9, align: 'right' },
        { header: t.note, weight: 5 },
        ...(withHeading ? [{ header: t.heading, weight: 2 }] : []),
      ],
      rows: results.ranked.map((r) => [
        String(r.rank),
        String(r.votes),
        `${r.note.text} (${[r.note.roleLabel, r.note.authorName].filter(Boolean).join(', ')})`,
        ...(withHeading ? [r.clusterTitle ?? ''] : []),
      ]),
    },
  ];
}

function cloth(results: Extract<ReportStepResults, { kind: 'dialogue-cloth' }>, t: ReportText): Block[] {
  const blocks: Block[] = [{ type: 'paragraph', runs: [{ text: `${t.theme}: `, bold: true }, { text: results.theme }] }];
  if (results.guldkorn.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: t.guldkorn });
    blocks.push({
      type: 'bullets',
      items: results.guldkorn.map((g) => {
        const where = [g.groupName, g.questionText].filter(Boolean).join(' · ');
        return [{ text: g.text, bold: true }, ...(where ? [{ text: ` — ${where}`, muted: true }] : [])];
      }),
    });
  }
  const questionText = new Map(results.questions.map((q) => [q.id, q.text]));
  for (const group of results.groups) {
    blocks.push({ type: 'heading', level: 3, text: group.groupName ?? t.wholeRoom });
    const answered = group.byQuestion.filter((q) => q.notes.length > 0);
    if (answered.length === 0 && group.onTheme.length === 0) blocks.push(para(t.noContributions, 'muted'));
    for (const q of answered) blocks.push(para(questionText.get(q.questionId) ?? q.questionId, 'label'), ...notes(q.notes, t));
    if (group.onTheme.length > 0) blocks.push(para(t.onTheme, 'label'), ...notes(group.onTheme, t));
  }
  return blocks;
}

function reflection(results: Extract<ReportStepResults, { kind: 'reflection' }>, t: ReportText): Block[] {
  const blocks: Block[] = [
    { type: 'paragraph', runs: [{ text: `${t.reflectionForm}: `, bold: true }, { text: results.form === 'du' ? t.reflectionFormDu : t.reflectionFormNi }] },
  ];
  if (results.anonymous) blocks.push(para(t.anonymousAnswers, 'muted'));
  if (results.unrevealedCount > 0) blocks.push(para(unrevealedText(t, results.unrevealedCount), 'muted'));
  let zone: string | undefined;
  for (const prompt of results.prompts) {
    if (prompt.zone && prompt.zone !== zone) blocks.push({ type: 'heading', level: 3, text: prompt.zone });
    zone = prompt.zone;
    blocks.push(para(prompt.text, 'label'), ...notes(prompt.answers, t));
  }
  if (results.other.length > 0) blocks.push({ type: 'heading', level: 3, text: t.otherAnswers }, ...notes(results.other, t));
  return blocks;
}

const percent = (value: number | null, t: ReportText): string => (value === null ? t.tooFewAnswers : `${value} %`);
const signed = (value: number | null): string => (value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value)}`);

function sevenQuestions(results: ReportSevenQuestionsResults, t: ReportText): Block[] {
  if (!results.published) return [para(t.notPublished, 'muted')];
  const side = results.sideLabels;
  const counts = (c: Readonly<Record<string, number>> | null): string[] =>
    c ? (['ja', 'delvis', 'nej', 'vet-inte'] as const).map((a) => String(c[a] ?? 0)) : [t.tooFewAnswers, '', '', ''];
  return [
    para(`${t.respondents}: ${side.patient} ${results.respondents.patient}, ${side.staff} ${results.respondents.staff}. ${countText(t, 'threshold', results.threshold)}`, 'muted'),
    { type: 'chart', chart: { kind: 'gap', results, alt: t.gapChart } },
    {
      type: 'table',
      columns: [
        { header: t.question, weight: 4.4 },
        { header: `${side.patient}: ${t.jaShare}`, weight: 1.6, align: 'right' },
        { header: `${side.staff}: ${t.jaShare}`, weight: 1.6, align: 'right' },
        { header: t.gap, weight: 1, align: 'right' },
      ],
      rows: results.rows.map((r) => [`${r.no}. ${r.theme}`, percent(r.patient.jaPercent, t), percent(r.staff.jaPercent, t), signed(r.gapPoints)]),
    },
    para(t.gapExplanation, 'muted'),
    {
      type: 'table',
      columns: [
        { header: t.question, weight: 3.2 },
        { header: '', weight: 1.6 },
        ...(['ja', 'delvis', 'nej', 'vet-inte'] as const).map((a) => ({ header: results.answerLabels[a], weight: 1, align: 'right' as const })),
      ],
      rows: results.rows.flatMap((r) => [
        [`${r.no}. ${r.theme}`, side.patient, ...counts(r.patient.counts)],
        ['', side.staff, ...counts(r.staff.counts)],
      ]),
    },
    para(`${t.allJa}: ${side.patient} ${results.allJa.patient ?? t.tooFewAnswers}, ${side.staff} ${results.allJa.staff ?? t.tooFewAnswers}`, 'muted'),
  ];
}

function personas(results: Extract<ReportStepResults, { kind: 'personas' }>, t: ReportText): Block[] {
  const f = results.fieldLabels;
  const blocks: Block[] = results.segmentCaveat ? [para(results.segmentCaveat, 'muted')] : [];
  const origin = { pack: t.personaFromPack, facilitator: t.personaFromFacilitator, group: t.personaFromGroup } as const;
  for (const p of results.personas) {
    blocks.push({ type: 'heading', level: 3, text: p.label });
    const by = [origin[p.origin], p.groupName, p.authorName, p.segmentLabel ? `${t.segment}: ${p.segmentLabel}` : undefined].filter(Boolean).join(' · ');
    blocks.push(para(by, 'muted'));
    blocks.push({
      type: 'fields',
      rows: [
        [f.situation, p.situation],
        [f.whatMatters, p.whatMatters],
        [f.needs, p.needs.join('; ')],
        [f.abilityAndWill, p.abilityAndWill],
        [f.resources, p.resources],
        [f.expectations, p.expectations],
        [f.channels, p.channels.join(', ')],
      ].filter(([, v]) => v) as [string, string][],
    });
  }
  const label = new Map(results.personas.map((p) => [p.id, p.label]));
  const channel = new Map(results.channels.map((c) => [c.id, c.label]));
  for (const m of results.matrices.filter((x) => x.cells.length > 0)) {
    blocks.push({ type: 'heading', level: 3, text: m.groupName ? `${t.personaMatrix} · ${m.groupName}` : t.personaMatrix });
    blocks.push({
      type: 'table',
      columns: [
        { header: t.personas, weight: 2.5 },
        { header: t.channels, weight: 2.5 },
        { header: t.count, weight: 1, align: 'right' },
      ],
      rows: [...m.cells].sort((a, b) => b.count - a.count).map((c) => [label.get(c.personaId) ?? c.personaId, channel.get(c.channelId) ?? c.channelId, String(c.count)]),
    });
  }
  if (results.notes.length > 0) blocks.push({ type: 'heading', level: 3, text: t.otherNotes }, ...notes(results.notes, t));
  return blocks;
}

function matrix(results: Extract<ReportStepResults, { kind: 'partnership-matrix' }>, t: ReportText): Block[] {
  const blocks: Block[] = [para(fillText(t.minMarks, { n: results.minMarks }), 'muted')];
  const placeLabel = new Map(results.places.map((p) => [p.id, p.label]));
  const phaseLabel = new Map(results.phases.map((p) => [p.id, p.label]));
  for (const group of results.groups) {
    blocks.push({ type: 'heading', level: 3, text: group.groupName ?? t.wholeRoom });
    blocks.push({
      type: 'table',
      columns: [{ header: '', weight: 1.2 }, ...results.phases.map((p) => ({ header: p.label, weight: 1, align: 'center' as const }))],
      rows: results.places.map((place) => [
        place.label,
        ...results.phases.map((phase) => {
          const cell = `${place.id}:${phase.id}` as const;
          return [group.today.includes(cell) ? results.layerLabels.today : '', group.next.includes(cell) ? results.layerLabels.next : ''].filter(Boolean).join(' · ');
        }),
      ]),
    });
    blocks.push(
      para(
        (['today', 'next'] as const)
          .map((layer) => fillText(t.span, { layer: results.layerLabels[layer], places: group.span[layer].places, phases: group.span[layer].phases }))
          .join('. '),
        'muted',
      ),
    );
  }
  const activities = results.activities.filter((a) => a.notes.length > 0);
  if (activities.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: t.activities });
    for (const a of activities) blocks.push(para(`${placeLabel.get(a.place) ?? a.place} · ${phaseLabel.get(a.phase) ?? a.phase}`, 'label'), ...notes(a.notes, t));
  }
  const parity = results.parity.filter((p) => p.notes.length > 0);
  if (parity.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: t.parity });
    for (const p of parity) blocks.push(para(p.label, 'label'), ...notes(p.notes, t));
  }
  if (results.other.length > 0) blocks.push({ type: 'heading', level: 3, text: t.otherNotes }, ...notes(results.other, t));
  return blocks;
}

function improvements(list: readonly ReportImprovement[], t: ReportText): Block[] {
  if (list.length === 0) return [];
  const blocks: Block[] = [{ type: 'heading', level: 1, text: t.improvements }];
  for (const imp of list) {
    blocks.push({ type: 'heading', level: 2, text: imp.title });
    if (imp.aim) blocks.push({ type: 'paragraph', runs: [{ text: `${t.aim}: `, bold: true }, { text: imp.aim }] });
    if (imp.changeIdeas.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: t.changeIdeas });
      for (const idea of imp.changeIdeas) {
        // The letter is what the run charts' cycle markers ("B·8") refer to.
        blocks.push({ type: 'paragraph', runs: [{ text: idea.letter ? `${idea.letter}. ${idea.text}` : idea.text, bold: true }] });
        if (idea.origins.length > 0) {
          blocks.push(para(t.origins, 'muted'));
          blocks.push({
            type: 'bullets',
            items: idea.origins.map((o) => {
              const who = [o.roleLabel, o.authorName, o.sessionTitle].filter(Boolean).join(', ');
              return [{ text: `”${o.text}”` }, ...(who ? [{ text: ` — ${who}`, muted: true }] : [])];
            }),
          });
        }
      }
    }
    if (imp.cycles.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: t.cycles });
      for (const c of imp.cycles) {
        blocks.push({ type: 'paragraph', runs: [{ text: `${c.code}. ${c.title}`, bold: true }, { text: ` — ${c.statusLabel}`, muted: true }] });
        if (c.changeIdeaText) blocks.push(para(c.changeIdeaText, 'muted'));
        const rows: [string, string][] = [
          [t.plan, c.plan],
          [t.prediction, c.prediction],
          [t.do, c.do],
          [t.study, c.study],
          [t.act, c.act],
          [t.decision, c.decisionLabel ?? ''],
        ];
        blocks.push({ type: 'fields', rows: rows.filter(([, v]) => v.trim()) });
      }
    }
    if (imp.measures.length > 0) {
      blocks.push({ type: 'heading', level: 3, text: t.measures });
      for (const m of imp.measures) {
        const extra = [m.kindLabel, m.unit, m.goal !== null ? `${t.goal}: ${m.goal}` : null].filter(Boolean).join(' · ');
        blocks.push({ type: 'paragraph', runs: [{ text: m.name, bold: true }, ...(extra ? [{ text: ` — ${extra}`, muted: true }] : [])] });
        if (m.definition.trim()) blocks.push(para(m.definition.trim(), 'muted'));
        if (m.points.length > 0) {
          blocks.push({ type: 'chart', chart: { kind: 'run', measure: m, alt: [m.name, ...m.findings].join(' ') }, ...(m.annotationKey ? { caption: m.annotationKey } : {}) });
          for (const finding of m.findings) blocks.push(para(finding));
          blocks.push({
            type: 'table',
            columns: [
              { header: t.date, weight: 2 },
              { header: t.value, weight: 1, align: 'right' },
              { header: t.note, weight: 4 },
            ],
            rows: m.points.map((p) => [p.dateText, p.valueText, p.note ?? '']),
          });
        }
      }
    }
  }
  return blocks;
}

function sources(report: SessionReport): Block[] {
  const t = report.text;
  if (report.sources.length === 0) return [];
  const blocks: Block[] = [{ type: 'heading', level: 1, text: t.sources }];
  for (const s of report.sources) {
    blocks.push({ type: 'paragraph', runs: [{ text: s.title, bold: true }] });
    blocks.push(para(sourced(t.sourcePrefix, s.citation)));
    if (s.usedIn.length > 0) blocks.push(para(`${t.usedIn}: ${s.usedIn.join(', ')}`, 'muted'));
  }
  return blocks;
}
