import { useMemo, useState } from 'react';
import { wordingForRole } from '../../../../core/instruments/seven-questions';
import { isParticipantRole } from '../../../../core/roles';
import { publishSevenResults } from '../../../api/facilitator-api';
import { errorCodeOf } from '../../../api/api-error';
import { useLanguage, useT } from '../../../i18n';
import { usePresence } from '../../../sync/use-presence';
import { Button } from '../../../ui/button';
import { useAnnounce } from '../../../ui/live-region';
import { Loading } from '../../../ui/spinner';
import { Notice } from '../../../ui/notice';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import type { FacilitatorInstrumentProps } from '../registry';
import { useAnswered } from '../../steps/use-workshop';
import { SourceLine } from '../pack-support/source-line';
import { useContentPack } from '../pack-support/use-content-pack';
import { useFacilitatorToken } from '../pack-support/use-facilitator-token';
import { MakeChangeIdeaButton } from '../../improvements/make-change-idea';
import { GapChart } from './gap-chart';
import { sevenConfig, useSevenResult } from './use-seven-result';
import './seven-results.css';

/** Who has answered, per side: counts only (never who answered what). */
function useAnsweredBySide(props: FacilitatorInstrumentProps) {
  const answered = useAnswered(props.connection.control, props.step.id);
  const people = usePresence(props.connection.awareness);
  const config = sevenConfig(props.step);
  return useMemo(() => {
    const roles = new Map(people.flatMap((p) => (p.user.participantId ? [[p.user.participantId, p.user.role] as const] : [])));
    const counts = { patient: 0, staff: 0, choose: 0, away: 0 };
    for (const id of new Set(answered)) {
      const role = roles.get(id);
      if (!role || !isParticipantRole(role)) counts.away += 1;
      else counts[wordingForRole(role, config.otherRole)] += 1;
    }
    return { ...counts, total: new Set(answered).size };
  }, [answered, people, config.otherRole]);
}

export default function SevenQuestionsFacilitator(props: FacilitatorInstrumentProps) {
  const t = useT();
  const lang = useLanguage();
  const announce = useAnnounce();
  const { connection, step } = props;
  const token = useFacilitatorToken();
  const config = sevenConfig(step);
  const { pack, failed } = useContentPack(token, config.packId, 'seven-questions');
  const result = useSevenResult(connection.control, step.id);
  const counts = useAnsweredBySide(props);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function publish(): void {
    setConfirming(false);
    if (!token) return;
    setBusy(true);
    setProblem(null);
    publishSevenResults(token, connection.sessionId, step.id).then(
      () => {
        setBusy(false);
        announce(t('sevenQuestions.run.published'));
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(t(`error.${errorCodeOf(error)}`));
      },
    );
  }

  if (failed) return <Notice tone="error" role="alert"><p>{t('sevenQuestions.packFailed')}</p></Notice>;
  if (!pack) return <Loading />;
  return (
    <div className="stack seven-run">
      {result ? null : (
        <section className="stack-sm" data-testid="seven-answered" aria-label={t('sevenQuestions.run.answeredHeading')}>
          <p className="run-fact" aria-live="polite">{t('sevenQuestions.run.answered', { count: counts.total })}</p>
          <ul className="plain-list seven-side-counts">
            <li>{t('sevenQuestions.run.patientSide', { count: counts.patient })}</li>
            <li>{t('sevenQuestions.run.staffSide', { count: counts.staff })}</li>
            {counts.choose > 0 ? <li>{t('sevenQuestions.run.chooseSide', { count: counts.choose })}</li> : null}
            {counts.away > 0 ? <li>{t('sevenQuestions.run.away', { count: counts.away })}</li> : null}
          </ul>
          <p className="muted small">{t('sevenQuestions.run.privacy', { count: config.threshold })}</p>
          <div className="row">
            <Button onClick={() => setConfirming(true)} busy={busy} disabled={!token}>
              {t('sevenQuestions.run.publish')}
            </Button>
          </div>
          {problem ? <Notice tone="error" role="alert"><p>{problem}</p></Notice> : null}
        </section>
      )}
      {result ? (
        <>
          <section className="stack-sm" aria-label={t('sevenQuestions.gap.heading')}>
            <h3 className="seven-heading">{t('sevenQuestions.gap.heading')}</h3>
            <p className="muted">{t('sevenQuestions.gap.intro', { patients: result.sides.patient.respondents, staff: result.sides.staff.respondents })}</p>
            <GapChart
              result={result}
              pack={pack}
              config={config}
              action={(questionId, quote) => (
                <MakeChangeIdeaButton from={{ kind: 'gap', sessionId: connection.sessionId, stepId: step.id, refId: questionId }} quote={quote} />
              )}
            />
            <AllJa patient={result.sides.patient.allJa} staff={result.sides.staff.allJa} />
          </section>
          <section className="stack-sm seven-follow-up" aria-labelledby={`${step.id}-follow`}>
            <h3 id={`${step.id}-follow`} className="seven-heading">{t('sevenQuestions.followUpHeading')}</h3>
            <p>{pack.content.followUpIntro[lang]}</p>
            <ol className="plain-list stack-sm" data-testid="seven-follow-up">
              {pack.content.followUp.map((item) => (
                <li key={item.id}>
                  <label className="checkbox seven-check">
                    <input type="checkbox" />
                    <span>{item.text[lang]}</span>
                  </label>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
      <SourceLine pack={pack} item={{ source: pack.source, ref: pack.ref }} />
      <ConfirmDialog
        open={confirming}
        title={t('sevenQuestions.run.confirmTitle')}
        body={t('sevenQuestions.run.confirmBody', { count: config.threshold })}
        confirmLabel={t('sevenQuestions.run.publish')}
        onConfirm={publish}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}

function AllJa({ patient, staff }: { readonly patient: number | null; readonly staff: number | null }) {
  const t = useT();
  const text = (n: number | null) => (n === null ? t('sevenQuestions.gap.tooFewShort') : String(n));
  return <p className="muted">{t('sevenQuestions.gap.allJa', { patient: text(patient), staff: text(staff) })}</p>;
}
