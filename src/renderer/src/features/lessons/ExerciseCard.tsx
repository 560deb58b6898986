import { useId, useState, type FormEvent } from 'react';
import type { ExerciseView } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';
import { AnswerField } from './AnswerField';
import { ChoiceOptions } from './ChoiceOptions';
import { EMPTY_DRAFT, toAnswer, type ExerciseAnswer, type ExerciseDraft } from './exercise-answer';
import { ExerciseFeedbackView } from './ExerciseFeedbackView';
import { useExerciseCheck } from './use-exercise-check';
import { useExpressionReader } from './use-expression-reader';
import { AskTeacherButton } from '../chat/AskTeacherButton';
import { latestAttempt } from './exercise-attempt';

interface ExerciseCardProps {
  lessonId: string;
  exercise: ExerciseView;
  number: number;
  onSolved: (exerciseId: string) => void;
}

/** One exercise of the practice: its prompt, the answer by type, «Проверить» and what the check said. */
export function ExerciseCard({ lessonId, exercise, number, onSolved }: ExerciseCardProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<ExerciseDraft>(EMPTY_DRAFT);
  const check = useExerciseCheck(lessonId, exercise.id, onSolved);
  const solved = check.state === 'correct';
  const readsAsExpression = useExpressionReader(exercise.type === 'expression');
  const answer = toAnswer(exercise, draft, readsAsExpression);
  // The answer last sent to «Проверить», for «Спросить учителя» about this very try.
  const [checkedAnswer, setCheckedAnswer] = useState<ExerciseAnswer | null>(null);
  // Inputs stay enabled while a check runs (disabling them would drop the keyboard focus); a second
  // «Проверить» meanwhile is ignored by the action.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answer && !solved) {
      setCheckedAnswer(answer);
      void check.check(answer);
    }
  };

  const choice = exercise.type === 'single_choice' || exercise.type === 'multiple_choice';
  return (
    <article
      className={`card exercise exercise--${check.state}`}
      aria-labelledby={`${id}-title`}
      data-testid="exercise"
      data-exercise-id={exercise.id}
      data-type={exercise.type}
      data-state={check.state}
    >
      <h3 id={`${id}-title`} className="exercise__number">
        {t('exercise.number', { number })}
      </h3>
      <div id={`${id}-prompt`} className="exercise__prompt">
        <Markdown text={exercise.prompt} />
      </div>
      <form className="exercise__form" onSubmit={submit} noValidate>
        {choice ? (
          <>
            <p id={`${id}-how`} className="field__hint">
              {exercise.type === 'multiple_choice' ? t('exercise.pickMany') : t('exercise.pickOne')}
            </p>
            <ChoiceOptions
              multiple={exercise.type === 'multiple_choice'}
              options={exercise.options ?? []}
              name={`${id}-options`}
              choice={draft.choice}
              choices={draft.choices}
              onChoice={(value) => setDraft((current) => ({ ...current, choice: value }))}
              onChoices={(values) => setDraft((current) => ({ ...current, choices: values }))}
              disabled={solved}
              labelledBy={`${id}-prompt`}
              describedBy={`${id}-how`}
            />
          </>
        ) : (
          <AnswerField
            exercise={exercise}
            text={draft.text}
            onChange={(text) => setDraft((current) => ({ ...current, text }))}
            disabled={solved}
            readsAsExpression={readsAsExpression}
            titleId={`${id}-title`}
            promptId={`${id}-prompt`}
          />
        )}
        {!solved && (
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={answer === null}
              aria-busy={check.pending}
              data-testid="exercise-check"
            >
              {check.pending ? t('exercise.checking') : t('exercise.check')}
            </button>
          </div>
        )}
      </form>
      <ExerciseFeedbackView feedback={check} error={check.error} />
      <div className="exercise__ask">
        <AskTeacherButton
          lessonId={lessonId}
          exerciseId={exercise.id}
          attempt={latestAttempt(exercise, checkedAnswer, check.attempts, solved)}
          testId="exercise-ask-teacher"
          describedBy={`${id}-title`}
        />
      </div>
    </article>
  );
}
