import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  GROUP_MODES,
  STEP_TEXT_MAX,
  STEP_TITLE_MAX,
  addStep,
  updateStep,
  type Step,
} from '../../../core/workshop/agenda';
import { stepTypeIds } from '../../../core/workshop/step-types';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Notice } from '../../ui/notice';
import { TextAreaField, TextField } from '../../ui/text-field';
import { StepConfigFields } from './step-config-fields';
import { instrumentViews } from '../instruments';
import { changeType, draftFromStep, draftToInput, newDraft, type DraftProblem, type StepDraft } from './step-draft';
import { StepTypeIcon } from './step-type-icon';
import { stepTypeDescription, stepTypeLabel } from './step-type-text';
import { useInitialFocus } from '../../ui/use-initial-focus';

export interface StepDialogProps {
  readonly control: Y.Doc;
  readonly steps: readonly Step[];
  /** The step to edit, or null to add a new one at the end. */
  readonly step: Step | null;
  readonly open: boolean;
  readonly onClose: () => void;
  /** Called after a successful save with the saved step's id and title. */
  readonly onSaved: (stepId: string, title: string, added: boolean) => void;
}

/** Add or change one step: its type from the registry, the words, the time and the type's settings. */
export function StepDialog({ control, steps, step, open, onClose, onSaved }: StepDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      title={step ? t('agenda.form.editTitle') : t('agenda.form.addTitle')}
      onClose={onClose}
    >
      <StepForm control={control} steps={steps} step={step} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function StepForm({ control, steps, step, onClose, onSaved }: Omit<StepDialogProps, 'open'>) {
  const t = useT();
  const [draft, setDraft] = useState<StepDraft>(() =>
    step ? draftFromStep(step) : newDraft(stepTypeIds()[0] ?? 'note-board'),
  );
  const InstrumentConfig = instrumentViews(draft.type)?.configFields;
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const update = (changes: Partial<StepDraft>) => setDraft((d) => ({ ...d, ...changes }));
  // Adding: start at the type; editing: start at the heading.
  const formRef = useInitialFocus<HTMLFormElement>(step ? '[data-initial-focus]' : 'input[type=radio]:checked');

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const input = draftToInput(draft);
    if ('problem' in input) {
      setProblem(input.problem);
      return;
    }
    if (step) {
      if (!updateStep(control, step.id, input)) {
        setProblem('invalid');
        return;
      }
      onSaved(step.id, input.title, false);
    } else {
      const added = addStep(control, input);
      onSaved(added.id, added.title, true);
    }
    onClose();
  }

  return (
    <form ref={formRef} className="stack step-form" onSubmit={submit} noValidate>
      <TypeChooser
        value={draft.type}
        onChange={(type) => setDraft((d) => changeType(d, type))}
      />
      <TextField
        label={t('agenda.form.title')}
        hint={t('agenda.form.titleHint')}
        error={problem === 'title-missing' ? t('agenda.form.titleMissing') : null}
        value={draft.title}
        maxLength={STEP_TITLE_MAX}
        onChange={(event) => update({ title: event.target.value })}
        data-initial-focus
      />
      <TextAreaField
        label={t('agenda.form.instructions')}
        hint={t('agenda.form.instructionsHint')}
        value={draft.instructions}
        maxLength={STEP_TEXT_MAX}
        rows={3}
        onChange={(event) => update({ instructions: event.target.value })}
      />
      <div className="step-form-row">
        <TextField
          label={t('agenda.form.minutes')}
          error={problem === 'minutes-invalid' ? t('agenda.form.minutesInvalid') : null}
          type="number"
          inputMode="numeric"
          min={0}
          max={480}
          value={draft.minutes}
          onChange={(event) => update({ minutes: event.target.value })}
          className="input-narrow"
        />
        <GroupModeChooser value={draft.groupMode} onChange={(groupMode) => update({ groupMode })} />
      </div>
      <TextAreaField
        label={t('agenda.form.materials')}
        hint={t('agenda.form.materialsHint')}
        value={draft.materials}
        maxLength={STEP_TEXT_MAX}
        rows={2}
        onChange={(event) => update({ materials: event.target.value })}
      />
      <StepConfigFields
        stepId={step?.id ?? null}
        steps={steps}
        config={draft.config}
        onChange={(config) => update({ config })}
      />
      {InstrumentConfig ? <InstrumentConfig config={draft.config} onChange={(config) => update({ config })} /> : null}
      {problem === 'invalid' ? (
        <Notice tone="error" role="alert">
          <p>{t('agenda.form.invalid')}</p>
        </Notice>
      ) : null}
      <div className="row">
        <Button type="submit">{step ? t('agenda.form.save') : t('agenda.form.add')}</Button>
        <Button variant="quiet" onClick={onClose}>
          {t('agenda.form.cancel')}
        </Button>
      </div>
    </form>
  );
}

function TypeChooser({ value, onChange }: { readonly value: string; readonly onChange: (type: string) => void }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="type-chooser">
      <legend className="field-label">{t('agenda.form.type')}</legend>
      <div className="type-options">
        {stepTypeIds().map((id) => (
          <label key={id} className="type-option">
            <input
              type="radio"
              name={name}
              value={id}
              checked={value === id}
              onChange={() => onChange(id)}
            />
            <StepTypeIcon type={id} />
            <span>
              <span className="type-option-label">{stepTypeLabel(t, id)}</span>
              <span className="type-option-description">{stepTypeDescription(t, id)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function GroupModeChooser({
  value,
  onChange,
}: {
  readonly value: Step['groupMode'];
  readonly onChange: (mode: Step['groupMode']) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="group-mode-chooser">
      <legend className="field-label">{t('agenda.form.groupMode')}</legend>
      <div className="row">
        {GROUP_MODES.map((mode) => (
          <label key={mode} className="radio-option">
            <input
              type="radio"
              name={name}
              value={mode}
              checked={value === mode}
              onChange={() => onChange(mode)}
            />
            <span>{t(`agenda.groupMode.${mode}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
