import { sql } from 'drizzle-orm';
import type { AchievementCriterion, ActivityType } from '../../shared/domain';
import { uuidV5 } from '../content/content-ids';
import { executeRows } from '../db/execute-rows';
import type { MutationContext } from '../mutations/mutation-context';
import { localDay, isValidTimeZone } from './local-day';

export interface ActivityEntry {
  /**
   * Fixed by the device (or derived from what it is about), so a replayed mutation adds nothing. The row
   * is stored under `activity_row_id(student, id)` (0009): another student's id, chosen or predicted,
   * is never this student's row.
   */
  id: string;
  type: ActivityType;
  /** When it happened (the mutation's `at`) and the device's zone then: together they fix the local day. */
  at: string;
  timeZone?: string | undefined;
  courseId?: string | null;
  lessonId?: string | null;
  data?: Record<string, unknown>;
  /** Points for `key` — granted only if this student never earned that key before. */
  award?: { key: string; points: number };
  studyMinutes?: number;
  lessonCompleted?: boolean;
}

export interface RecordedActivity {
  inserted: boolean;
  points: number;
  day: string;
}

/** Which achievement criteria an activity of each type can move. */
const CRITERIA_OF: Partial<Record<ActivityType, AchievementCriterion[]>> = {
  lesson_completed: ['lessons_completed', 'perfect_scores', 'courses_completed', 'exam_topics_mastered'],
  exercise_answered: ['exercises_correct'],
  homework_submitted: ['homework_submitted'],
  chat_question: ['chat_questions'],
  plan_generated: ['plans_generated'],
  study_time: ['study_minutes'],
  level_reached: ['level_reached'],
};

/** A deterministic id for an activity that can happen only once (a lesson's completion, a level). */
export const onceActivityId = (userId: string, what: string) => uuidV5(`activity:${userId}:${what}`);

export const dayOf = (at: string, timeZone: string | undefined) =>
  localDay(new Date(at), timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC');

/**
 * Append one fact to the student's activity log and keep the derived numbers (points, the day's
 * minutes) in step — in the change's transaction, so either both happen or neither does — and note in
 * the change's context what it touched, for the rewards refreshed before it commits.
 */
export async function recordActivity(ctx: Pick<MutationContext, 'tx' | 'userId' | 'activity'>, entry: ActivityEntry): Promise<RecordedActivity> {
  const { tx, userId, activity: touched } = ctx;
  const day = dayOf(entry.at, entry.timeZone);
  const award = entry.award ?? null;
  const data: Record<string, unknown> = { ...entry.data, day };
  if (entry.studyMinutes) data.minutes = entry.studyMinutes;
  const rewarded = award ? { ...data, award: award.key, points: award.points } : data;
  // One statement: the row carries the award only if this student never earned that key before.
  const inserted = await executeRows<{ points: number | null }>(
    tx,
    sql`INSERT INTO user_activity_log (id, user_id, activity_type, activity_data, course_id, lesson_id, created_at)
        SELECT activity_row_id(${userId}::uuid, ${entry.id}::uuid), ${userId}, ${entry.type},
          CASE WHEN EXISTS (SELECT 1 FROM user_activity_log
                            WHERE user_id = ${userId} AND activity_data ->> 'award' = ${award?.key ?? null})
               THEN ${JSON.stringify(data)}::jsonb ELSE ${JSON.stringify(rewarded)}::jsonb END,
          ${entry.courseId ?? null}::uuid, ${entry.lessonId ?? null}::uuid, ${entry.at}::timestamptz
        ON CONFLICT (id) DO NOTHING RETURNING (activity_data ->> 'points')::int AS points`,
  );
  const [row] = inserted;
  if (!row) return { inserted: false, points: 0, day };

  const points = row.points ?? 0;
  const minutes = entry.studyMinutes ?? 0;
  const lessons = entry.lessonCompleted ? 1 : 0;
  touched.recorded = true;
  for (const criterion of CRITERIA_OF[entry.type] ?? []) touched.criteria.add(criterion);
  if (points || minutes || lessons) {
    const [after] = await executeRows<{ minutes: number; lessons: number }>(
      tx,
      sql`INSERT INTO user_study_days (user_id, day, study_minutes, lessons_completed, points)
          VALUES (${userId}, ${day}, ${minutes}, ${lessons}, ${points})
          ON CONFLICT (user_id, day) DO UPDATE SET
            study_minutes = user_study_days.study_minutes + excluded.study_minutes,
            lessons_completed = user_study_days.lessons_completed + excluded.lessons_completed,
            points = user_study_days.points + excluded.points
          RETURNING study_minutes AS minutes, lessons_completed AS lessons`,
    );
    if (after && (minutes || lessons)) {
      touched.days.push({ day, before: { minutes: after.minutes - minutes, lessons: after.lessons - lessons }, after });
    }
  }
  if (points) await tx.execute(sql`UPDATE users SET total_points = total_points + ${points} WHERE id = ${userId}`);
  touched.points += points;
  if (points) touched.criteria.add('total_points');
  return { inserted: true, points, day };
}
