import type { PackOf } from '../../../../core/instruments/content-pack';
import type { SevenQuestionsResult } from '../../../../core/instruments/seven-questions-results';
import { ANSWERS, SIDES, type Answer } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { gapModel } from './gap-model';

/** The gap view's numbers as a table: the chart's text alternative, and what prints cleanly. */
export function GapTable({ result, pack, label }: { readonly result: SevenQuestionsResult; readonly pack: PackOf<'seven-questions'>; readonly label: (a: Answer) => string }) {
  const t = useT();
  const lang = useLanguage();
  const model = gapModel(result);
  return (
    <table className="gap-table" data-testid="gap-table">
      <caption>{t('sevenQuestions.gap.tableCaption', { count: result.threshold })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sevenQuestions.gap.colQuestion')}</th>
          <th scope="col">{t('sevenQuestions.gap.colSide')}</th>
          {ANSWERS.map((a) => (
            <th key={a} scope="col">{label(a)}</th>
          ))}
          <th scope="col">{t('sevenQuestions.gap.colJa')}</th>
          <th scope="col">{t('sevenQuestions.gap.colGap')}</th>
        </tr>
      </thead>
      <tbody>
        {model.flatMap((q) => {
          const question = pack.content.questions.find((x) => x.id === q.questionId);
          return SIDES.map((side, i) => {
            const bar = q.bars[side];
            return (
              <tr key={`${q.questionId}-${side}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={2}>
                    {t('sevenQuestions.gap.questionTitle', { no: question?.no ?? 0, theme: question?.theme[lang] ?? q.questionId })}
                  </th>
                ) : null}
                <th scope="row">{t(`sevenQuestions.sideShort.${side}`)}</th>
                {bar.hidden ? (
                  <td colSpan={ANSWERS.length + 1}>{t('sevenQuestions.gap.tooFew', { count: result.threshold })}</td>
                ) : (
                  <>
                    {bar.segments.map((s) => (
                      <td key={s.answer}>{t('sevenQuestions.gap.cell', { count: s.count, percent: s.percent })}</td>
                    ))}
                    <td>{q.jaPercent[side] === null ? '–' : t('sevenQuestions.gap.percent', { value: q.jaPercent[side] })}</td>
                  </>
                )}
                {i === 0 ? (
                  <td rowSpan={2}>{q.gapPoints === null ? '–' : t('sevenQuestions.gap.points', { count: q.gapPoints })}</td>
                ) : null}
              </tr>
            );
          });
        })}
      </tbody>
    </table>
  );
}
