import { sql } from 'drizzle-orm';
import type { Db } from '../db/types';

/**
 * Derive the numbers that depend on lesson facts, in one statement: the enrolment's completed count,
 * percentage, first lesson not yet done (or the last one when all are), study time and
 * completed/active status; and the student's lifetime completed-lessons total. Each row is written
 * only when a number changed, so a repeated completion leaves everything untouched.
 */
export async function recountAfterLessonChange(tx: Db, userId: string, userCourseId: string): Promise<void> {
  await tx.execute(sql`
    WITH enrolment AS (
      SELECT id, course_id, status FROM user_courses WHERE id = ${userCourseId}
    ), facts AS (
      SELECT
        (SELECT count(*) FROM lessons l WHERE l.course_id = e.course_id)::int AS total,
        (SELECT count(*) FROM user_lessons ul
          WHERE ul.user_course_id = e.id AND ul.status IN ('completed', 'reviewed'))::int AS done,
        (SELECT min(l.lesson_number) FROM lessons l
          WHERE l.course_id = e.course_id AND NOT EXISTS (
            SELECT 1 FROM user_lessons ul
            WHERE ul.lesson_id = l.id AND ul.user_course_id = e.id AND ul.status IN ('completed', 'reviewed')
          )) AS next_number,
        (SELECT max(l.lesson_number) FROM lessons l WHERE l.course_id = e.course_id) AS last_number,
        (SELECT coalesce(sum(ul.time_spent_minutes), 0) FROM user_lessons ul WHERE ul.user_course_id = e.id)::int AS minutes,
        e.status
      FROM enrolment e
    ), derived AS (
      SELECT
        done,
        CASE WHEN total = 0 THEN 0 ELSE round(100.0 * done / total, 2) END AS percentage,
        coalesce(next_number, last_number, 1) AS current_number,
        minutes,
        CASE WHEN total > 0 AND done >= total THEN 'completed'
             WHEN status = 'completed' THEN 'active'
             ELSE status END AS new_status
      FROM facts
    ), enrolment_update AS (
      UPDATE user_courses uc SET
        completed_lessons = d.done,
        progress_percentage = d.percentage,
        current_lesson_number = d.current_number,
        total_study_time_minutes = d.minutes,
        status = d.new_status
      FROM derived d
      WHERE uc.id = ${userCourseId}
        AND (uc.completed_lessons, uc.progress_percentage, uc.current_lesson_number, uc.total_study_time_minutes, uc.status)
          IS DISTINCT FROM (d.done, d.percentage, d.current_number, d.minutes, d.new_status)
    ), lifetime AS (
      SELECT count(*)::int AS done FROM user_lessons
      WHERE user_id = ${userId} AND status IN ('completed', 'reviewed')
    )
    UPDATE users u SET total_lessons_completed = lifetime.done
    FROM lifetime
    WHERE u.id = ${userId} AND u.total_lessons_completed IS DISTINCT FROM lifetime.done
  `);
}
