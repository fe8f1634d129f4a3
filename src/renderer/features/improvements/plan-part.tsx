import { useState, type FormEvent } from 'react';
import { createItemId } from '../../../core/ids';
import { SYSTEM_LEVELS, TEXT_SHORT, type Improvement, type PdsaCycle, type Task } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { syncResults } from './edit-improvement';
import { Choice, DateField, LongText } from './fields';

interface PartProps {
  readonly improvement: Improvement;
  readonly cycle: PdsaCycle;
  readonly change: (next: (cycle: PdsaCycle) => PdsaCycle) => void;
}

type Plan = PdsaCycle['plan'];

/** Planera (the IHI PDSA worksheet): objective, questions with predictions, who/what/when/where, tasks, data. */
export function PlanPart({ improvement, cycle, change }: PartProps) {
  const t = useT();
  const plan = cycle.plan;
  const setPlan = (patch: Partial<Plan>) => change((c) => ({ ...c, plan: { ...c.plan, ...patch } }));
  const setQuestions = (questions: Plan['questions']) => change((c) => syncResults({ ...c, plan: { ...c.plan, questions } }));
  return (
    <div className="stack">
      <TextField
        label={t('improvements.plan.title')}
        hint={t('improvements.plan.titleHint')}
        value={cycle.title}
        maxLength={TEXT_SHORT}
        onChange={(e) => change((c) => ({ ...c, title: e.target.value }))}
      />
      <LongText label={t('improvements.plan.objective')} hint={t('improvements.plan.objectiveHint')} value={plan.objective} onChange={(objective) => setPlan({ objective })} />

      <fieldset className="part-group stack-sm">
        <legend className="minor-heading">{t('improvements.plan.questionsHeading')}</legend>
        <p className="muted small">{t('improvements.plan.questionsHint')}</p>
        <ol className="plain-list stack-sm">
          {plan.questions.map((q, index) => (
            <li key={q.id} className="question-pair" data-testid="plan-question">
              <LongText
                label={t('improvements.plan.question', { n: index + 1 })}
                value={q.question}
                onChange={(question) => setQuestions(plan.questions.map((x) => (x.id === q.id ? { ...x, question } : x)))}
              />
              <LongText
                label={t('improvements.plan.prediction', { n: index + 1 })}
                value={q.prediction}
                onChange={(prediction) => setQuestions(plan.questions.map((x) => (x.id === q.id ? { ...x, prediction } : x)))}
              />
              <Button variant="quiet" onClick={() => setQuestions(plan.questions.filter((x) => x.id !== q.id))} aria-label={t('improvements.plan.removeQuestion', { n: index + 1 })}>
                {t('improvements.remove')}
              </Button>
            </li>
          ))}
        </ol>
        <div>
          <Button variant="secondary" onClick={() => setQuestions([...plan.questions, { id: createItemId(), question: '', prediction: '' }])}>
            {t('improvements.plan.addQuestion')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="part-group">
        <legend className="minor-heading">{t('improvements.plan.wwwwHeading')}</legend>
        <div className="form-grid">
          <LongText label={t('improvements.plan.what')} value={plan.what} onChange={(what) => setPlan({ what })} />
          <LongText label={t('improvements.plan.who')} value={plan.who} onChange={(who) => setPlan({ who })} />
          <LongText label={t('improvements.plan.when')} value={plan.when} onChange={(when) => setPlan({ when })} />
          <LongText label={t('improvements.plan.where')} value={plan.where} onChange={(where) => setPlan({ where })} />
        </div>
      </fieldset>

      <Tasks tasks={plan.tasks} onChange={(tasks) => setPlan({ tasks })} />

      <LongText label={t('improvements.plan.dataCollection')} hint={t('improvements.plan.dataCollectionHint')} value={plan.dataCollection} onChange={(dataCollection) => setPlan({ dataCollection })} />
      <LongText label={t('improvements.plan.patientExperience')} value={plan.patientExperience} onChange={(patientExperience) => setPlan({ patientExperience })} />
      {improvement.measures.length > 0 ? (
        <fieldset className="part-group">
          <legend className="field-label">{t('improvements.plan.measures')}</legend>
          <p className="muted small">{t('improvements.plan.measuresHint')}</p>
          {improvement.measures.map((m) => (
            <label key={m.id} className="checkbox">
              <input
                type="checkbox"
                checked={cycle.measureIds.includes(m.id)}
                onChange={(e) =>
                  change((c) => ({ ...c, measureIds: e.target.checked ? [...c.measureIds, m.id] : c.measureIds.filter((id) => id !== m.id) }))
                }
              />
              <span>{m.name}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="form-grid">
        <DateField label={t('improvements.plan.startDate')} value={plan.startDate} onChange={(startDate) => setPlan({ startDate })} />
      </div>
      <Choice
        legend={t('improvements.plan.systemLevel')}
        options={SYSTEM_LEVELS}
        value={cycle.systemLevel}
        label={(level) => t(`improvements.level.${level}`)}
        hint={(level) => t(`improvements.levelHint.${level}`)}
        onChange={(systemLevel) => change((c) => ({ ...c, systemLevel }))}
      />
      <LongText
        label={t('improvements.plan.consequences')}
        hint={t('improvements.plan.consequencesHint')}
        value={cycle.consequencesElsewhere}
        onChange={(consequencesElsewhere) => change((c) => ({ ...c, consequencesElsewhere }))}
      />
    </div>
  );
}

function Tasks({ tasks, onChange }: { readonly tasks: readonly Task[]; readonly onChange: (tasks: Task[]) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent): void {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('improvements.plan.taskMissing'));
      return;
    }
    onChange([...tasks, { id: createItemId(), text: text.trim(), owner: owner.trim(), due, done: false }]);
    setText('');
    setOwner('');
    setDue(null);
    setError(null);
  }

  return (
    <fieldset className="part-group stack-sm">
      <legend className="minor-heading">{t('improvements.plan.tasksHeading')}</legend>
      {tasks.length > 0 ? (
        <ul className="plain-list task-list">
          {tasks.map((task) => (
            <li key={task.id} className={task.done ? 'task-row is-done' : 'task-row'}>
              <label className="checkbox">
                <input type="checkbox" checked={task.done} onChange={(e) => onChange(tasks.map((x) => (x.id === task.id ? { ...x, done: e.target.checked } : x)))} />
                <span>{task.text}</span>
              </label>
              <span className="muted small">
                {[task.owner, task.due ? t('improvements.plan.dueOn', { date: task.due }) : ''].filter(Boolean).join(' · ')}
              </span>
              <Button variant="quiet" aria-label={t('improvements.plan.removeTask', { task: task.text.slice(0, 60) })} onClick={() => onChange(tasks.filter((x) => x.id !== task.id))}>
                {t('improvements.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="task-add">
        <TextField label={t('improvements.plan.task')} value={text} maxLength={TEXT_SHORT} error={error} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add(e)} />
        <TextField label={t('improvements.plan.owner')} value={owner} maxLength={TEXT_SHORT} onChange={(e) => setOwner(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add(e)} />
        <DateField label={t('improvements.plan.due')} value={due} onChange={setDue} />
        <Button variant="secondary" onClick={add}>
          {t('improvements.plan.addTask')}
        </Button>
      </div>
    </fieldset>
  );
}
