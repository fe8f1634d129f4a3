import { changeIdeaLetters, cycleCode, cycleMarkers, markerKey } from '../improvement/cycle-markers';
import type { Improvement, PdsaCycle } from '../improvement/model';
import { analyseRunChart } from '../improvement/run-chart-rules';
import { describeRunChart, type ParamFormatters } from '../improvement/run-chart-rules-texts';
import type { ReportImprovement, ReportLanguage, ReportMeasure, ReportPdsaCycle } from './report-model';
import { countText, dateText, fillText, reportText, roleLabel, type ReportText } from './report-text';

/**
 * The PDSA part of the report, from the improvements linked to the session (issue #5). Each part of
 * a cycle becomes short labelled paragraphs, so Word, PDF and Markdown read alike; empty fields are
 * left out instead of printing empty labels.
 */
const KIND_LABELS = {
  sv: { outcome: 'Resultatmått', process: 'Processmått', balancing: 'Balansmått' },
  en: { outcome: 'Outcome measure', process: 'Process measure', balancing: 'Balancing measure' },
} as const;

const DECISION_LABELS = {
  sv: { adopt: 'Införa', adapt: 'Justera', abandon: 'Avbryta', 'scale-up': 'Sprida' },
  en: { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon', 'scale-up': 'Scale up' },
} as const;

const STATUS_LABELS = {
  sv: { plan: 'Planeras', do: 'Testas', study: 'Studeras', act: 'Beslutad' },
  en: { plan: 'Being planned', do: 'Being tested', study: 'Being studied', act: 'Decided' },
} as const;

function paragraphs(parts: readonly (readonly [string, string])[]): string {
  return parts
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => (label ? `${label}: ${value.trim()}` : value.trim()))
    .join('\n\n');
}

function cycleStatus(cycle: PdsaCycle): ReportPdsaCycle['status'] {
  if (cycle.act.decision) return 'act';
  if (cycle.study.learning.trim() || cycle.study.summary.trim() || cycle.study.results.some((r) => r.result.trim())) return 'study';
  if (cycle.do.whatHappened.trim() || cycle.do.observations.trim()) return 'do';
  return 'plan';
}

/** Dates and values as the report's reader writes them (decimal comma in Swedish). */
export function reportFormatters(lang: ReportLanguage): ParamFormatters {
  return { date: (iso) => dateText(dayToMs(iso), lang, 0), value: (value) => reportNumber(value, lang) };
}

/** A measured value with at most two decimals, with a decimal comma in Swedish. */
export function reportNumber(value: number, lang: ReportLanguage): string {
  const text = String(Math.round(value * 100) / 100);
  return lang === 'sv' ? text.replace('.', ',').replace('-', '−') : text;
}

/** `YYYY-MM-DD` as midnight UTC (dates of run charts are days, not instants). */
function dayToMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function improvementSection(improvements: readonly Improvement[], lang: ReportLanguage): ReportImprovement[] {
  const t = reportText(lang);
  return improvements.map((imp) => {
    const letters = changeIdeaLetters(imp);
    return {
    id: imp.id,
    title: imp.title,
    aim: imp.aim.text.trim() === '' ? null : imp.aim.text.trim(),
    changeIdeas: imp.changeIdeas.map((idea) => ({
      id: idea.id,
      letter: letters.get(idea.id) ?? null,
      text: idea.text,
      origins: idea.origins.map((o) => ({
        text: o.quote,
        ...(o.sessionTitle ? { sessionTitle: o.sessionTitle } : {}),
        ...(o.authorRole ? { roleLabel: roleLabel(o.authorRole, lang) } : {}),
        ...(o.authorName ? { authorName: o.authorName } : {}),
        ...(o.votes !== undefined ? { votes: o.votes } : {}),
      })),
    })),
    cycles: imp.cycles.map((cycle): ReportPdsaCycle => {
      const status = cycleStatus(cycle);
      const idea = imp.changeIdeas.find((i) => i.id === cycle.changeIdeaId);
      return {
        id: cycle.id,
        no: cycle.number,
        code: cycleCode(cycle.number, letters.get(cycle.changeIdeaId) ?? null),
        title: cycle.title,
        changeIdeaId: cycle.changeIdeaId,
        changeIdeaText: idea?.text ?? null,
        status,
        statusLabel: STATUS_LABELS[lang][status],
        plan: paragraphs([
          [t.objective, cycle.plan.objective],
          [t.what, cycle.plan.what],
          [t.who, cycle.plan.who],
          [t.when, cycle.plan.when],
          [t.where, cycle.plan.where],
        ]),
        prediction: cycle.plan.questions.map((q) => (q.prediction.trim() ? `${q.question.trim()} → ${q.prediction.trim()}` : q.question.trim())).join('\n'),
        do: paragraphs([
          [t.whatHappened, cycle.do.whatHappened],
          [t.observations, cycle.do.observations],
        ]),
        study: paragraphs([
          ...cycle.study.results.map((r, i): [string, string] => [cycle.plan.questions.find((q) => q.id === r.questionId)?.question.trim() ?? `${i + 1}`, r.result]),
          [t.learning, cycle.study.learning],
          [t.summary, cycle.study.summary],
        ]),
        act: paragraphs([[t.nextSteps, cycle.act.nextSteps]]),
        decisionLabel: cycle.act.decision ? DECISION_LABELS[lang][cycle.act.decision] : null,
      };
    }),
    measures: imp.measures.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      kindLabel: KIND_LABELS[lang][m.kind],
      definition: m.definition,
      unit: m.unit.trim() === '' ? null : m.unit.trim(),
      direction: m.direction,
      goal: null,
      baselinePoints: m.baselinePoints ?? null,
      ...markersFor(imp, m.id, t),
      findings:
        m.points.length < 2
          ? []
          : describeRunChart(
              analyseRunChart(m.points, { direction: m.direction, ...(m.baselinePoints ? { baselinePoints: m.baselinePoints } : {}) }),
              lang,
              reportFormatters(lang),
            ),
      points: [...m.points]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((p) => ({ date: p.date, at: dayToMs(p.date), dateText: dateText(dayToMs(p.date), lang, 0), value: p.value, valueText: reportNumber(p.value, lang), ...(p.note ? { note: p.note } : {}) })),
    })),
    };
  });
}

/** A measure's cycle markers ("B·8", or "PGSA 8" with a single idea) and the key to their letters. */
function markersFor(imp: Improvement, measureId: string, t: ReportText): Pick<ReportMeasure, 'annotations' | 'annotationKey'> {
  const markers = cycleMarkers(imp, measureId);
  const key = markerKey(imp, markers);
  return {
    annotations: markers.map((m) => ({ date: m.date, label: m.letter ? cycleCode(m.number, m.letter) : fillText(t.cycleMarker, { n: m.number }) })),
    annotationKey: key.length === 0 ? null : `${t.markerKey} ${key.map((k) => `${k.letter} = ${k.text}`).join('; ')}.`,
  };
}

/** "1 röst", "3 röster" / "1 vote", "3 votes", for an origin's vote count. */
export function votesText(n: number, lang: ReportLanguage): string {
  return countText(reportText(lang), 'votesOnOrigin', n);
}
