import { useState } from 'react';
import type { MethodInput, MethodOutput, ReviewCardView } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { Markdown } from '../../components/Markdown';
import { PageTitle } from '../../components/PageTitle';
import { hrefFor } from '../../app/routes';
import { errorKey, localeOf, useLanguage, useT } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useActiveTime } from '../../lib/use-active-time';
import { answerNoticeText } from '../lessons/answer-notice-text';
import { ConceptReview } from './ConceptReview';
import { ExerciseReview } from './ExerciseReview';
import { useReviewQueue } from './use-review-queue';
import { useReviewTime } from './use-review-time';

type Answered = MethodOutput<'review.answer'>;

/** «Повторение»: the cards due today, one at a time, the most overdue first. */
export function ReviewPage() {
  const t = useT();
  const queue = useReviewQueue();
  const activeMs = useActiveTime();
  // A card answered stays on screen with its verdict until «Дальше», whatever the queue reads meanwhile
  // (the answer itself moves it out of today's queue).
  const [held, setHeld] = useState<ReviewCardView | null>(null);
  const card = held ?? queue.data?.cards[0] ?? null;
  useReviewTime(card?.lessonId ?? null, activeMs);
  const next = () => {
    setHeld(null);
    queue.refresh();
  };
  return (
    <section className="page review-page">
      <PageTitle title={t('review.title')} />
      {queue.data ? (
        card ? (
          <ReviewCard key={card.key} card={card} dueCount={queue.data.dueCount} onHold={() => setHeld(card)} onNext={next} />
        ) : (
          <NothingDue nextDueAt={queue.data.nextDueAt} />
        )
      ) : queue.error ? (
        <ErrorState title={t('review.loadError')} error={queue.error} onRetry={queue.reload} />
      ) : (
        <LoadingState message={t('review.loading')} />
      )}
    </section>
  );
}

function NothingDue({ nextDueAt }: { nextDueAt: string | null }) {
  const t = useT();
  const locale = localeOf(useLanguage((state) => state.language));
  const when = nextDueAt
    ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(nextDueAt))
    : null;
  return (
    <EmptyState title={t('review.done.title')} text={when ? t('review.done.next', { when }) : t('review.done.noCards')} testId="review-done">
      <a className="button button--secondary" href={hrefFor({ name: 'courses' })}>
        {t('review.toCourses')}
      </a>
    </EmptyState>
  );
}

function ReviewCard({ card, dueCount, onHold, onNext }: { card: ReviewCardView; dueCount: number; onHold: () => void; onNext: () => void }) {
  const t = useT();
  const [answered, setAnswered] = useState<Answered | null>(null);
  const send = useAction(async (input: MethodInput<'review.answer'>) => {
    if (card.kind === 'exercise') onHold();
    const result = await api.call('review.answer', input);
    // A rated concept needs no more reading: on to the next card. An exercise shows its verdict first.
    if (card.kind === 'concept') onNext();
    else setAnswered(result);
  });
  return (
    <article className="card review-card" data-testid="review-card" data-card-key={card.key} data-kind={card.kind} aria-labelledby="review-card-title">
      <p className="review-card__count" data-testid="review-count">
        {t('review.remaining', { count: dueCount })}
      </p>
      <h2 id="review-card-title" className="review-card__title">
        {card.kind === 'concept' ? t('review.concept') : t('review.exercise')} · {card.courseTitle}, {card.lessonTitle}
      </h2>
      {card.kind === 'concept' ? (
        <ConceptReview card={card} pending={send.pending} onRate={(rating) => void send.run({ cardKey: card.key, rating })} />
      ) : (
        <ExerciseReview card={card} pending={send.pending} answered={answered !== null} onAnswer={(answer) => void send.run({ cardKey: card.key, answer })} />
      )}
      {send.error && (
        <p className="form-error" role="alert" data-testid="review-error">
          {t('review.answerError')} {t(errorKey(send.error.code))}
        </p>
      )}
      {answered && (
        <div className="exercise__feedback" role="status">
          <p className={`verdict verdict--${answered.correct ? 'correct' : 'wrong'}`} data-testid="review-verdict" data-correct={answered.correct}>
            <span aria-hidden="true">{answered.correct ? '✓ ' : '✗ '}</span>
            {answered.correct ? t('exercise.correct') : t('review.wrong')}
          </p>
          {answered.notice && <p className="verdict__notice">{answerNoticeText(t, answered.notice)}</p>}
          {answered.explanation && (
            <div className="explanation">
              <Markdown text={answered.explanation} />
            </div>
          )}
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={onNext} data-testid="review-next">
              {t('review.next')}
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
