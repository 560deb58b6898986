import { sql } from 'drizzle-orm';
import type { AnswerNotice } from '../../shared/answer-notice';
import { judgeAnswer } from '../../shared/exercise-check';
import { executeRows } from '../db/execute-rows';
import { invalidInput, notFound } from '../errors/app-error';
import { recordActivity } from '../motivation/activity';
import type { MutationContext } from '../mutations/mutation-context';
import type { MutationArgs } from '../sync/mutation-registry';
import { replayCard, type CardSchedule, type ReviewRating } from './card-schedule';
import { reviewCard } from './review-cards';

export interface ReviewAnswered {
  /** An exercise card: whether the core took the answer; a concept card: null (the student rated it). */
  correct: boolean | null;
  explanation: string | null;
  notice: AnswerNotice | null;
  schedule: CardSchedule;
  courseId: string;
}

/** An exercise answered again in review: right counts as «хорошо», wrong as «снова». */
const RIGHT: ReviewRating = 3;
const WRONG: ReviewRating = 1;

/**
 * Append one review to the card's log (on the device, and again on the server when it is pushed). The
 * card must follow from the student's own facts; an exercise's answer is checked here, never taken as
 * a verdict. The row's id is derived from the student and the device's review id, so a replay adds
 * nothing and no student can take another's row. A review is study: it goes to the activity log.
 */
export async function answerReview(ctx: MutationContext, args: MutationArgs<'review.answer'>): Promise<ReviewAnswered> {
  const { tx, userId } = ctx;
  const card = await reviewCard(tx, userId, args.cardKey);
  if (!card) throw notFound('Review card');
  let rating: ReviewRating;
  let correct: boolean | null = null;
  let notice: AnswerNotice | null = null;
  if (card.exercise) {
    if (!args.answer) throw invalidInput('An exercise card is answered, not rated');
    const verdict = judgeAnswer(card.exercise, args.answer, { exam: card.exam });
    correct = verdict.correct;
    notice = verdict.notice;
    rating = correct ? RIGHT : WRONG;
  } else {
    if (!args.rating) throw invalidInput('A concept card needs a rating from 1 to 4');
    rating = args.rating;
  }
  const [added] = await executeRows<{ id: string }>(
    tx,
    sql`INSERT INTO review_log (id, user_id, card_key, lesson_id, rating, reviewed_at)
        VALUES (activity_row_id(${userId}::uuid, ${args.reviewId}::uuid), ${userId}, ${card.key}, ${card.lessonId}::uuid, ${rating}, ${args.at}::timestamptz)
        ON CONFLICT (id) DO NOTHING RETURNING id::text AS id`,
  );
  const reviews = added ? [...card.reviews, { id: added.id, rating, at: new Date(args.at) }] : card.reviews;
  await recordActivity(ctx, {
    id: args.reviewId,
    type: 'review_answered',
    at: args.at,
    timeZone: args.timeZone,
    courseId: card.courseId,
    lessonId: card.lessonId,
    data: { cardKey: card.key, rating, ...(correct === null ? {} : { correct }) },
  });
  return {
    correct,
    explanation: card.exercise ? card.exercise.explanation : null,
    notice,
    schedule: replayCard(card.originAt, reviews),
    courseId: card.courseId,
  };
}
