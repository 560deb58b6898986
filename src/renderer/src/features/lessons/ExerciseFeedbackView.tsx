import { useEffect, useRef } from 'react';
import { Markdown } from '../../components/Markdown';
import { errorKey, useT } from '../../i18n';
import type { ApiError } from '../../lib/api-error';
import type { ExerciseFeedback } from './use-exercise-check';
import { answerNoticeText } from './answer-notice-text';

/** The verdict of the last check, the hints so far and, when given, the worked solution. Read out as it changes. */
export function ExerciseFeedbackView({ feedback, error }: { feedback: ExerciseFeedback; error: ApiError | null }) {
  const t = useT();
  const { state, hints, explanation, notice } = feedback;
  // A solved exercise locks its input and loses its button: keep the keyboard focus here, not on the page.
  const verdict = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state === 'correct') verdict.current?.focus({ preventScroll: true });
  }, [state]);
  return (
    <div className="exercise__feedback" role="status">
      {error && (
        <p className="form-error" data-testid="exercise-check-error">
          {t('exercise.checkError')} {t(errorKey(error.code))}
        </p>
      )}
      {state !== 'idle' && (
        <p ref={verdict} tabIndex={-1} className={`verdict verdict--${state}`} data-testid="exercise-feedback" data-state={state}>
          <span aria-hidden="true">{state === 'correct' ? '✓ ' : '✗ '}</span>
          {state === 'correct' ? t('exercise.correct') : t('exercise.wrong')}
          {state === 'wrong' && hints.length === 0 && !explanation && !notice && <span className="verdict__more"> {t('exercise.tryAgain')}</span>}
        </p>
      )}
      {state === 'wrong' && notice && (
        <p className="verdict__notice" data-testid="exercise-notice" data-code={notice.code}>
          {answerNoticeText(t, notice)}
        </p>
      )}
      {state !== 'correct' && hints.length > 0 && (
        <ol className="hints">
          {hints.map((hint, index) => (
            <li key={hint} className="hint" data-testid="exercise-hint">
              <strong className="hint__title">{t('exercise.hint', { number: index + 1 })}</strong>
              <Markdown text={hint} />
            </li>
          ))}
        </ol>
      )}
      {explanation && (
        <div className="explanation" data-testid="exercise-explanation">
          <strong className="explanation__title">{t('exercise.explanation')}</strong>
          <Markdown text={explanation} />
        </div>
      )}
    </div>
  );
}
