import { countText, fillText, unrevealedText } from '../../core/report/report-text';
import type {
  ReportImprovement,
  ReportNote,
  ReportStep,
  ReportStepResults,
  SessionReport,
} from '../../core/report/session-report';

/**
 * The session report as Markdown (issue #6): the same content as the Word and PDF reports, for
 * wikis, e-mail and version control. Everything the reader sees comes from the report model (which
 * is already in one language); this module only lays it out.
 */
export function renderMarkdownReport(report: SessionReport): string {
  const out: string[] = [];
  const t = report.text;
  const tp = report.titlePage;
  out.push(`# ${esc(tp.title || t.reportTitle)}`, '', `*${esc(t.reportTitle)}*`, '');
  out.push(`- **${t.date}:** ${esc(tp.dateText)}`);
  out.push(`- **${t.place}:** ${esc(tp.place ?? t.notRecorded)}`);
  out.push(`- **${t.facilitators}:** ${tp.facilitators.length > 0 ? tp.facilitators.map(esc).join(', ') : t.notRecorded}`);
  out.push(`- **${t.purpose}:** ${esc(tp.purpose ?? t.notRecorded)}`);
  out.push(`- **${t.generated}:** ${esc(report.generatedAtText)}`);
  if (tp.progressText) out.push('', `> ${esc(tp.progressText)}`);

  participants(report, out);
  agenda(report, out);
  for (const step of report.steps) stepSection(report, step, out);
  if (report.improvements.length > 0) improvements(report, out);
  if (report.sources.length > 0) {
    out.push('', `## ${t.sources}`, '');
    for (const s of report.sources) out.push(`- **${esc(s.title)}.** ${esc(s.citation)}. ${t.usedIn}: ${s.usedIn.map(esc).join(', ')}.`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function participants(report: SessionReport, out: string[]): void {
  const t = report.text;
  const p = report.participants;
  out.push('', `## ${t.participants}`, '', countText(t, 'participantsTotal', p.total), '');
  if (p.byRole.length > 0) {
    out.push(`| ${t.role} | ${t.count} |`, '|---|---:|');
    for (const r of p.byRole) out.push(`| ${esc(r.label)} | ${r.count} |`);
  }
  if (p.patientSharePercent !== null) out.push('', fillText(t.patientShare, { n: p.patientSharePercent }));
  if (p.named.length > 0) {
    out.push('', `**${t.namedParticipants}:** ${p.named.map((n) => `${esc(n.name)} (${esc(n.roleLabel.toLowerCase())})`).join(', ')}`);
  }
  if (p.unnamedCount > 0) out.push('', fillText(t.unnamedParticipants, { n: p.unnamedCount }));
}

function agenda(report: SessionReport, out: string[]): void {
  const t = report.text;
  out.push('', `## ${t.agenda}`, '', `| ${t.agendaNo} | ${t.agendaStep} | ${t.agendaType} | ${t.minutes} | ${t.status} |`, '|---:|---|---|---:|---|');
  for (const a of report.agenda) out.push(`| ${a.no} | ${esc(a.title)} | ${esc(a.typeLabel)} | ${a.minutes} | ${esc(a.statusLabel)} |`);
}

function stepSection(report: SessionReport, step: ReportStep, out: string[]): void {
  const t = report.text;
  out.push('', `## ${esc(fillText(t.stepHeading, { n: step.no, title: step.title }))}`, '', `*${esc(step.typeLabel)}*`);
  if (step.instructions.trim()) out.push('', quote(step.instructions));
  out.push('');
  results(report, step.results, out);
  if (step.sourceLine) out.push('', `*${esc(step.sourceLine)}*`);
}

/** "text — Anna Öberg, patient, Bord 1" */
function noteLine(report: SessionReport, note: ReportNote, withGroup = false): string {
  const who = [note.authorName, note.roleLabel.toLowerCase(), withGroup ? note.groupName : undefined, note.onBehalf ? report.text.onBehalf : undefined].filter(Boolean).join(', ');
  return `- ${esc(oneLine(note.text))} — *${esc(who)}*`;
}

function notesList(report: SessionReport, notes: readonly ReportNote[], out: string[], withGroup = false): void {
  if (notes.length === 0) out.push(`*${report.text.noContributions}*`);
  for (const n of notes) out.push(noteLine(report, n, withGroup));
}

function results(report: SessionReport, r: ReportStepResults, out: string[]): void {
  const t = report.text;
  switch (r.kind) {
    case 'info':
      out.push(`*${t.infoStep}*`);
      return;
    case 'notes':
      if (r.groups.length === 0) out.push(`*${t.noContributions}*`);
      for (const g of r.groups) {
        if (g.groupName !== null || r.groups.length > 1) out.push('', `### ${esc(g.groupName ?? t.wholeRoom)}`, '');
        notesList(report, g.notes, out);
      }
      if (r.unrevealedCount > 0) out.push('', `*${unrevealedText(t, r.unrevealedCount)}*`);
      return;
    case 'grouping':
      if (r.sourceStepTitle) out.push(`*${esc(fillText(t.groupedFrom, { title: r.sourceStepTitle }))}*`);
      for (const c of r.clusters) {
        out.push('', `### ${esc(c.title)} (${c.notes.length})`, '');
        notesList(report, c.notes, out, true);
      }
      if (r.ungrouped.length > 0) {
        out.push('', `### ${t.ungrouped} (${r.ungrouped.length})`, '');
        notesList(report, r.ungrouped, out, true);
      }
      if (r.clusters.length === 0 && r.ungrouped.length === 0) out.push(`*${t.noContributions}*`);
      return;
    case 'votes':
      if (r.ranked.length === 0) {
        out.push(`*${t.noVotes}*`);
        return;
      }
      out.push(fillText(t.votesSummary, { voters: r.voterCount, total: r.totalVotes, n: r.votesPerPerson }), '');
      out.push(`| ${t.rank} | ${t.votes} | ${t.note} | ${t.heading} |`, '|---:|---:|---|---|');
      for (const v of r.ranked) out.push(`| ${v.rank} | ${v.votes} | ${cell(v.note.text)} | ${cell(v.clusterTitle ?? '')} |`);
      return;
    case 'dialogue-cloth':
      out.push(`**${t.theme}:** ${esc(r.theme)}`);
      for (const g of r.groups) {
        out.push('', `### ${esc(g.groupName ?? t.wholeRoom)}`);
        for (const q of g.byQuestion) {
          const question = r.questions.find((x) => x.id === q.questionId);
          if (q.notes.length === 0) continue;
          out.push('', `**${esc(question?.text ?? q.questionId)}**`, '');
          notesList(report, q.notes, out);
        }
        if (g.onTheme.length > 0) {
          out.push('', `**${t.onTheme}**`, '');
          notesList(report, g.onTheme, out);
        }
      }
      if (r.groups.length === 0) out.push('', `*${t.noContributions}*`);
      if (r.guldkorn.length > 0) {
        out.push('', `### ${t.guldkorn}`, '');
        for (const g of r.guldkorn) out.push(`- ★ ${esc(oneLine(g.text))}${g.groupName || g.questionText ? ` — *${esc([g.groupName, g.questionText].filter(Boolean).join(', '))}*` : ''}`);
      }
      return;
    case 'reflection':
      out.push(`**${t.reflectionForm}:** ${r.form === 'du' ? t.reflectionFormDu : t.reflectionFormNi}`);
      if (r.anonymous) out.push('', `*${t.anonymousAnswers}*`);
      for (const p of r.prompts) {
        out.push('', `### ${esc(p.text)}`, '');
        notesList(report, p.answers, out);
      }
      if (r.other.length > 0) {
        out.push('', `### ${t.otherAnswers}`, '');
        notesList(report, r.other, out);
      }
      if (r.unrevealedCount > 0) out.push('', `*${unrevealedText(t, r.unrevealedCount)}*`);
      return;
    case 'seven-questions': {
      if (!r.published) {
        out.push(`*${t.notPublished}*`);
        return;
      }
      const pct = (n: number | null): string => (n === null ? t.tooFewAnswers : `${n} %`);
      const gap = (n: number | null): string => (n === null ? '–' : `${n > 0 ? '+' : ''}${n}`);
      out.push(`${t.respondents}: ${r.sideLabels.patient} ${r.respondents.patient}, ${r.sideLabels.staff} ${r.respondents.staff}.`, '');
      out.push(`| ${t.question} | ${r.sideLabels.patient}: ${t.jaShare} | ${r.sideLabels.staff}: ${t.jaShare} | ${t.gap} |`, '|---|---:|---:|---:|');
      for (const row of r.rows) out.push(`| ${row.no}. ${cell(row.theme)} | ${pct(row.patient.jaPercent)} | ${pct(row.staff.jaPercent)} | ${gap(row.gapPoints)} |`);
      out.push('', `*${t.gapExplanation}* ${countText(t, 'threshold', r.threshold)}`);
      // The counts behind the shares, side by side: what a reader checks the percentages against.
      const answers = ['ja', 'delvis', 'nej', 'vet-inte'] as const;
      out.push('', `| ${t.question} | ${t.respondents} | ${answers.map((a) => cell(r.answerLabels[a])).join(' | ')} |`, `|---|---|${answers.map(() => '---:').join('|')}|`);
      for (const row of r.rows) {
        for (const side of ['patient', 'staff'] as const) {
          const counts = row[side].counts;
          out.push(`| ${side === 'patient' ? `${row.no}. ${cell(row.theme)}` : ''} | ${cell(r.sideLabels[side])} | ${answers.map((a) => (counts ? String(counts[a]) : t.tooFewAnswers)).join(' | ')} |`);
        }
      }
      out.push('', `**${t.questions}**`, '');
      for (const row of r.rows) out.push(`${row.no}. ${esc(r.sideLabels.patient)}: ${esc(row.patientText)}  \n   ${esc(r.sideLabels.staff)}: ${esc(row.staffText)}`);
      if (r.allJa.patient !== null || r.allJa.staff !== null) {
        out.push('', `${t.allJa}: ${r.sideLabels.patient} ${r.allJa.patient ?? t.tooFewAnswers}, ${r.sideLabels.staff} ${r.allJa.staff ?? t.tooFewAnswers}.`);
      }
      return;
    }
    case 'personas':
      if (r.segmentCaveat) out.push(`*${esc(r.segmentCaveat)}*`);
      for (const p of r.personas) {
        const origin = p.origin === 'pack' ? t.personaFromPack : p.origin === 'facilitator' ? t.personaFromFacilitator : [t.personaFromGroup, p.groupName, p.authorName].filter(Boolean).join(', ');
        out.push('', `### ${esc(p.label)}`, '', `*${esc([p.segmentLabel, origin].filter(Boolean).join(' · '))}*`, '');
        const fields: [string, string][] = [
          [r.fieldLabels.situation, p.situation],
          [r.fieldLabels.whatMatters, p.whatMatters],
          [r.fieldLabels.needs, p.needs.join('; ')],
          [r.fieldLabels.abilityAndWill, p.abilityAndWill],
          [r.fieldLabels.resources, p.resources],
          [r.fieldLabels.expectations, p.expectations],
          [r.fieldLabels.channels, p.channels.join(', ')],
        ];
        for (const [label, value] of fields) if (value.trim()) out.push(`- **${esc(label)}** ${esc(oneLine(value))}`);
      }
      for (const m of r.matrices) {
        if (m.cells.length === 0) continue;
        out.push('', `### ${t.personaMatrix}${m.groupName ? ` — ${esc(m.groupName)}` : ''}`, '');
        const personaLabel = (id: string) => r.personas.find((p) => p.id === id)?.label ?? id;
        out.push(`| ${t.personas} | ${r.channels.map((c) => cell(c.label)).join(' | ')} |`, `|---|${r.channels.map(() => '---:').join('|')}|`);
        const ids = [...new Set(m.cells.map((c) => c.personaId))];
        for (const id of ids) out.push(`| ${cell(personaLabel(id))} | ${r.channels.map((ch) => String(m.cells.find((c) => c.personaId === id && c.channelId === ch.id)?.count ?? '')).join(' | ')} |`);
      }
      if (r.notes.length > 0) {
        out.push('', `### ${t.otherNotes}`, '');
        notesList(report, r.notes, out);
      }
      return;
    case 'partnership-matrix':
      for (const g of r.groups) {
        out.push('', `### ${esc(g.groupName ?? t.wholeRoom)}`, '', fillText(t.minMarks, { n: r.minMarks }), '');
        out.push(`| | ${r.phases.map((p) => cell(p.label)).join(' | ')} |`, `|---|${r.phases.map(() => ':---:').join('|')}|`);
        for (const place of r.places) {
          const marks = r.phases.map((phase) => {
            const id = `${place.id}:${phase.id}`;
            return [g.today.includes(id as never) ? r.layerLabels.today : '', g.next.includes(id as never) ? r.layerLabels.next : ''].filter(Boolean).join(' / ');
          });
          out.push(`| **${cell(place.label)}** | ${marks.join(' | ')} |`);
        }
        for (const layer of ['today', 'next'] as const) out.push('', fillText(t.span, { layer: r.layerLabels[layer], places: g.span[layer].places, phases: g.span[layer].phases }));
      }
      if (r.activities.length > 0) {
        out.push('', `### ${t.activities}`);
        for (const a of r.activities) {
          const place = r.places.find((p) => p.id === a.place)?.label ?? a.place;
          const phase = r.phases.find((p) => p.id === a.phase)?.label ?? a.phase;
          out.push('', `**${esc(place)} × ${esc(phase)}**`, '');
          notesList(report, a.notes, out, true);
        }
      }
      if (r.parity.length > 0) {
        out.push('', `### ${t.parity}`);
        for (const p of r.parity) {
          out.push('', `**${esc(p.label)}**`, '');
          notesList(report, p.notes, out, true);
        }
      }
      if (r.other.length > 0) {
        out.push('', `### ${t.otherNotes}`, '');
        notesList(report, r.other, out, true);
      }
      if (r.groups.length === 0 && r.activities.length === 0 && r.parity.length === 0 && r.other.length === 0) out.push(`*${t.noContributions}*`);
      return;
    case 'complexity':
      for (const d of r.domains) {
        out.push('', `### ${esc(d.label)} (${d.notes.length})`, '');
        if (d.handling) out.push(`*${t.handling}:* ${esc(oneLine(d.handling))}`, '');
        if (d.notes.length > 0) notesList(report, d.notes, out);
      }
      if (r.untagged.length > 0) {
        out.push('', `### ${t.untagged} (${r.untagged.length})`, '');
        notesList(report, r.untagged, out);
      }
      return;
  }
}

function improvements(report: SessionReport, out: string[]): void {
  out.push('', `## ${report.text.improvements}`);
  for (const imp of report.improvements) improvement(report, imp, out);
}

function improvement(report: SessionReport, imp: ReportImprovement, out: string[]): void {
  const t = report.text;
  out.push('', `### ${esc(imp.title)}`, '');
  if (imp.aim) out.push(`**${t.aim}:** ${esc(imp.aim)}`, '');
  if (imp.changeIdeas.length > 0) {
    out.push(`#### ${t.changeIdeas}`, '');
    for (const idea of imp.changeIdeas) {
      out.push(`- ${idea.letter ? `${idea.letter}. ` : ''}${esc(oneLine(idea.text))}`);
      for (const o of idea.origins) {
        const who = [o.authorName, o.roleLabel?.toLowerCase(), o.sessionTitle, o.votes !== undefined ? countText(t, 'votesOnOrigin', o.votes) : undefined].filter(Boolean).join(', ');
        out.push(`  - ${t.origins}: “${esc(oneLine(o.text))}”${who ? ` — *${esc(who)}*` : ''}`);
      }
    }
  }
  for (const c of imp.cycles) {
    out.push('', `#### ${esc(fillText(t.cycleHeading, { n: c.code, title: c.title }))} · ${esc(c.statusLabel)}`, '');
    if (c.changeIdeaText) out.push(`*${t.tests}:* ${esc(oneLine(c.changeIdeaText))}`, '');
    const parts: [string, string][] = [[t.plan, c.plan], [t.prediction, c.prediction], [t.do, c.do], [t.study, c.study], [t.act, [c.decisionLabel ? `${t.decision}: ${c.decisionLabel}` : '', c.act].filter(Boolean).join('\n\n')]];
    for (const [label, value] of parts) if (value.trim()) out.push(`**${label}**`, '', esc(value), '');
  }
  if (imp.measures.length > 0) {
    out.push('', `#### ${t.measures}`);
    for (const m of imp.measures) {
      out.push('', `**${esc(m.name)}** (${esc(m.kindLabel)}${m.unit ? `, ${esc(m.unit)}` : ''}; ${t.betterWhen} ${m.direction === 'up' ? t.higher : t.lower})`);
      if (m.definition.trim()) out.push('', `${t.definition}: ${esc(oneLine(m.definition))}`);
      if (m.findings.length > 0) out.push('', ...m.findings.map((finding) => `- ${esc(finding)}`));
      if (m.annotations.length > 0) out.push('', m.annotations.map((a) => `${esc(a.label)}: ${a.date}`).join(' · '));
      if (m.annotationKey) out.push('', esc(m.annotationKey));
      if (m.points.length > 0) {
        out.push('', `| ${t.date} | ${t.value} | |`, '|---|---:|---|');
        for (const p of m.points) out.push(`| ${p.date} | ${p.valueText} | ${cell(p.note ?? '')} |`);
      }
    }
  }
}

/** Escapes the characters that would turn a note into Markdown markup (headings, lists, links, emphasis, HTML). */
export function esc(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|!~])/g, '\\$1').replace(/^([-+]|\d+\.)(\s)/gm, '\\$1$2');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ');
}

function cell(text: string): string {
  return esc(oneLine(text));
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${esc(line)}`)
    .join('\n');
}
