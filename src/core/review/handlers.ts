import type { CoreDeps, HandlerGroup } from '../handlers';
import { reviewQueue } from './review-queue';

export const reviewHandlers = ({ db, session, mutations, now, timeZone }: CoreDeps): HandlerGroup<'review.queue' | 'review.answer'> => ({
  'review.queue': async () => reviewQueue(db, session.requireUserId(), now()),
  'review.answer': async ({ cardKey, rating, answer }) => {
    const result = await mutations.run(session.requireUserId(), 'review.answer', {
      reviewId: crypto.randomUUID(),
      cardKey,
      ...(rating ? { rating } : {}),
      ...(answer ? { answer } : {}),
      at: now().toISOString(),
      timeZone: timeZone(),
    });
    return {
      correct: result.correct,
      explanation: result.explanation,
      notice: result.notice,
      nextDueAt: result.schedule.due.toISOString(),
      state: result.schedule.state,
    };
  },
});
