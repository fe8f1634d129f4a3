import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import type { ProjectorInstrumentProps } from '../registry';
import { useAnswered } from '../../steps/use-workshop';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { GapChart } from './gap-chart';
import { sevenConfig, useSevenResult } from './use-seven-result';
import './seven-results.css';

/** The room's screen: "N har svarat" while people answer, then the gap chart in big type. */
export default function SevenQuestionsProjector({ connection, step }: ProjectorInstrumentProps) {
  const t = useT();
  const lang = useLanguage();
  const token = useFacilitatorToken();
  const config = sevenConfig(step);
  const { pack } = useContentPack(token, config.packId, 'seven-questions');
  const result = useSevenResult(connection.control, step.id);
  const answered = useAnswered(connection.control, step.id);
  if (!pack) return <Loading />;
  if (!result) {
    return (
      <div className="projector-waiting stack">
        <p>{t('sevenQuestions.projector.answerNow')}</p>
        <p className="projector-fact" data-testid="seven-projector-answered">{t('sevenQuestions.projector.answered', { count: new Set(answered).size })}</p>
        <p className="muted">{t('sevenQuestions.anonymousTitle')}</p>
        <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
      </div>
    );
  }
  return (
    <div className="stack seven-projector">
      <p className="seven-projector-lead">{pack.title[lang]}</p>
      <GapChart result={result} pack={pack} config={config} large />
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
    </div>
  );
}
