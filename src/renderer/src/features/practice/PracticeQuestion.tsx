import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ExerciseView } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import { EMPTY_DRAFT, toAnswer, type ExerciseAnswer, type ExerciseDraft } from '../lessons/exercise-answer';
import { ExerciseFeedbackView } from '../lessons/ExerciseFeedbackView';
import type { ExerciseFeedback } from '../lessons/use-exercise-check';
import { useExpressionReader } from '../lessons/use-expression-reader';
import { PracticeAnswer } from './PracticeAnswer';
import { mayGoOn, type QuestionRecord } from './practice-session';

interface PracticeQuestionProps {
  exercise: ExerciseView;
  number: number;
  record: QuestionRecord;
  feedback: ExerciseFeedback;
  pending: boolean;
  error: ApiError | null;
  last: boolean;
  onCheck: (answer: ExerciseAnswer) => void;
  onNext: () => void;
}

/**
 * The question on screen: its prompt, the answer, «Проверить», then the verdict in colour, icon and
 * words (green «Верно!», red «Пока неверно» with the core's hint) and, once there is nothing left to
 * try, «Дальше».
 */
export function PracticeQuestion({ exercise, number, record, feedback, pending, error, last, onCheck, onNext }: PracticeQuestionProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<ExerciseDraft>(EMPTY_DRAFT);
  const readsAsExpression = useExpressionReader(exercise.type === 'expression');
  const answer = toAnswer(exercise, draft, readsAsExpression);
  const done = mayGoOn(record);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  // Each verdict (with its hint or solution, and «Дальше») is brought into view: on a laptop screen it
  // falls below a long question.
  useEffect(() => {
    if (feedback.state !== 'idle') outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [feedback]);
  // A new question takes the focus to its heading; a finished one to «Дальше».
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    if (done) nextButton.current?.focus({ preventScroll: true });
  }, [done]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answer && !done) onCheck(answer);
  };
  return (
    <article
      className={`card practice-question practice-question--${feedback.state}`}
      aria-labelledby={`${id}-title`}
      data-testid="practice-question"
      data-exercise-id={exercise.id}
      data-state={feedback.state}
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="practice-question__number">
        {t('exercise.number', { number })}
      </h2>
      <div id={`${id}-prompt`} className="exercise__prompt">
        <Markdown text={exercise.prompt} />
      </div>
      <form className="exercise__form" onSubmit={submit} noValidate>
        <PracticeAnswer exercise={exercise} draft={draft} onDraft={setDraft} locked={done} readsAsExpression={readsAsExpression} idPrefix={id} />
        {!done && (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={answer === null} aria-busy={pending} data-testid="practice-check">
              {pending ? t('exercise.checking') : t('exercise.check')}
            </button>
          </div>
        )}
      </form>
      <div ref={outcome} className="practice-question__outcome">
        <ExerciseFeedbackView feedback={feedback} error={error} />
        {done && (
          <div className="form__actions practice-question__next">
            <button ref={nextButton} type="button" className="button button--primary button--large" onClick={onNext} data-testid="practice-next">
              {last ? t('practice.finish') : t('practice.next')}
            </button>
          </div>
        )}
      </div>
    </article>
  );
}
