import { useState, type FormEvent } from 'react';
import { createItemId } from '../../../core/ids';
import { DIRECTIONS, MEASURE_KINDS, TEXT_SHORT, type Measure } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { Choice, LongText } from './fields';

interface Props {
  readonly measure?: Measure;
  readonly onDone: (measure: Measure) => void;
  readonly onCancel: () => void;
}

/** A measure's definition: name, kind, what exactly is counted, unit, and which way is better. */
export function MeasureForm({ measure, onDone, onCancel }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<Measure>(
    () => measure ?? { id: createItemId(), name: '', kind: 'outcome', definition: '', unit: '', direction: 'up', baselinePoints: null, points: [] },
  );
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (draft.name.trim().length === 0) {
      setError(t('improvements.q2.nameMissing'));
      return;
    }
    onDone({ ...draft, name: draft.name.trim(), unit: draft.unit.trim() });
  }

  return (
    <form className="measure-form card stack" onSubmit={submit} noValidate data-testid="measure-form">
      <h3 className="subheading">{measure ? t('improvements.q2.editHeading') : t('improvements.q2.newHeading')}</h3>
      <TextField
        label={t('improvements.q2.name')}
        hint={t('improvements.q2.nameHint')}
        value={draft.name}
        maxLength={TEXT_SHORT}
        error={error}
        onChange={(event) => {
          setDraft({ ...draft, name: event.target.value });
          setError(null);
        }}
      />
      <Choice
        legend={t('improvements.q2.kind')}
        options={MEASURE_KINDS}
        value={draft.kind}
        label={(kind) => t(`improvements.measureKind.${kind}`)}
        hint={(kind) => t(`improvements.measureKindHint.${kind}`)}
        onChange={(kind) => setDraft({ ...draft, kind })}
      />
      <LongText
        label={t('improvements.q2.definition')}
        hint={t('improvements.q2.definitionHint')}
        value={draft.definition}
        onChange={(definition) => setDraft({ ...draft, definition })}
      />
      <div className="form-grid">
        <TextField
          label={t('improvements.q2.unit')}
          hint={t('improvements.q2.unitHint')}
          value={draft.unit}
          maxLength={TEXT_SHORT}
          onChange={(event) => setDraft({ ...draft, unit: event.target.value })}
        />
        <TextField
          label={t('improvements.q2.baseline')}
          hint={t('improvements.q2.baselineHint')}
          type="number"
          min={1}
          inputMode="numeric"
          value={draft.baselinePoints ?? ''}
          onChange={(event) => {
            const n = Number.parseInt(event.target.value, 10);
            setDraft({ ...draft, baselinePoints: Number.isFinite(n) && n >= 1 ? n : null });
          }}
        />
      </div>
      <Choice
        legend={t('improvements.q2.direction')}
        options={DIRECTIONS}
        value={draft.direction}
        label={(direction) => t(`improvements.direction.${direction}`)}
        onChange={(direction) => setDraft({ ...draft, direction })}
      />
      <div className="row">
        <Button type="submit">{measure ? t('improvements.q2.saveMeasure') : t('improvements.q2.addMeasure')}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('improvements.cancel')}
        </Button>
      </div>
    </form>
  );
}
