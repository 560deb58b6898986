import { sql, type SQL } from 'drizzle-orm';
import { ACHIEVEMENT_CRITERIA, type AchievementCriterion } from '../../shared/domain';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import type { AchievementStats } from './achievements-rules';

/** How far to count each criterion: past the highest target still to reach, a count changes nothing. */
export type StatLimits = Partial<Record<AchievementCriterion, number>>;

/** Counts rows, but stops at `limit`: a student with 15,000 questions costs no more than one with 10. */
const capped = (limit: number, rows: SQL) => sql`(SELECT count(*) FROM (${rows} LIMIT ${limit}) capped)`;

const STATS: Record<AchievementCriterion, (userId: string, limit: number) => SQL> = {
  lessons_completed: () => sql`u.total_lessons_completed`,
  streak_days: () => sql`u.longest_streak_days`,
  total_points: () => sql`u.total_points`,
  level_reached: () => sql`u.level`,
  courses_completed: (id, limit) => capped(limit, sql`SELECT 1 FROM user_courses WHERE user_id = ${id} AND status = 'completed'`),
  perfect_scores: (id, limit) => capped(limit, sql`SELECT 1 FROM user_lessons WHERE user_id = ${id} AND score = 100`),
  chat_questions: (id, limit) =>
    capped(limit, sql`SELECT 1 FROM user_activity_log WHERE user_id = ${id} AND activity_type = 'chat_question'`),
  homework_submitted: (id, limit) => capped(limit, sql`SELECT 1 FROM user_lessons WHERE user_id = ${id} AND homework_submitted`),
  exam_topics_mastered: (id) => sql`(SELECT coalesce(sum(topics_completed), 0) FROM exam_courses WHERE user_id = ${id})`,
  study_minutes: (id) => sql`(SELECT coalesce(sum(study_minutes), 0) FROM user_study_days WHERE user_id = ${id})`,
  exercises_correct: (id, limit) =>
    capped(
      limit,
      sql`SELECT 1 FROM user_activity_log WHERE user_id = ${id} AND activity_type = 'exercise_answered'
          AND activity_data ->> 'award' IS NOT NULL`,
    ),
  plans_generated: (id, limit) => capped(limit, sql`SELECT 1 FROM learning_plans WHERE user_id = ${id}`),
};

/**
 * Where the student stands on the criteria in `limits` (others read as 0) — one statement, from the
 * facts. Counts stop at their limit, so evaluating achievements stays cheap however long the history.
 */
export async function achievementStats(db: Db, userId: string, limits: StatLimits): Promise<AchievementStats> {
  const stats = Object.fromEntries(ACHIEVEMENT_CRITERIA.map((c) => [c, 0])) as AchievementStats;
  const wanted = ACHIEVEMENT_CRITERIA.filter((c) => limits[c] !== undefined);
  if (wanted.length === 0) return stats;
  const columns = sql.join(
    wanted.map((c) => sql`${STATS[c](userId, Math.max(1, limits[c]!))} AS ${sql.identifier(c)}`),
    sql`, `,
  );
  const [row] = await executeRows<Record<string, number | string>>(db, sql`SELECT ${columns} FROM users u WHERE u.id = ${userId}`);
  for (const c of wanted) stats[c] = Number(row?.[c] ?? 0);
  return stats;
}

/** The highest target per criterion among `achievements`. */
export function limitsFor(achievements: readonly { criteriaType: string; criteriaValue: number }[]): StatLimits {
  const limits: StatLimits = {};
  for (const a of achievements) {
    const c = a.criteriaType as AchievementCriterion;
    limits[c] = Math.max(limits[c] ?? 0, a.criteriaValue);
  }
  return limits;
}
