import { useId, type InputHTMLAttributes } from 'react';
import { FieldError } from './FieldError';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  label: string;
  /** The field's name in the contract's input: issues with this path show under it. */
  name: string;
  hint?: string;
  /** The issue message of this field, if it was refused. */
  issue?: string | undefined;
  testId: string;
}

/** A labelled input with its hint and, when refused, the reason under it. */
export function TextField({ label, name, hint, issue, testId, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, issue ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        name={name}
        className="field__input"
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {issue && <FieldError id={errorId} field={name} issue={issue} />}
    </div>
  );
}
