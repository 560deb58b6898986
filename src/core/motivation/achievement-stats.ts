import { sql, type SQL } from 'drizzle-orm';
import { ACHIEVEMENT_CRITERIA, type AchievementCriterion } from '../../shared/domain';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import type { AchievementStats } from './achievements-rules';

/** How far to count each criterion: past the highest target still to reach, a count changes nothing. */
export type StatLimits = Partial<Record<AchievementCriterion, number>>;

/** Counts rows, but stops at `limit`: a student with 15,000 questions costs no more than one with 10. */
const capped = (limit: number | SQL, rows: SQL) => sql`(SELECT count(*) FROM (${rows} LIMIT ${limit}) capped)`;

const STATS: Record<AchievementCriterion, (userId: string, limit: number | SQL) => SQL> = {
  lessons_completed: () => sql`u.total_lessons_completed`,
  streak_days: () => sql`u.longest_streak_days`,
  total_points: () => sql`u.total_points`,
  level_reached: () => sql`u.level`,
  courses_completed: (id, limit) => capped(limit, sql`SELECT 1 FROM user_courses WHERE user_id = ${id} AND status = 'completed'`),
  // «Без единой ошибки» means it: a lesson at 100 with no wrong answer to its exercises before it was completed.
  perfect_scores: (id, limit) =>
    capped(
      limit,
      sql`SELECT 1 FROM user_lessons ul WHERE ul.user_id = ${id} AND ul.score = 100
          AND NOT EXISTS (SELECT 1 FROM user_activity_log a
            WHERE a.user_id = ${id} AND a.lesson_id = ul.lesson_id AND a.activity_type = 'exercise_answered'
              AND a.activity_data ->> 'correct' = 'false' AND a.created_at <= coalesce(ul.completed_at, 'infinity'))`,
    ),
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

export interface LockedAchievement {
  id: string;
  name: string;
  title: string;
  criteriaType: AchievementCriterion;
  criteriaValue: number;
  pointsReward: number;
}

export interface StandingForCriteria {
  totalPoints: number;
  level: number;
  locked: LockedAchievement[];
  stats: AchievementStats;
}

/**
 * In ONE round trip (it runs after every change, inside its transaction): the student's points and
 * level, the achievements still locked among `criteria`, and the stats those need — each count capped
 * at the highest target still locked, so a criterion with nothing left to unlock costs nothing.
 */
export async function standingFor(db: Db, userId: string, criteria: AchievementCriterion[]): Promise<StandingForCriteria> {
  const limitOf = (c: AchievementCriterion) => sql`(SELECT coalesce(max(criteria_value), 0) FROM locked WHERE criteria_type = ${c})`;
  const columns = criteria.map((c) => sql`, ${STATS[c](userId, limitOf(c))} AS ${sql.identifier(c)}`);
  const [row] = await executeRows<Record<string, unknown>>(
    db,
    sql`WITH locked AS (
          SELECT a.id, a.name, a.title, a.criteria_type, a.criteria_value, a.points_reward FROM achievements a
          WHERE a.criteria_type IN (${sql.join(criteria.map((c) => sql`${c}`), sql`, `)})
            AND NOT EXISTS (SELECT 1 FROM user_achievements ua WHERE ua.user_id = ${userId} AND ua.achievement_id = a.id))
        SELECT u.total_points, u.level,
          (SELECT coalesce(json_agg(locked ORDER BY criteria_type, criteria_value, name), '[]'::json) FROM locked) AS locked
          ${sql.join(columns, sql``)}
        FROM users u WHERE u.id = ${userId}`,
  );
  const stats = Object.fromEntries(ACHIEVEMENT_CRITERIA.map((c) => [c, 0])) as AchievementStats;
  for (const c of criteria) stats[c] = Number(row?.[c] ?? 0);
  const locked = (typeof row?.locked === 'string' ? JSON.parse(row.locked) : (row?.locked ?? [])) as Record<string, unknown>[];
  return {
    totalPoints: Number(row?.total_points ?? 0),
    level: Number(row?.level ?? 1),
    locked: locked.map((a) => ({
      id: String(a.id),
      name: String(a.name),
      title: String(a.title),
      criteriaType: a.criteria_type as AchievementCriterion,
      criteriaValue: Number(a.criteria_value),
      pointsReward: Number(a.points_reward),
    })),
    stats,
  };
}
