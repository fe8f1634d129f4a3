import { ACT_DECISIONS, IMPROVED_ANSWERS, type PdsaCycle } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Choice, DateField, LongText } from './fields';

interface PartProps {
  readonly cycle: PdsaCycle;
  readonly change: (next: (cycle: PdsaCycle) => PdsaCycle) => void;
}

/** Göra: what happened, and what was seen that the plan did not ask about. */
export function DoPart({ cycle, change }: PartProps) {
  const t = useT();
  const set = (patch: Partial<PdsaCycle['do']>) => change((c) => ({ ...c, do: { ...c.do, ...patch } }));
  return (
    <div className="stack">
      <LongText label={t('improvements.do.whatHappened')} hint={t('improvements.do.whatHappenedHint')} value={cycle.do.whatHappened} rows={3} onChange={(whatHappened) => set({ whatHappened })} />
      <LongText label={t('improvements.do.observations')} hint={t('improvements.do.observationsHint')} value={cycle.do.observations} onChange={(observations) => set({ observations })} />
      <div className="form-grid">
        <DateField label={t('improvements.do.endDate')} value={cycle.do.endDate} onChange={(endDate) => set({ endDate })} />
      </div>
    </div>
  );
}

/** Studera: each prediction against what happened, what we learnt, and did it improve. */
export function StudyPart({ cycle, change }: PartProps) {
  const t = useT();
  const set = (patch: Partial<PdsaCycle['study']>) => change((c) => ({ ...c, study: { ...c.study, ...patch } }));
  return (
    <div className="stack">
      {cycle.plan.questions.length === 0 ? <p className="muted">{t('improvements.study.noQuestions')}</p> : null}
      <ol className="plain-list stack">
        {cycle.plan.questions.map((q, index) => {
          const result = cycle.study.results.find((r) => r.questionId === q.id)?.result ?? '';
          return (
            <li key={q.id} className="study-pair">
              <dl className="prediction-recap">
                <dt>{t('improvements.plan.question', { n: index + 1 })}</dt>
                <dd>{q.question || '–'}</dd>
                <dt>{t('improvements.study.predicted')}</dt>
                <dd>{q.prediction || '–'}</dd>
              </dl>
              <LongText
                label={t('improvements.study.result', { n: index + 1 })}
                value={result}
                onChange={(text) =>
                  set({ results: cycle.plan.questions.map((x) => ({ questionId: x.id, result: x.id === q.id ? text : (cycle.study.results.find((r) => r.questionId === x.id)?.result ?? '') })) })
                }
              />
            </li>
          );
        })}
      </ol>
      <LongText label={t('improvements.study.learning')} value={cycle.study.learning} onChange={(learning) => set({ learning })} />
      <LongText label={t('improvements.study.summary')} hint={t('improvements.study.summaryHint')} value={cycle.study.summary} onChange={(summary) => set({ summary })} />
      <Choice
        legend={t('improvements.study.improved')}
        options={IMPROVED_ANSWERS}
        value={cycle.study.improved}
        label={(answer) => t(`improvements.improved.${answer}`)}
        onChange={(improved) => set({ improved })}
      />
    </div>
  );
}

/** Agera: adopt, adapt, abandon or scale up, the next steps, and the next cycle in the series. */
export function ActPart({ cycle, change, onNextCycle, hasNext }: PartProps & { readonly onNextCycle: () => void; readonly hasNext: boolean }) {
  const t = useT();
  const set = (patch: Partial<PdsaCycle['act']>) => change((c) => ({ ...c, act: { ...c.act, ...patch } }));
  return (
    <div className="stack">
      <Choice
        legend={t('improvements.act.decision')}
        options={ACT_DECISIONS}
        value={cycle.act.decision}
        label={(decision) => t(`improvements.decision.${decision}`)}
        hint={(decision) => t(`improvements.decisionHint.${decision}`)}
        onChange={(decision) => set({ decision })}
      />
      <LongText label={t('improvements.act.nextSteps')} value={cycle.act.nextSteps} rows={3} onChange={(nextSteps) => set({ nextSteps })} />
      {hasNext ? null : (
        <div>
          <Button onClick={onNextCycle}>{t('improvements.act.planNext', { n: cycle.number + 1 })}</Button>
        </div>
      )}
    </div>
  );
}
