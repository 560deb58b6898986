import { useEffect, useState } from 'react';
import type { HomeworkFeedback as Feedback, LessonDetail } from '../../../../shared/contract';
import { Markdown } from '../../components/Markdown';
import { errorKey, localeOf, useLanguage, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { formatSubmittedAt } from './homework-view';
import './homework-feedback.css';

type Homework = NonNullable<LessonDetail['homework']>;

interface HomeworkFeedbackProps {
  lessonId: string;
  feedback: Feedback | null;
  /** The lesson's homework with the new review in it. */
  onReviewed: (homework: Homework) => void;
}

/**
 * «Получить отзыв учителя» once the homework is in: the teacher reads the answer (a model may take up
 * to a minute), and the review stays with the lesson, so it is here after a reload too.
 */
export function HomeworkFeedback({ lessonId, feedback, onReviewed }: HomeworkFeedbackProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const request = useAction(async () => {
    const lesson = await api.call('homework.requestFeedback', { lessonId });
    if (lesson.homework) onReviewed(lesson.homework);
  });
  const seconds = useSecondsWhile(request.pending);
  const date = feedback ? formatSubmittedAt(feedback.at, localeOf(language)) : null;
  const author = feedback
    ? feedback.provider === 'offline'
      ? t('homeworkFeedback.offline')
      : (feedback.model ?? t('homeworkFeedback.ownModel'))
    : null;

  return (
    <section className="homework-feedback" aria-labelledby="homework-feedback-title" data-testid="homework-feedback">
      <h4 id="homework-feedback-title" className="homework__subtitle">
        {t('homeworkFeedback.title')}
      </h4>
      {feedback && (
        <div className="homework-feedback__review" data-testid="homework-feedback-review" data-provider={feedback.provider}>
          <p className="homework-feedback__meta" data-testid="homework-feedback-meta">
            {date ? t('homeworkFeedback.byOn', { author: author ?? '', date }) : t('homeworkFeedback.by', { author: author ?? '' })}
          </p>
          <Markdown text={feedback.text} className="homework-feedback__text" testId="homework-feedback-text" />
        </div>
      )}
      {!feedback && !request.pending && <p className="muted">{t('homeworkFeedback.hint')}</p>}
      <div role="status">
        {request.pending && (
          <p className="homework-feedback__progress" data-testid="homework-feedback-progress">
            <span className="spinner" aria-hidden="true" />
            {t('homeworkFeedback.pending')} {seconds >= 5 && t('homeworkFeedback.seconds', { count: seconds })}
          </p>
        )}
        {request.error && (
          <p className="form-error" data-testid="homework-feedback-error" data-error-code={request.error.code}>
            {t('homeworkFeedback.error')} {t(errorKey(request.error.code))}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button
          type="button"
          className={feedback ? 'button' : 'button button--primary'}
          onClick={() => void request.run()}
          disabled={request.pending}
          aria-busy={request.pending}
          data-testid="homework-feedback-request"
        >
          {request.pending ? t('homeworkFeedback.requesting') : feedback ? t('homeworkFeedback.again') : t('homeworkFeedback.request')}
        </button>
      </div>
    </section>
  );
}

/** Whole seconds since `running` became true (0 while it is false). */
function useSecondsWhile(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? seconds : 0;
}
