import { useId } from 'react';
import type { ExerciseView } from '../../../../shared/contract';
import { localeOf, useLanguage, useT, type Translate } from '../../i18n';
import { ANSWER_MAX_LENGTH, readNumber, type NumberReading } from './exercise-answer';
import type { ExpressionReader } from './use-expression-reader';

interface AnswerFieldProps {
  exercise: ExerciseView;
  text: string;
  onChange: (text: string) => void;
  disabled: boolean;
  /** Null until the expression parser has loaded (expression exercises only). */
  readsAsExpression: ExpressionReader | null;
  /** The exercise's number («Задание 3») and its prompt: every field is «Ваш ответ», these tell them apart. */
  titleId: string;
  promptId: string;
}

/** The hint under the field: how this field reads an answer, naming the course's exam where its rules apply. */
function fieldHint(t: Translate, exercise: ExerciseView): string | null {
  switch (exercise.type) {
    case 'numeric':
      return exercise.exam ? t('exercise.numberHintExam', { exam: t(`exams.type.${exercise.exam}`) }) : t('exercise.numberHint');
    case 'fraction':
      return t('exercise.fractionHint');
    case 'expression':
      return t('exercise.expressionHint');
    case 'ege_short':
      return exercise.exam ? t(`exercise.examHint.${exercise.exam}`) : t('exercise.numberHint');
    default:
      return null;
  }
}

/** Why what is typed cannot be sent yet, if it cannot. */
function invalidNote(t: Translate, text: string, reading: NumberReading | null, readsAsExpression: ExpressionReader | null): string | null {
  if (reading?.kind === 'invalid') return reading.reason === 'ambiguous_spaces' ? t('exercise.ambiguousSpaces') : t('exercise.notANumber');
  if (readsAsExpression && text.trim() !== '' && !readsAsExpression(text)) return t('exercise.notAnExpression');
  return null;
}

/** The typed answer of a number, fraction, expression, short-text or exam-style exercise, with its unit and how it is read. */
export function AnswerField({ exercise, text, onChange, disabled, readsAsExpression, titleId, promptId }: AnswerFieldProps) {
  const t = useT();
  const id = useId();
  const language = useLanguage((state) => state.language);
  const numeric = exercise.type === 'numeric';
  const reading = numeric || exercise.type === 'fraction' ? readNumber(text) : null;
  const hint = fieldHint(t, exercise);
  const invalid = invalidNote(t, text, reading, exercise.type === 'expression' ? readsAsExpression : null);
  // «2,5», «3/4», «1 1/2» or «1 000» is understood: say how, unless it is written exactly as it reads. In an
  // exam course a common fraction is not converted here: the exam wants the student to write the decimal.
  const examFraction = numeric && reading?.kind === 'number' && reading.commonFraction ? exercise.exam : null;
  const shown =
    numeric && reading?.kind === 'number' && examFraction === null
      ? new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 6, useGrouping: false }).format(reading.value)
      : null;
  const understood = examFraction
    ? t('exercise.notice.examFraction', { exam: t(`exams.type.${examFraction}`) })
    : shown !== null && shown !== text.trim()
      ? t('exercise.numberUnderstood', { value: shown })
      : null;
  const note = invalid !== null || understood !== null;
  const describedBy = [promptId, hint ? `${id}-hint` : null, note ? `${id}-note` : null, exercise.unit ? `${id}-unit` : null].filter(Boolean).join(' ');
  return (
    <div className="field answer-field">
      <label id={`${id}-label`} className="field__label" htmlFor={id}>
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
          aria-invalid={invalid !== null ? true : undefined}
          aria-labelledby={`${id}-label ${titleId}`}
          aria-describedby={describedBy}
          data-testid="exercise-input"
        />
        {exercise.unit && (
          <span id={`${id}-unit`} className="answer-field__unit">
            {exercise.unit}
          </span>
        )}
      </div>
      {invalid !== null && (
        <p id={`${id}-note`} className="field__error" data-testid="exercise-number-note">
          {invalid}
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
