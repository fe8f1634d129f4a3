import { useId, useState, type FormEvent } from 'react';
import type { ChangeIdea, Improvement } from '../../../core/improvement/model';
import { TEXT_LONG } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { TextAreaField } from '../../ui/text-field';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { CycleCard } from './cycle-card';
import { addChangeIdeaText, addCycle, editChangeIdea, removeChangeIdea, type Edit } from './edit-improvement';
import { QuestionSection } from './fields';
import { OriginQuote } from './origin-quote';

interface Props {
  readonly id: string;
  readonly improvement: Improvement;
  readonly edit: (change: Edit) => void;
  readonly sessionId: string | null;
}

/** Question 3, "Vilka förändringar leder till en förbättring?": change ideas, their roots and their cycles. */
export function ChangeIdeasSection({ id, improvement, edit, sessionId }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('improvements.q3.ideaMissing'));
      return;
    }
    edit(addChangeIdeaText(text, Date.now()));
    setText('');
    setError(null);
  }
  return (
    <QuestionSection id={id} number={3} question={t('improvements.q3.question')} intro={t('improvements.q3.intro')}>
      {improvement.changeIdeas.length === 0 ? <p className="muted">{t('improvements.q3.empty')}</p> : null}
      {improvement.changeIdeas.map((idea, index) => (
        <ChangeIdeaCard key={idea.id} improvement={improvement} idea={idea} index={index} edit={edit} sessionId={sessionId} />
      ))}
      <form className="idea-add stack-sm" onSubmit={add} noValidate>
        <TextAreaField
          label={t('improvements.q3.newLabel')}
          hint={t('improvements.q3.newHint')}
          rows={2}
          value={text}
          maxLength={TEXT_LONG}
          error={error}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t('improvements.q3.add')}
          </Button>
        </div>
      </form>
    </QuestionSection>
  );
}

interface CardProps extends Omit<Props, 'id'> {
  readonly idea: ChangeIdea;
  readonly index: number;
}

function ChangeIdeaCard({ improvement, idea, index, edit, sessionId }: CardProps) {
  const t = useT();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const cycles = improvement.cycles.filter((c) => c.changeIdeaId === idea.id).sort((a, b) => a.number - b.number);
  const [opened, setOpened] = useState<string | null>(null);
  const latest = cycles.at(-1);

  function planNext(): void {
    const { edit: change, cycleId } = addCycle(idea.id, sessionId, Date.now());
    edit(change);
    setOpened(cycleId);
  }

  return (
    <article className="idea-card card stack" aria-labelledby={headingId} data-testid="change-idea">
      <header className="idea-head">
        <p className="eyebrow">{t('improvements.q3.ideaEyebrow', { n: index + 1 })}</p>
        {editing ? (
          <TextAreaField
            label={t('improvements.q3.ideaText')}
            rows={2}
            value={idea.text}
            maxLength={TEXT_LONG}
            error={idea.text.trim() ? null : t('improvements.q3.ideaMissing')}
            onChange={(e) => edit(editChangeIdea(idea.id, (i) => ({ ...i, text: e.target.value })))}
          />
        ) : (
          <h3 id={headingId} className="idea-text">
            {idea.text}
          </h3>
        )}
        <div className="row">
          <Button variant="quiet" onClick={() => setEditing(!editing)}>
            {editing ? t('improvements.done') : t('improvements.q3.rephrase')}
          </Button>
          <Button variant="quiet" onClick={() => setRemoving(true)} aria-label={t('improvements.q3.removeNamed', { text: idea.text.slice(0, 60) })}>
            {t('improvements.remove')}
          </Button>
        </div>
      </header>
      {idea.origins.length > 0 ? (
        <div className="idea-roots stack-sm" data-testid="origins">
          <h4 className="minor-heading">{t('improvements.q3.rootsHeading')}</h4>
          {idea.origins.map((origin) => (
            <OriginQuote key={`${origin.sessionId}-${origin.refId}`} origin={origin} />
          ))}
        </div>
      ) : null}
      <div className="stack-sm">
        <h4 className="minor-heading">{t('improvements.cycle.heading')}</h4>
        {cycles.length === 0 ? <p className="muted small">{t('improvements.cycle.none')}</p> : null}
        <ol className="plain-list cycle-list">
          {cycles.map((cycle) => (
            <CycleCard
              key={cycle.id}
              improvement={improvement}
              cycle={cycle}
              edit={edit}
              initiallyOpen={cycle.id === opened || (opened === null && cycle === latest)}
              onNextCycle={planNext}
              hasNext={cycle !== latest}
            />
          ))}
        </ol>
        {cycles.length === 0 ? (
          <div>
            <Button onClick={planNext}>{t('improvements.cycle.planFirst')}</Button>
          </div>
        ) : null}
      </div>
      <ConfirmDialog
        open={removing}
        title={t('improvements.q3.removeTitle')}
        body={t('improvements.q3.removeBody', { count: cycles.length })}
        confirmLabel={t('improvements.remove')}
        onConfirm={() => {
          setRemoving(false);
          edit(removeChangeIdea(idea.id));
        }}
        onClose={() => setRemoving(false)}
      />
    </article>
  );
}
