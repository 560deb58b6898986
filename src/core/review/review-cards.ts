import { sql } from 'drizzle-orm';
import type { Exercise, KeyConcept } from '../../shared/content';
import type { ExamType } from '../../shared/domain';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { examOf } from '../lessons/lesson-detail';
import { parseCardKey, type CardRef } from './card-keys';
import { replayCard, type CardSchedule, type ReviewEntry, type ReviewRating } from './card-schedule';

/** A review card, as the facts make it: what it asks, where it came from, and its replayed schedule. */
export interface ReviewCard {
  key: string;
  ref: CardRef;
  lessonId: string;
  lessonTitle: string;
  courseId: string;
  courseTitle: string;
  exam: ExamType | null;
  concept: KeyConcept | null;
  exercise: Exercise | null;
  /** When it came to be: the lesson completed (a concept), the first wrong answer (an exercise). */
  originAt: Date;
  reviews: ReviewEntry[];
  schedule: CardSchedule;
}

interface CardRow extends Record<string, unknown> {
  key: string;
  lesson_id: string;
  lesson_title: string;
  course_id: string;
  course_title: string;
  exam_type: string | null;
  origin_ms: number;
  concept: KeyConcept | null;
  exercise: Exercise | null;
}

/** `AND column IN (the lessons)`, or nothing when all lessons are asked for. `column` is ours, never input. */
const only = (lessonIds: readonly string[] | undefined, column: string) =>
  lessonIds ? sql`AND ${sql.raw(column)}::text IN (SELECT jsonb_array_elements_text(${JSON.stringify(lessonIds)}::jsonb))` : sql``;

/**
 * The student's cards, derived from facts (so nothing about a card needs to sync but its reviews):
 * each key concept of a completed lesson, and each exercise ever answered wrong. `lessonIds` narrows
 * them to some lessons (a course's mastery).
 */
export async function reviewCards(db: Db, userId: string, lessonIds?: readonly string[]): Promise<ReviewCard[]> {
  const rows = await executeRows<CardRow>(
    db,
    sql`SELECT 'concept:' || l.id || ':' || (c.value ->> 'term') AS key, l.id::text AS lesson_id, l.title AS lesson_title,
          co.id::text AS course_id, co.title AS course_title, co.exam_type,
          (extract(epoch FROM ul.completed_at) * 1000)::float8 AS origin_ms, c.value AS concept, NULL::jsonb AS exercise
        FROM user_lessons ul
        JOIN lessons l ON l.id = ul.lesson_id
        JOIN courses co ON co.id = l.course_id
        CROSS JOIN LATERAL jsonb_array_elements(l.key_concepts) c
        WHERE ul.user_id = ${userId} AND ul.status = 'completed' AND ul.completed_at IS NOT NULL ${only(lessonIds, 'ul.lesson_id')}
      UNION ALL
      SELECT 'exercise:' || l.id || ':' || (e.value ->> 'id'), l.id::text, l.title, co.id::text, co.title, co.exam_type,
          (extract(epoch FROM w.first_wrong) * 1000)::float8, NULL::jsonb, e.value
        FROM (SELECT lesson_id, activity_data ->> 'exerciseId' AS exercise_id, min(created_at) AS first_wrong
              FROM user_activity_log
              WHERE user_id = ${userId} AND activity_type = 'exercise_answered' AND activity_data ->> 'correct' = 'false'
                AND lesson_id IS NOT NULL ${only(lessonIds, 'lesson_id')}
              GROUP BY 1, 2) w
        JOIN lessons l ON l.id = w.lesson_id
        JOIN courses co ON co.id = l.course_id
        CROSS JOIN LATERAL jsonb_array_elements(l.practice_exercises) e
        WHERE e.value ->> 'id' = w.exercise_id`,
  );
  const reviews = await reviewsByCard(db, userId, lessonIds);
  const cards = new Map<string, ReviewCard>();
  for (const row of rows) {
    const ref = parseCardKey(row.key);
    // A term repeated in a lesson is one card.
    if (!ref || cards.has(row.key)) continue;
    const originAt = new Date(row.origin_ms);
    const own = reviews.get(row.key) ?? [];
    cards.set(row.key, {
      key: row.key,
      ref,
      lessonId: row.lesson_id,
      lessonTitle: row.lesson_title,
      courseId: row.course_id,
      courseTitle: row.course_title,
      exam: examOf(row.exam_type),
      concept: row.concept,
      exercise: row.exercise,
      originAt,
      reviews: own,
      schedule: replayCard(originAt, own),
    });
  }
  return [...cards.values()];
}

/** One card, or null when the facts make no such card for this student. */
export async function reviewCard(db: Db, userId: string, key: string): Promise<ReviewCard | null> {
  const ref = parseCardKey(key);
  if (!ref) return null;
  return (await reviewCards(db, userId, [ref.lessonId])).find((card) => card.key === key) ?? null;
}

async function reviewsByCard(db: Db, userId: string, lessonIds?: readonly string[]): Promise<Map<string, ReviewEntry[]>> {
  const rows = await executeRows<{ card_key: string; id: string; rating: number; at_ms: number }>(
    db,
    sql`SELECT card_key, id::text AS id, rating, (extract(epoch FROM reviewed_at) * 1000)::float8 AS at_ms
        FROM review_log WHERE user_id = ${userId} ${only(lessonIds, "split_part(card_key, ':', 2)")}`,
  );
  const byCard = new Map<string, ReviewEntry[]>();
  for (const row of rows) {
    const list = byCard.get(row.card_key) ?? [];
    list.push({ id: row.id, rating: row.rating as ReviewRating, at: new Date(Number(row.at_ms)) });
    byCard.set(row.card_key, list);
  }
  return byCard;
}
