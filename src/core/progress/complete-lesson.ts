import { and, eq, sql } from 'drizzle-orm';
import type { Enrolment, LessonProgress } from '../../shared/contract';
import type { LessonStatus } from '../../shared/domain';
import type { MutationArgs } from '../sync/mutation-registry';
import { courses, lessons, userCourses, userLessons } from '../db/schema';
import { refreshExamCourse } from '../exams/exam-preparation';
import { notFound } from '../errors/app-error';
import { ensureEnrolment } from '../courses/enrol';
import { recountAfterLessonChange } from './recount';
import { onceActivityId, recordActivity } from '../motivation/activity';
import { POINTS } from '../motivation/points-rules';
import type { MutationContext } from '../mutations/mutation-context';

export interface CompletedLesson {
  courseId: string;
  lesson: LessonProgress;
  enrolment: Enrolment;
}

/**
 * Completing a lesson, inside the caller's transaction. Completing a lesson of a course the student is
 * not enrolled in enrols them: finishing a lesson is the clearest sign they study the course.
 *
 * Merges are monotonic so a repeat, a replay or a second device can only keep or improve the facts:
 * status never goes back, the best score wins, the reported study time is a running total (max wins),
 * the first completion time is kept. A repeat that improves nothing writes nothing.
 */
export async function completeLesson(ctx: MutationContext, args: MutationArgs<'progress.completeLesson'>): Promise<CompletedLesson> {
  const { tx, userId } = ctx;
  const [lesson] = await tx
    .select({
      courseId: lessons.courseId,
      examType: courses.examType,
      subject: courses.subject,
      enrolmentId: userCourses.id,
      enrolmentStatus: userCourses.status,
      retiredAt: lessons.retiredAt,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(userCourses, and(eq(userCourses.courseId, lessons.courseId), eq(userCourses.userId, userId)))
    .where(eq(lessons.id, args.lessonId));
  // A retired lesson is there for the students already enrolled in its course, not a way into it.
  if (!lesson || (lesson.retiredAt && !lesson.enrolmentId)) throw notFound('Lesson');
  const at = new Date(args.at);
  const existing = lesson.enrolmentId && lesson.enrolmentStatus ? { id: lesson.enrolmentId, status: lesson.enrolmentStatus } : null;
  const userCourseId = await ensureEnrolment(ctx, lesson.courseId, existing, at, args.timeZone);

  const progressColumns = {
    lessonId: userLessons.lessonId,
    status: userLessons.status,
    score: userLessons.score,
    timeSpentMinutes: userLessons.timeSpentMinutes,
  };
  let [progress] = await tx
    .insert(userLessons)
    .values({
      userId,
      lessonId: args.lessonId,
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
    })
    .returning(progressColumns);
  // Nothing returned: the repeat improved nothing and wrote nothing; read what stands.
  if (!progress) {
    [progress] = await tx
      .select(progressColumns)
      .from(userLessons)
      .where(and(eq(userLessons.userId, userId), eq(userLessons.lessonId, args.lessonId)));
  }
  if (!progress) throw notFound('Lesson progress');

  await recordCompletion(ctx, args, lesson.courseId, progress.score);
  const enrolment = await recountAfterLessonChange(tx, userId, userCourseId);
  if (lesson.examType) await refreshExamCourse(tx, userId, lesson.examType, lesson.subject, at);
  return {
    courseId: lesson.courseId,
    lesson: { ...progress, status: progress.status as LessonStatus },
    enrolment,
  };
}

/** The first completion of a lesson earns its points once; reaching 100 (now or later) earns the bonus once. */
async function recordCompletion(ctx: MutationContext, args: MutationArgs<'progress.completeLesson'>, courseId: string, bestScore: number | null) {
  const { userId } = ctx;
  const common = { at: args.at, timeZone: args.timeZone, courseId, lessonId: args.lessonId } as const;
  await recordActivity(ctx, {
    ...common,
    id: onceActivityId(userId, `lesson-completed:${args.lessonId}`),
    type: 'lesson_completed',
    data: { score: args.score },
    award: { key: `lesson:${args.lessonId}`, points: POINTS.lessonCompleted },
    lessonCompleted: true,
  });
  if (bestScore === 100) {
    await recordActivity(ctx, {
      ...common,
      id: onceActivityId(userId, `lesson-perfect:${args.lessonId}`),
      type: 'lesson_completed',
      data: { score: 100, perfect: true },
      award: { key: `perfect:${args.lessonId}`, points: POINTS.perfectLessonBonus },
    });
  }
}
