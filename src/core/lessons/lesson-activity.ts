import type { Exercise } from '../../shared/content';
import { and, eq, sql } from 'drizzle-orm';
import type { AnswerNotice } from '../../shared/answer-notice';
import { judgeAnswer } from '../../shared/exercise-check';
import type { MutationArgs } from '../sync/mutation-registry';
import { courses, lessons, userCourses, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { onceActivityId, recordActivity } from '../motivation/activity';
import { POINTS } from '../motivation/points-rules';
import { examOf, findExercise } from './lesson-detail';
import type { MutationContext } from '../mutations/mutation-context';

async function courseOf(tx: Db, lessonId: string) {
  const [row] = await tx.select({ courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, lessonId));
  if (!row) throw notFound('Lesson');
  return row.courseId;
}

/**
 * Opening a lesson starts it (logged once). An enrolled student's lesson moves to `in_progress`;
 * opening earns nothing — points are for outcomes.
 */
export async function startLesson(ctx: MutationContext, args: MutationArgs<'lessons.start'>): Promise<{ started: boolean; courseId: string }> {
  const { tx, userId } = ctx;
  const courseId = await courseOf(tx, args.lessonId);
  const [enrolment] = await tx
    .select({ id: userCourses.id })
    .from(userCourses)
    .where(and(eq(userCourses.userId, userId), eq(userCourses.courseId, courseId)));
  if (enrolment) {
    await tx
      .insert(userLessons)
      .values({ userId, lessonId: args.lessonId, userCourseId: enrolment.id, status: 'in_progress' })
      .onConflictDoUpdate({
        target: [userLessons.userId, userLessons.lessonId],
        set: { status: 'in_progress' },
        setWhere: sql`${userLessons.status} = 'not_started'`,
      });
  }
  const recorded = await recordActivity(ctx, {
    id: onceActivityId(userId, `lesson-started:${args.lessonId}`),
    type: 'lesson_started',
    at: args.at,
    timeZone: args.timeZone,
    courseId,
    lessonId: args.lessonId,
  });
  return { started: recorded.inserted, courseId };
}

/** Minutes of real study on a lesson: they fill the day's goal and the heatmap. */
export async function recordStudyTime(ctx: MutationContext, args: MutationArgs<'study.recordTime'>): Promise<string> {
  const { tx } = ctx;
  const courseId = await courseOf(tx, args.lessonId);
  const recorded = await recordActivity(ctx, {
    id: args.entryId,
    type: 'study_time',
    at: args.at,
    timeZone: args.timeZone,
    courseId,
    lessonId: args.lessonId,
    studyMinutes: args.minutes,
  });
  return recorded.day;
}

/** The course a lesson belongs to and its exam, whose answer-sheet rules the checker applies. */
async function courseWithExam(tx: Db, lessonId: string) {
  const [row] = await tx
    .select({ courseId: lessons.courseId, examType: courses.examType })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.id, lessonId));
  if (!row) throw notFound('Lesson');
  return { courseId: row.courseId, exam: examOf(row.examType) };
}

/**
 * Check an answer in the core and log it, right or wrong. The first right answer to an exercise earns
 * its points; answering it right again earns nothing. The course's exam decides the answer-sheet rules.
 */
export async function answerExercise(
  ctx: MutationContext,
  args: MutationArgs<'exercises.check'>,
): Promise<{ correct: boolean; notice: AnswerNotice | null; exercise: Exercise }> {
  const { tx } = ctx;
  const exercise = await findExercise(tx, args.lessonId, args.exerciseId);
  const { courseId, exam } = await courseWithExam(tx, args.lessonId);
  const { correct, notice } = judgeAnswer(exercise, args.answer, { exam });
  await recordActivity(ctx, {
    id: args.answerId,
    type: 'exercise_answered',
    at: args.at,
    timeZone: args.timeZone,
    courseId,
    lessonId: args.lessonId,
    data: { exerciseId: args.exerciseId, correct },
    ...(correct ? { award: { key: `exercise:${args.lessonId}:${args.exerciseId}`, points: POINTS.exerciseCorrect } } : {}),
  });
  return { correct, notice, exercise };
}
