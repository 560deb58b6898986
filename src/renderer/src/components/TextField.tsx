import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { FieldError } from './FieldError';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  label: string;
  /** The field's name in the contract's input: issues with this path show under it. */
  name: string;
  hint?: string;
  /** The issue message of this field, if it was refused. */
  issue?: string | undefined;
  /**
   * The id of the form's sentence that refuses this field's value (a wrong password): the field is then
   * marked invalid and described by it, as by an issue of its own.
   */
  refusedBy?: string | undefined;
  testId: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and, when refused, the reason under it. */
export function TextField({ label, name, hint, issue, refusedBy, testId, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, issue ? errorId : null, refusedBy ?? null].filter(Boolean).join(' ') || undefined;
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
        ref={ref}
        id={id}
        name={name}
        className="field__input"
        aria-invalid={issue || refusedBy ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {issue && <FieldError id={errorId} field={name} issue={issue} />}
    </div>
  );
}
