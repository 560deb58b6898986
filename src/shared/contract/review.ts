import { z } from 'zod';
import { answerNoticeSchema } from '../answer-notice';
import { isoDateTime, uuidSchema } from './common';
import { mutation, query } from './define';
import { exerciseAnswerSchema, exerciseViewSchema } from './lessons';

export const REVIEW_RATINGS = [1, 2, 3, 4] as const;
export const reviewRatingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export const cardKeySchema = z.string().min(1).max(320);

/** A card due for review: a key concept (term, then its definition) or an exercise to answer again. */
export const reviewCardSchema = z.object({
  key: cardKeySchema,
  kind: z.enum(['concept', 'exercise']),
  lessonId: uuidSchema,
  lessonTitle: z.string(),
  courseId: uuidSchema,
  courseTitle: z.string(),
  concept: z.object({ term: z.string(), definition: z.string() }).nullable(),
  exercise: exerciseViewSchema.nullable(),
  due: isoDateTime,
  state: z.enum(CARD_STATES),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
});

export const reviewQueueSchema = z.object({
  /** How many cards are due now (the queue shows the first of them). */
  dueCount: z.number().int().min(0),
  cards: z.array(reviewCardSchema),
  /** When the next card not yet due will be; null when the student has no cards at all. */
  nextDueAt: isoDateTime.nullable(),
});

export const reviewsContract = {
  /** The day's «Повторение»: the cards due by the core's clock, the most overdue first. */
  'review.queue': query(z.object({}).strict(), reviewQueueSchema),
  /**
   * One answer in review. A concept card is rated by the student (1 снова … 4 легко); an exercise card
   * carries the answer, which the core checks and rates (right 3, wrong 1).
   */
  'review.answer': mutation(
    z
      .object({ cardKey: cardKeySchema, rating: reviewRatingSchema.optional(), answer: exerciseAnswerSchema.optional() })
      .strict(),
    z.object({
      correct: z.boolean().nullable(),
      explanation: z.string().nullable(),
      notice: answerNoticeSchema.nullable(),
      nextDueAt: isoDateTime,
      state: z.enum(CARD_STATES),
    }),
  ),
};

export type ReviewCardView = z.infer<typeof reviewCardSchema>;
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
export type ReviewRatingValue = z.infer<typeof reviewRatingSchema>;
