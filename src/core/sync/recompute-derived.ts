import { sql } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { levelForPoints } from '../motivation/levels';
import { storeLongestStreak } from '../motivation/refresh-motivation';

/**
 * A student's derived numbers, rebuilt from the facts on this device: per-day minutes, lessons and
 * points from the activity log; points, level, lessons completed and streaks on the users row. After a
 * pull the facts are the server's plus whatever is still pending here, and numbers copied from the
 * server would miss the latter (docs/sync.md: derived numbers are recomputed, never copied).
 */
export async function recomputeDerived(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`DELETE FROM user_study_days WHERE user_id = ${userId}`);
  await tx.execute(sql`
    INSERT INTO user_study_days (user_id, day, study_minutes, lessons_completed, points)
    SELECT ${userId}, (activity_data ->> 'day')::date,
      coalesce(sum((activity_data ->> 'minutes')::int), 0),
      count(*) FILTER (WHERE activity_type = 'lesson_completed' AND (activity_data ->> 'perfect') IS NULL),
      coalesce(sum((activity_data ->> 'points')::int), 0)
    FROM user_activity_log
    WHERE user_id = ${userId} AND activity_data ? 'day'
      AND (activity_data ? 'minutes' OR activity_data ? 'points' OR activity_type = 'lesson_completed')
    GROUP BY 2`);
  const [totals] = await executeRows<{ points: number; lessons: number }>(
    tx,
    sql`SELECT
          (SELECT coalesce(sum((activity_data ->> 'points')::int), 0) FROM user_activity_log WHERE user_id = ${userId})::int AS points,
          (SELECT count(*) FROM user_lessons WHERE user_id = ${userId} AND status IN ('completed', 'reviewed'))::int AS lessons`,
  );
  const points = totals?.points ?? 0;
  await tx.execute(sql`
    UPDATE users SET total_points = ${points}, level = ${levelForPoints(points)}, total_lessons_completed = ${totals?.lessons ?? 0}
    WHERE id = ${userId}`);
  await storeLongestStreak(tx, userId);
}
