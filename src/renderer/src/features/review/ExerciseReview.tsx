import { useId, useState, type FormEvent } from 'react';
import type { ReviewCardView } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';
import { AnswerField } from '../lessons/AnswerField';
import { ChoiceOptions } from '../lessons/ChoiceOptions';
import { EMPTY_DRAFT, toAnswer, type ExerciseAnswer, type ExerciseDraft } from '../lessons/exercise-answer';
import { useExpressionReader } from '../lessons/use-expression-reader';

/** An exercise once missed, asked again; the core checks the answer and rates the card by it. */
export function ExerciseReview({
  card,
  pending,
  answered,
  onAnswer,
}: {
  card: ReviewCardView;
  pending: boolean;
  answered: boolean;
  onAnswer: (answer: ExerciseAnswer) => void;
}) {
  const t = useT();
  const id = useId();
  const exercise = card.exercise!;
  const [draft, setDraft] = useState<ExerciseDraft>(EMPTY_DRAFT);
  const readsAsExpression = useExpressionReader(exercise.type === 'expression');
  const answer = toAnswer(exercise, draft, readsAsExpression);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answer && !answered) onAnswer(answer);
  };
  const choice = exercise.type === 'single_choice' || exercise.type === 'multiple_choice';
  return (
    <>
      <h3 id={`${id}-title`} className="visually-hidden">
        {t('review.exercise')}
      </h3>
      <div id={`${id}-prompt`} className="exercise__prompt" data-testid="review-prompt">
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
            disabled={answered}
            labelledBy={`${id}-prompt`}
            describedBy={`${id}-how`}
          />
          </>
        ) : (
          <AnswerField
            exercise={exercise}
            text={draft.text}
            onChange={(text) => setDraft((current) => ({ ...current, text }))}
            disabled={answered}
            readsAsExpression={readsAsExpression}
            titleId={`${id}-title`}
            promptId={`${id}-prompt`}
          />
        )}
        {!answered && (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={answer === null} aria-busy={pending} data-testid="review-check">
              {t('exercise.check')}
            </button>
          </div>
        )}
      </form>
    </>
  );
}
