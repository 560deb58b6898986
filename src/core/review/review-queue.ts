import type { ReviewCardView, ReviewQueue } from '../../shared/contract';
import type { Db } from '../db/types';
import { toExerciseView } from '../lessons/lesson-detail';
import { reviewCards, type ReviewCard } from './review-cards';

/** How many due cards one queue carries; the count says how many there are in all. */
export const QUEUE_PAGE = 50;

export const toCardView = (card: ReviewCard): ReviewCardView => ({
  key: card.key,
  kind: card.ref.kind,
  lessonId: card.lessonId,
  lessonTitle: card.lessonTitle,
  courseId: card.courseId,
  courseTitle: card.courseTitle,
  concept: card.concept ? { term: card.concept.term, definition: card.concept.definition } : null,
  exercise: card.exercise ? toExerciseView(card.exercise, card.exam) : null,
  due: card.schedule.due.toISOString(),
  state: card.schedule.state,
  reps: card.schedule.reps,
  lapses: card.schedule.lapses,
});

/** The cards due by `now` (the core's clock), the most overdue first, and when the next one falls due. */
export async function reviewQueue(db: Db, userId: string, now: Date): Promise<ReviewQueue> {
  const cards = await reviewCards(db, userId);
  const due = cards.filter((card) => card.schedule.due.getTime() <= now.getTime());
  due.sort((a, b) => a.schedule.due.getTime() - b.schedule.due.getTime() || (a.key < b.key ? -1 : 1));
  let next: number | null = null;
  for (const card of cards) {
    const at = card.schedule.due.getTime();
    if (at > now.getTime() && (next === null || at < next)) next = at;
  }
  return { dueCount: due.length, cards: due.slice(0, QUEUE_PAGE).map(toCardView), nextDueAt: next === null ? null : new Date(next).toISOString() };
}
