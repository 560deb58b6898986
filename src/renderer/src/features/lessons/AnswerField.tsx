import { useId } from 'react';
import type { ExerciseView } from '../../../../shared/contract';
import { localeOf, useLanguage, useT } from '../../i18n';
import { ANSWER_MAX_LENGTH, readNumber } from './exercise-answer';

interface AnswerFieldProps {
  exercise: ExerciseView;
  text: string;
  onChange: (text: string) => void;
  disabled: boolean;
}

/** The typed answer of a numeric, short-text or ЕГЭ exercise, with its unit and how a number is read. */
export function AnswerField({ exercise, text, onChange, disabled }: AnswerFieldProps) {
  const t = useT();
  const id = useId();
  const language = useLanguage((state) => state.language);
  const numeric = exercise.type === 'numeric';
  const reading = numeric ? readNumber(text) : null;
  const hint = numeric ? t('exercise.numberHint') : exercise.type === 'ege_short' ? t('exercise.egeHint') : null;
  // «2,5», «3/4» or «1 000» is understood: say how, unless it is written exactly as it reads.
  const shown = reading?.kind === 'number' ? new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 6, useGrouping: false }).format(reading.value) : null;
  const understood = shown !== null && shown !== text.trim() ? t('exercise.numberUnderstood', { value: shown }) : null;
  const note = reading?.kind === 'invalid' || understood !== null;
  const describedBy = [hint ? `${id}-hint` : null, note ? `${id}-note` : null, exercise.unit ? `${id}-unit` : null].filter(Boolean).join(' ');
  return (
    <div className="field answer-field">
      <label className="field__label" htmlFor={id}>
        {t('exercise.answer')}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <div className="answer-field__row">
        <input
          id={id}
          type="text"
          inputMode={numeric ? 'decimal' : 'text'}
          autoComplete="off"
          spellCheck={false}
          maxLength={ANSWER_MAX_LENGTH}
          className="field__input answer-field__input"
          value={text}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
          aria-invalid={reading?.kind === 'invalid' ? true : undefined}
          aria-describedby={describedBy || undefined}
          data-testid="exercise-input"
        />
        {exercise.unit && (
          <span id={`${id}-unit`} className="answer-field__unit">
            {exercise.unit}
          </span>
        )}
      </div>
      {reading?.kind === 'invalid' && (
        <p id={`${id}-note`} className="field__error" data-testid="exercise-number-note">
          {t('exercise.notANumber')}
        </p>
      )}
      {understood && (
        <p id={`${id}-note`} className="field__hint answer-field__understood" data-testid="exercise-number-note">
          {understood}
        </p>
      )}
    </div>
  );
}
