import { sql } from 'drizzle-orm';
import type { MasteryLevel } from '../../shared/mastery';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { masteryOf } from './mastery';
import { reviewCards } from './review-cards';

/**
 * Each lesson's mastery for one student, from the activity log (the first answer to each exercise) and
 * the replayed review cards. Lessons the student never touched are `not_started` without a card read.
 */
export async function lessonMastery(db: Db, userId: string, lessonIds: readonly string[]): Promise<Map<string, MasteryLevel>> {
  const levels = new Map<string, MasteryLevel>(lessonIds.map((id) => [id, 'not_started']));
  if (lessonIds.length === 0) return levels;
  const ids = JSON.stringify(lessonIds);
  const rows = await executeRows<{ lesson_id: string; exercise_count: number; answered: number; first_try_right: number; completed: boolean }>(
    db,
    sql`SELECT l.id::text AS lesson_id, jsonb_array_length(l.practice_exercises) AS exercise_count,
          count(f.exercise_id)::int AS answered, count(f.exercise_id) FILTER (WHERE f.correct)::int AS first_try_right,
          coalesce(bool_or(ul.status = 'completed'), false) AS completed
        FROM lessons l
        LEFT JOIN user_lessons ul ON ul.lesson_id = l.id AND ul.user_id = ${userId}
        LEFT JOIN (
          SELECT DISTINCT ON (a.lesson_id, a.activity_data ->> 'exerciseId') a.lesson_id,
            a.activity_data ->> 'exerciseId' AS exercise_id, a.activity_data ->> 'correct' = 'true' AS correct
          FROM user_activity_log a
          WHERE a.user_id = ${userId} AND a.activity_type = 'exercise_answered'
            AND a.lesson_id::text IN (SELECT jsonb_array_elements_text(${ids}::jsonb))
          ORDER BY a.lesson_id, a.activity_data ->> 'exerciseId', a.created_at, a.id
        ) f ON f.lesson_id = l.id AND f.exercise_id IN (SELECT e ->> 'id' FROM jsonb_array_elements(l.practice_exercises) e)
        WHERE l.id::text IN (SELECT jsonb_array_elements_text(${ids}::jsonb))
        GROUP BY l.id`,
  );
  const touched = rows.filter((row) => row.answered > 0 || row.completed);
  if (touched.length === 0) return levels;
  const cards = await reviewCards(db, userId, touched.map((row) => row.lesson_id));
  for (const row of touched) {
    levels.set(
      row.lesson_id,
      masteryOf({
        exerciseCount: row.exercise_count,
        answered: row.answered,
        firstTryRight: row.first_try_right,
        completed: row.completed,
        cards: cards.filter((card) => card.lessonId === row.lesson_id).map((card) => card.schedule),
      }),
    );
  }
  return levels;
}
