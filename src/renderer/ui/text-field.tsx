import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldText {
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | null | undefined;
  /** Visually hides the label while keeping it as the accessible name. */
  readonly hideLabel?: boolean;
}

function useFieldIds(hint: string | undefined, error: string | null | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return { id, hintId, errorId, describedBy: describedBy || undefined };
}

function FieldFrame({
  id,
  hintId,
  errorId,
  label,
  hint,
  error,
  hideLabel,
  children,
}: FieldText & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export type TextFieldProps = FieldText & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled single-line input; hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, hideLabel, className, ...rest }: TextFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error} hideLabel={hideLabel ?? false}>
      <input
        {...rest}
        id={ids.id}
        className={['input', className ?? ''].join(' ').trim()}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

export type TextAreaFieldProps = FieldText &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ label, hint, error, hideLabel, className, ...rest }: TextAreaFieldProps) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error} hideLabel={hideLabel ?? false}>
      <textarea
        {...rest}
        id={ids.id}
        className={['input', className ?? ''].join(' ').trim()}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}
