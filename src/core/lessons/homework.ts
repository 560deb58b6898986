import { onceActivityId, recordActivity } from '../motivation/activity';
import { POINTS } from '../motivation/points-rules';
import { and, eq, sql } from 'drizzle-orm';
import type { MutationArgs } from '../sync/mutation-registry';
import { lessons, userCourses, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { ensureEnrolment } from '../courses/enrol';
import type { MutationContext } from '../mutations/mutation-context';

/** What `user_lessons.homework_content` holds. */
export interface HomeworkContent {
  text: string;
  submittedAt: string;
  attachment: { name: string; storedAs: string; mimeType: string; size: number } | null;
}

/**
 * Keep the student's homework answer (a resubmission replaces it). Submitting starts the lesson if it
 * was not started, and enrols the student like completing a lesson does.
 */
export async function submitHomework(ctx: MutationContext, args: MutationArgs<'homework.submit'>): Promise<{ courseId: string }> {
  const { tx, userId } = ctx;
  const [lesson] = await tx
    .select({ courseId: lessons.courseId, enrolmentId: userCourses.id, enrolmentStatus: userCourses.status })
    .from(lessons)
    .leftJoin(userCourses, and(eq(userCourses.courseId, lessons.courseId), eq(userCourses.userId, userId)))
    .where(eq(lessons.id, args.lessonId));
  if (!lesson) throw notFound('Lesson');
  const existing = lesson.enrolmentId && lesson.enrolmentStatus ? { id: lesson.enrolmentId, status: lesson.enrolmentStatus } : null;
  const userCourseId = await ensureEnrolment(ctx, lesson.courseId, existing, new Date(args.at), args.timeZone);
  const content: HomeworkContent = { text: args.text, submittedAt: args.at, attachment: args.attachment };
  await tx
    .insert(userLessons)
    .values({ userId, lessonId: args.lessonId, userCourseId, status: 'in_progress', homeworkSubmitted: true, homeworkContent: { ...content } })
    .onConflictDoUpdate({
      target: [userLessons.userId, userLessons.lessonId],
      set: {
        homeworkSubmitted: true,
        homeworkContent: sql`excluded.homework_content`,
        status: sql`CASE WHEN ${userLessons.status} = 'not_started' THEN 'in_progress' ELSE ${userLessons.status} END`,
      },
      // The newest answer wins, whatever order two devices' submissions arrive in.
      setWhere: sql`${userLessons.homeworkContent} IS NULL
        OR coalesce(${userLessons.homeworkContent}->>'submittedAt', '') <= excluded.homework_content->>'submittedAt'`,
    });
  await recordActivity(ctx, {
    id: onceActivityId(userId, `homework:${args.lessonId}:${args.at}`),
    type: 'homework_submitted',
    at: args.at,
    timeZone: args.timeZone,
    courseId: lesson.courseId,
    lessonId: args.lessonId,
    // A resubmission is logged, but the homework's points are earned once.
    award: { key: `homework:${args.lessonId}`, points: POINTS.homeworkSubmitted },
  });
  return { courseId: lesson.courseId };
}

/** The stored file name of the lesson's current homework attachment, if any. */
export async function submittedAttachment(db: Db, userId: string, lessonId: string): Promise<string | null> {
  const [row] = await db
    .select({ content: userLessons.homeworkContent })
    .from(userLessons)
    .where(and(eq(userLessons.userId, userId), eq(userLessons.lessonId, lessonId)));
  return (row?.content as HomeworkContent | null | undefined)?.attachment?.storedAs ?? null;
}
