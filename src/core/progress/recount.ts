import { sql } from 'drizzle-orm';
import type { Enrolment } from '../../shared/contract';
import type { EnrolmentStatus } from '../../shared/domain';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';

/**
 * Derive the numbers that depend on lesson facts, in one statement: the enrolment's completed count,
 * percentage, first lesson not yet done (or the last one when all are), study time and
 * completed/active status, over the course's lessons as it is now (a retired lesson is not counted);
 * and the student's lifetime completed-lessons total. Each row is written only when a number changed, so a repeated completion leaves everything untouched. Returns the
 * enrolment as derived (the same numbers the rows now hold).
 */
export async function recountAfterLessonChange(tx: Db, userId: string, userCourseId: string): Promise<Enrolment> {
  const [row] = await executeRows<{
    course_id: string;
    total: number;
    done: number;
    percentage: string | number;
    current_number: number;
    minutes: number;
    new_status: string;
  }>(tx, sql`
    WITH enrolment AS (
      SELECT id, course_id, status FROM user_courses WHERE id = ${userCourseId}
    ), facts AS (
      -- One pass over the course's lessons and this enrolment's progress on each.
      SELECT
        count(*)::int AS total,
        (count(*) FILTER (WHERE ul.status IN ('completed', 'reviewed')))::int AS done,
        min(l.lesson_number) FILTER (WHERE ul.status IS NULL OR ul.status NOT IN ('completed', 'reviewed')) AS next_number,
        max(l.lesson_number) AS last_number,
        coalesce(sum(ul.time_spent_minutes), 0)::int AS minutes
      FROM enrolment e
      -- The course as it is now: a retired lesson keeps the student's row but leaves the numbers.
      JOIN lessons l ON l.course_id = e.course_id AND l.retired_at IS NULL
      LEFT JOIN user_lessons ul ON ul.lesson_id = l.id AND ul.user_course_id = e.id
    ), derived AS (
      SELECT
        (SELECT course_id FROM enrolment) AS course_id,
        total,
        done,
        CASE WHEN total = 0 THEN 0 ELSE round(100.0 * done / total, 2) END AS percentage,
        coalesce(next_number, last_number, 1) AS current_number,
        minutes,
        CASE WHEN total > 0 AND done >= total THEN 'completed'
             WHEN (SELECT status FROM enrolment) = 'completed' THEN 'active'
             ELSE (SELECT status FROM enrolment) END AS new_status
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
      RETURNING uc.id
    ), plan_touch AS (
      -- The course's learning plan follows progress: it reads lesson statuses live, and notes when they moved.
      UPDATE learning_plans SET last_updated_at = now()
      WHERE user_id = ${userId} AND course_id = (SELECT course_id FROM enrolment)
        AND EXISTS (SELECT 1 FROM enrolment_update)
    ), lifetime AS (
      -- Every lesson the student ever completed, retired ones included: a course that shrank does
      -- not take finished lessons out of the student's record.
      SELECT count(*)::int AS done FROM user_lessons
      WHERE user_id = ${userId} AND status IN ('completed', 'reviewed')
    ), lifetime_update AS (
      UPDATE users u SET total_lessons_completed = lifetime.done
      FROM lifetime
      WHERE u.id = ${userId} AND u.total_lessons_completed IS DISTINCT FROM lifetime.done
    )
    SELECT course_id, total, done, percentage, current_number, minutes, new_status FROM derived
  `);
  if (!row) throw new Error(`enrolment ${userCourseId} vanished during a recount`);
  return {
    courseId: row.course_id,
    status: row.new_status as EnrolmentStatus,
    completedLessons: row.done,
    totalLessons: row.total,
    progressPercentage: Number(row.percentage),
    currentLessonNumber: row.current_number,
    totalStudyTimeMinutes: row.minutes,
  };
}
