import { sql } from 'drizzle-orm';
import type { Dashboard } from '../../shared/contract';
import type { EnrolmentStatus } from '../../shared/domain';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import { addDays } from './local-day';
import { motivationSummary } from './summary';

const HEATMAP_DAYS = 365;
const RECENT_DAYS = 30;

/** Every day from `first` to `last`, with the minutes studied (zero when none). */
function fillDays(first: string, last: string, minutes: Map<string, number>) {
  const days = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push({ day, minutes: minutes.get(day) ?? 0 });
  return days;
}

/** The progress dashboard: four indexed reads (study days, courses, lesson scores, the summary). */
export async function dashboard(db: Db, userId: string, today: string, timeZone: string): Promise<Dashboard> {
  const since = addDays(today, -(HEATMAP_DAYS - 1));
  const [summary, days, courses, scores] = await Promise.all([
    motivationSummary(db, userId, today),
    executeRows<{ day: string; minutes: number }>(
      db,
      sql`SELECT day::text AS day, study_minutes AS minutes FROM user_study_days
          WHERE user_id = ${userId} AND day >= ${since}::date AND day <= ${today}::date ORDER BY day`,
    ),
    executeRows<{ course_id: string; title: string; status: string; progress: string | number; completed: number; total: number }>(
      db,
      sql`SELECT uc.course_id, c.title, uc.status, uc.progress_percentage AS progress,
            uc.completed_lessons AS completed, c.total_lessons AS total
          FROM user_courses uc JOIN courses c ON c.id = uc.course_id
          WHERE uc.user_id = ${userId} ORDER BY uc.enrolled_at`,
    ),
    executeRows<{ lesson_id: string; course_id: string; course_title: string; lesson_number: number; title: string; score: number }>(
      db,
      sql`SELECT ul.lesson_id, l.course_id, c.title AS course_title, l.lesson_number, l.title, ul.score
          FROM user_lessons ul JOIN lessons l ON l.id = ul.lesson_id JOIN courses c ON c.id = l.course_id
          WHERE ul.user_id = ${userId} AND ul.score IS NOT NULL ORDER BY c.title, l.lesson_number`,
    ),
  ]);
  const minutes = new Map(days.map((d) => [d.day, Number(d.minutes)]));
  const sum = (from: string, to: string) => fillDays(from, to, minutes).reduce((total, d) => total + d.minutes, 0);
  return {
    summary,
    today,
    timeZone,
    heatmap: days.filter((d) => Number(d.minutes) > 0).map((d) => ({ day: d.day, minutes: Number(d.minutes) })),
    recentDays: fillDays(addDays(today, -(RECENT_DAYS - 1)), today, minutes),
    comparison: summary.hideComparisons
      ? null
      : { thisWeekMinutes: sum(addDays(today, -6), today), lastWeekMinutes: sum(addDays(today, -13), addDays(today, -7)) },
    courses: courses.map((c) => ({
      courseId: c.course_id,
      title: c.title,
      status: c.status as EnrolmentStatus,
      progressPercentage: Number(c.progress),
      completedLessons: c.completed,
      totalLessons: c.total,
    })),
    lessonScores: scores.map((s) => ({
      lessonId: s.lesson_id,
      courseId: s.course_id,
      courseTitle: s.course_title,
      lessonNumber: s.lesson_number,
      title: s.title,
      score: s.score,
    })),
  };
}
