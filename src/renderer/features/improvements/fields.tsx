/** Small form pieces the improvement screens share: every one labelled, keyboard-usable, ≥ 48 px. */
import { useId, type ReactNode } from 'react';
import { TEXT_LONG } from '../../../core/improvement/model';
import { TextAreaField } from '../../ui/text-field';

export interface LongTextProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly rows?: number;
  readonly testId?: string;
}

/** A textarea that grows with its text (CSS `field-sizing`, where the browser has it). */
export function LongText({ label, value, onChange, hint, rows = 2, testId }: LongTextProps) {
  return (
    <TextAreaField
      label={label}
      hint={hint}
      value={value}
      rows={rows}
      maxLength={TEXT_LONG}
      className="improvement-textarea"
      data-testid={testId}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export interface DateFieldProps {
  readonly label: string;
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
}

export function DateField({ label, value, onChange }: DateFieldProps) {
  const id = useId();
  return (
    <div className="field improvement-date">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="input"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      />
    </div>
  );
}

export interface ChoiceProps<T extends string> {
  readonly legend: string;
  readonly options: readonly T[];
  readonly value: T | null;
  readonly label: (option: T) => string;
  readonly hint?: (option: T) => string;
  readonly onChange: (value: T) => void;
  readonly name?: string;
}

/** Radio buttons as large tiles in a fieldset (arrow keys move between them, as radios do). */
export function Choice<T extends string>({ legend, options, value, label, hint, onChange }: ChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className="choice">
      <legend className="field-label">{legend}</legend>
      <div className="choice-options">
        {options.map((option) => (
          <label key={option} className="choice-option">
            <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
            <span>
              <span className="choice-title">{label(option)}</span>
              {hint ? <span className="choice-hint">{hint(option)}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface QuestionSectionProps {
  readonly number: 1 | 2 | 3;
  readonly question: string;
  readonly intro: string;
  readonly id: string;
  readonly children: ReactNode;
}

/** One of the Model for Improvement's three questions, as a numbered section of the page. */
export function QuestionSection({ number, question, intro, id, children }: QuestionSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} className="question-section" aria-labelledby={headingId}>
      <header className="question-head">
        <span className="question-number" aria-hidden="true">
          {number}
        </span>
        <div className="stack-sm">
          <h2 id={headingId} className="question-title" tabIndex={-1}>
            {question}
          </h2>
          <p className="muted question-intro">{intro}</p>
        </div>
      </header>
      <div className="question-body stack">{children}</div>
    </section>
  );
}
