import { useId, useState, type ReactNode } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import type { SevenQuestionsConfig } from '../../../../core/instruments/seven-questions';
import { questionTexts } from '../../../../core/instruments/seven-questions';
import type { SevenQuestionsResult } from '../../../../core/instruments/seven-questions-results';
import { SIDES, type Answer, type Side } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { GapTable } from './gap-table';
import { gapKind, gapModel, type GapQuestion, type SideBar } from './gap-model';

export interface GapChartProps {
  readonly result: SevenQuestionsResult;
  readonly pack: PackOf<'seven-questions'>;
  readonly config: SevenQuestionsConfig;
  readonly large?: boolean;
  /** The facilitator's action on a question (e.g. "Gör till förändringsidé"), given its patient wording. */
  readonly action?: (questionId: string, quote: string) => ReactNode;
}

/**
 * The gap view: per question, patients' and staff's answers as horizontal stacked bars side by
 * side. Every segment has a pattern and a text label as well as a colour, each bar is written out
 * in words below it, and the same numbers are a table (toggled; always printed).
 */
export function GapChart({ result, pack, config, large = false, action }: GapChartProps) {
  const t = useT();
  const lang = useLanguage();
  const [table, setTable] = useState(false);
  const tableId = useId();
  const model = gapModel(result);
  const label = (a: Answer) => pack.content.scale.find((s) => s.id === a)?.label[lang] ?? a;
  return (
    <div className={large ? 'gap-view gap-large stack' : 'gap-view stack'} data-testid="gap-view">
      <Legend label={label} />
      <ol className="plain-list gap-questions">
        {model.map((q) => (
          <GapItem key={q.questionId} q={q} pack={pack} config={config} label={label} threshold={result.threshold} action={action} />
        ))}
      </ol>
      <p className="muted small">{t('sevenQuestions.gap.base')}</p>
      {large ? null : (
        <button type="button" className="btn btn-secondary gap-table-toggle" aria-expanded={table} aria-controls={tableId} onClick={() => setTable((v) => !v)}>
          {table ? t('sevenQuestions.gap.hideTable') : t('sevenQuestions.gap.showTable')}
        </button>
      )}
      {large ? null : (
        <div id={tableId} className={table ? 'gap-table-wrap' : 'gap-table-wrap gap-table-closed'}>
          <GapTable result={result} pack={pack} label={label} />
        </div>
      )}
    </div>
  );
}

function Legend({ label }: { readonly label: (a: Answer) => string }) {
  const t = useT();
  return (
    <div className="gap-legend">
      <span className="visually-hidden">{t('sevenQuestions.gap.legend')}</span>
      <ul className="plain-list row" aria-hidden="true">
        {(['ja', 'delvis', 'nej', 'vet-inte'] as const).map((a) => (
          <li key={a} className="gap-legend-item">
            <span className={`gap-swatch gap-seg-${a}`} />
            {label(a)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function GapItem({ q, pack, config, label, threshold, action }: { readonly q: GapQuestion; readonly pack: PackOf<'seven-questions'>; readonly config: SevenQuestionsConfig; readonly label: (a: Answer) => string; readonly threshold: number; readonly action?: GapChartProps['action'] }) {
  const t = useT();
  const lang = useLanguage();
  const question = pack.content.questions.find((x) => x.id === q.questionId);
  const headingId = useId();
  const texts = Object.fromEntries(SIDES.map((s) => [s, questionTexts(pack, { ...config, questionIds: [q.questionId] }, s, lang)[0]]));
  const kind = gapKind(q);
  return (
    <li className="gap-question" aria-labelledby={headingId}>
      <h3 id={headingId} className="gap-title">
        {t('sevenQuestions.gap.questionTitle', { no: question?.no ?? 0, theme: question?.theme[lang] ?? q.questionId })}
      </h3>
      <div className="gap-bars">
        {SIDES.map((side) => (
          <Bar key={side} side={side} bar={q.bars[side]} label={label} threshold={threshold} />
        ))}
      </div>
      <p className={`gap-sentence gap-sentence-${kind}`} data-testid={`gap-sentence-${q.questionId}`}>
        {kind === 'unknown'
          ? t('sevenQuestions.gap.unknown')
          : kind === 'same'
            ? t('sevenQuestions.gap.same', { share: q.jaPercent.patient ?? 0 })
            : t(kind === 'staff-higher' ? 'sevenQuestions.gap.staffHigher' : 'sevenQuestions.gap.patientHigher', {
                staff: q.jaPercent.staff ?? 0,
                patient: q.jaPercent.patient ?? 0,
                count: Math.abs(q.gapPoints ?? 0),
              })}
      </p>
      <details className="gap-wording">
        <summary>{t('sevenQuestions.gap.wording')}</summary>
        {SIDES.map((side) => (
          <p key={side}>
            <strong>{t(`sevenQuestions.sideShort.${side}`)}: </strong>
            {texts[side]?.text}
            {texts[side]?.reworded ? <span className="muted small"> {t('sevenQuestions.originalWas', { text: texts[side]?.original ?? '' })}</span> : null}
          </p>
        ))}
      </details>
      {action ? action(q.questionId, texts.patient?.text ?? '') : null}
    </li>
  );
}

function Bar({ side, bar, label, threshold }: { readonly side: Side; readonly bar: SideBar; readonly label: (a: Answer) => string; readonly threshold: number }) {
  const t = useT();
  return (
    <div className={`gap-bar-row gap-bar-${side}`}>
      <p className="gap-side">
        <span className="gap-side-name">{t(`sevenQuestions.sideShort.${side}`)}</span>
        {bar.hidden ? null : <span className="gap-side-n"> {t('sevenQuestions.gap.answers', { count: bar.total })}</span>}
      </p>
      {bar.hidden ? (
        <>
          <div className="gap-bar gap-bar-empty" aria-hidden="true" />
          <p className="gap-bar-text gap-too-few">{t('sevenQuestions.gap.tooFew', { count: threshold })}</p>
        </>
      ) : (
        <>
          <div className="gap-bar" aria-hidden="true">
            {bar.segments.filter((s) => s.count > 0).map((s) => (
              <span key={s.answer} className={`gap-seg gap-seg-${s.answer}`} style={{ width: `${s.share * 100}%` }}>
                {s.share >= 0.3 ? (
                  <span className="gap-seg-label">{t('sevenQuestions.gap.segmentLabel', { answer: label(s.answer), percent: s.percent })}</span>
                ) : s.share >= 0.12 ? (
                  <span className="gap-seg-label">{t('sevenQuestions.gap.percent', { value: s.percent })}</span>
                ) : null}
              </span>
            ))}
          </div>
          <p className="gap-bar-text">
            {bar.segments.map((s) => t('sevenQuestions.gap.segment', { answer: label(s.answer), count: s.count, percent: s.percent })).join(' · ')}
          </p>
        </>
      )}
    </div>
  );
}
