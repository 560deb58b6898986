import { and, eq, sql } from 'drizzle-orm';
import type { Enrolment, LessonProgress } from '../../shared/contract';
import type { LessonStatus } from '../../shared/domain';
import type { MutationArgs } from '../../shared/mutations';
import { lessons, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { ensureEnrolment } from '../courses/enrol';
import { findEnrolment } from '../courses/enrolment-view';
import { recountEnrolment, recountUserTotals } from './recount';

export interface CompletedLesson {
  courseId: string;
  lesson: LessonProgress;
  enrolment: Enrolment;
}

/**
 * Flow 3 of the seed, inside the caller's transaction. Completing a lesson of a course the student is
 * not enrolled in enrols them: finishing a lesson is the clearest sign they study the course.
 *
 * Merges are monotonic so a repeat, a replay or a second device can only keep or improve the facts:
 * status never goes back, the best score wins, the reported study time is a running total (max wins),
 * the first completion time is kept. A repeat that improves nothing writes nothing.
 */
export async function completeLesson(tx: Db, userId: string, args: MutationArgs<'lesson.complete'>): Promise<CompletedLesson> {
  const at = new Date(args.at);
  const [lesson] = await tx
    .select({ id: lessons.id, courseId: lessons.courseId })
    .from(lessons)
    .where(eq(lessons.id, args.lessonId));
  if (!lesson) throw notFound('Lesson');
  const userCourseId = await ensureEnrolment(tx, userId, lesson.courseId, at);

  await tx
    .insert(userLessons)
    .values({
      userId,
      lessonId: lesson.id,
      userCourseId,
      status: 'completed',
      score: args.score,
      timeSpentMinutes: args.timeSpentMinutes,
      completedAt: at,
    })
    .onConflictDoUpdate({
      target: [userLessons.userId, userLessons.lessonId],
      set: {
        status: sql`CASE WHEN ${userLessons.status} = 'reviewed' THEN 'reviewed' ELSE 'completed' END`,
        score: sql`GREATEST(${userLessons.score}, excluded.score)`,
        timeSpentMinutes: sql`GREATEST(${userLessons.timeSpentMinutes}, excluded.time_spent_minutes)`,
        completedAt: sql`COALESCE(${userLessons.completedAt}, excluded.completed_at)`,
      },
      setWhere: sql`${userLessons.status} NOT IN ('completed', 'reviewed')
        OR ${userLessons.score} IS NULL OR ${userLessons.score} < excluded.score
        OR ${userLessons.timeSpentMinutes} < excluded.time_spent_minutes
        OR ${userLessons.completedAt} IS NULL`,
    });

  await recountEnrolment(tx, userCourseId);
  await recountUserTotals(tx, userId);

  const [progress] = await tx
    .select({
      lessonId: userLessons.lessonId,
      status: userLessons.status,
      score: userLessons.score,
      timeSpentMinutes: userLessons.timeSpentMinutes,
    })
    .from(userLessons)
    .where(and(eq(userLessons.userId, userId), eq(userLessons.lessonId, lesson.id)));
  const enrolment = await findEnrolment(tx, userId, lesson.courseId);
  if (!progress || !enrolment) throw notFound('Lesson progress');
  return {
    courseId: lesson.courseId,
    lesson: { ...progress, status: progress.status as LessonStatus },
    enrolment,
  };
}
