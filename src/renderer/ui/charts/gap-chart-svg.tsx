/**
 * The seven questions' gap chart as an image: the same drawing as in the exports (core gap-chart
 * layout), with "Spara som bild". The live, interactive view with its table alternative is
 * features/instruments/seven-questions/gap-chart.tsx; this one is for saving and for print-like
 * places (a results page, the report preview).
 *
 *   <GapChartSvg result={publishedResult} pack={sevenQuestionsPack} />
 */
import { useId } from 'react';
import { layoutGapChart, type GapChartLabels } from '../../../core/charts/gap-chart-layout';
import { gapChartScene } from '../../../core/charts/gap-chart-scene';
import { sceneToSvg } from '../../../core/charts/svg';
import type { PackOf } from '../../../core/instruments/content-pack';
import type { SevenQuestionsResult } from '../../../core/instruments/seven-questions-results';
import { ANSWERS, type Answer } from '../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../i18n';
import { ChartActions } from './chart-actions';
import { formatChartNumber } from './chart-format';
import { SceneSvg } from './scene-svg';
import './charts.css';

export interface GapChartSvgProps {
  readonly result: SevenQuestionsResult;
  readonly pack: PackOf<'seven-questions'>;
  /** Drawing width in px; the height follows from the number of questions. Default 720. */
  readonly width?: number;
}

export function GapChartSvg({ result, pack, width = 720 }: GapChartSvgProps) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const answerLabel = (a: Answer) => pack.content.scale.find((s) => s.id === a)?.label[language] ?? a;
  const labels: GapChartLabels = {
    question: (questionId) => {
      const question = pack.content.questions.find((q) => q.id === questionId);
      return t('sevenQuestions.gap.questionTitle', { no: question?.no ?? 0, theme: question?.theme[language] ?? questionId });
    },
    side: { patient: t('sevenQuestions.sideShort.patient'), staff: t('sevenQuestions.sideShort.staff') },
    answer: Object.fromEntries(ANSWERS.map((a) => [a, answerLabel(a)])) as Record<Answer, string>,
    tooFew: t('sevenQuestions.gap.tooFew', { count: result.threshold }),
    answers: (count) => t('sevenQuestions.gap.answers', { count }),
    gap: (points) => t('charts.gapChart.gap', { sign: points > 0 ? '+' : points < 0 ? '−' : '', points: formatChartNumber(Math.abs(points), language) }),
    gapHeading: t('sevenQuestions.gap.colGap'),
  };
  const scene = gapChartScene(
    layoutGapChart({
      result,
      title: t('charts.gapChart.title'),
      description: t('charts.gapChart.description'),
      labels,
      width,
      formatPercent: (p) => t('sevenQuestions.gap.percent', { value: p }),
    }),
  );
  return (
    <figure className="chart-figure gap-chart-figure" data-testid="gap-chart-svg">
      <div className="chart-frame">
        <SceneSvg scene={scene} idPrefix={`${id}gc`} />
      </div>
      <ChartActions svg={() => sceneToSvg(scene, { idPrefix: 'gap-chart-' })} width={scene.width} height={scene.height} fileName={t('charts.gapChart.title')} />
    </figure>
  );
}
