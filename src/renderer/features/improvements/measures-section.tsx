import { useState } from 'react';
import type { Improvement } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import type { Edit } from './edit-improvement';
import { QuestionSection } from './fields';
import { MeasureCard } from './measure-card';
import { MeasureForm } from './measure-form';

interface Props {
  readonly id: string;
  readonly improvement: Improvement;
  readonly edit: (change: Edit) => void;
  readonly sessionId: string | null;
}

/** Question 2, "Hur vet vi att en förändring är en förbättring?": the measures and their run charts. */
export function MeasuresSection({ id, improvement, edit, sessionId }: Props) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  return (
    <QuestionSection id={id} number={2} question={t('improvements.q2.question')} intro={t('improvements.q2.intro')}>
      {improvement.measures.length === 0 && !adding ? <p className="muted">{t('improvements.q2.empty')}</p> : null}
      {improvement.measures.map((measure) => (
        <MeasureCard key={measure.id} improvement={improvement} measure={measure} edit={edit} sessionId={sessionId} />
      ))}
      {adding ? (
        <MeasureForm
          onCancel={() => setAdding(false)}
          onDone={(measure) => {
            edit((i) => ({ ...i, measures: [...i.measures, measure] }));
            setAdding(false);
          }}
        />
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('improvements.q2.add')}
          </Button>
        </div>
      )}
    </QuestionSection>
  );
}
