import { onceActivityId, recordActivity } from '../motivation/activity';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LearningPlan, PlanSession } from '../../shared/contract';
import type { LessonStatus } from '../../shared/domain';
import type { MutationArgs } from '../sync/mutation-registry';
import { courses, learningPlans, lessons, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { invalidInput, notFound } from '../errors/app-error';
import { generatePlan, type PlanLesson } from './generate-plan';
import type { MutationContext } from '../mutations/mutation-context';

const DEFAULT_LESSON_MINUTES = 45;
/** A course's estimated hours include homework and revision; one sitting of a lesson is at most an hour. */
const MAX_LESSON_MINUTES = 60;

/** Today as a calendar date in this computer's time zone (the student's, on their own device). */
export const localDate = (now: Date) => now.toLocaleDateString('sv-SE');

interface StoredPlan {
  version: 1;
  source: 'offline';
  settings: { targetDate: string; studyDays: number[]; minutesPerDay: number };
  sessions: PlanSession[];
  fitsBeforeTarget: boolean;
  projectedEndDate: string | null;
}

async function courseLessons(db: Db, userId: string, courseId: string) {
  const [course] = await db.select({ title: courses.title, hours: courses.estimatedHours, total: courses.totalLessons }).from(courses).where(eq(courses.id, courseId));
  if (!course) throw notFound('Course');
  const rows = await db
    .select({ lessonId: lessons.id, number: lessons.lessonNumber, title: lessons.title, status: userLessons.status, score: userLessons.score })
    .from(lessons)
    .leftJoin(userLessons, and(eq(userLessons.lessonId, lessons.id), eq(userLessons.userId, userId)))
    .where(and(eq(lessons.courseId, courseId), isNull(lessons.retiredAt)))
    .orderBy(lessons.lessonNumber);
  const planLessons: PlanLesson[] = rows.map((r) => ({ ...r, status: (r.status ?? 'not_started') as LessonStatus, score: r.score ?? null }));
  const lessonMinutes =
    course.hours && course.total ? Math.min(MAX_LESSON_MINUTES, Math.max(15, Math.round((course.hours * 60) / course.total))) : DEFAULT_LESSON_MINUTES;
  return { course, planLessons, lessonMinutes };
}

/** Make or remake the plan of a course (one plan per student and course). */
export async function generateLearningPlan(ctx: MutationContext, args: MutationArgs<'plans.generate'>): Promise<void> {
  const { tx, userId } = ctx;
  if (args.targetDate <= args.today) throw invalidInput('The target date must be after today', [{ path: 'targetDate', message: 'target_not_after_today' }]);
  const { planLessons, lessonMinutes } = await courseLessons(tx, userId, args.courseId);
  const settings = { targetDate: args.targetDate, studyDays: [...new Set(args.studyDays)].sort(), minutesPerDay: args.minutesPerDay };
  const generated = generatePlan({ today: args.today, ...settings, lessonMinutes, lessons: planLessons });
  const planData: StoredPlan = { version: 1, source: 'offline', settings, ...generated };
  const lessonsStructure = planLessons.map((lesson) => ({
    lessonId: lesson.lessonId,
    number: lesson.number,
    dates: generated.sessions.filter((s) => s.items.some((i) => i.lessonId === lesson.lessonId)).map((s) => s.date),
  }));
  const at = new Date(args.at);
  await tx
    .insert(learningPlans)
    .values({ userId, courseId: args.courseId, planData: { ...planData }, lessonsStructure, generatedAt: at, lastUpdatedAt: at })
    .onConflictDoUpdate({
      target: [learningPlans.userId, learningPlans.courseId],
      set: { planData: sql`excluded.plan_data`, lessonsStructure: sql`excluded.lessons_structure`, generatedAt: at, lastUpdatedAt: at },
    });
  await recordActivity(ctx, {
    id: onceActivityId(userId, `plan:${args.courseId}:${args.at}`),
    type: 'plan_generated',
    at: args.at,
    timeZone: args.timeZone,
    courseId: args.courseId,
    data: { targetDate: args.targetDate },
  });
}

/** The plan with what it means today: today's work, and earlier work still not done. */
export async function getLearningPlan(db: Db, userId: string, courseId: string, now: Date): Promise<LearningPlan | null> {
  const [row] = await db.select().from(learningPlans).where(and(eq(learningPlans.userId, userId), eq(learningPlans.courseId, courseId)));
  if (!row) return null;
  const plan = row.planData as unknown as StoredPlan;
  const { course, planLessons } = await courseLessons(db, userId, courseId);
  const statuses = Object.fromEntries(planLessons.map((l) => [l.lessonId, l.status]));
  const done = (lessonId: string) => statuses[lessonId] === 'completed' || statuses[lessonId] === 'reviewed';
  const today = localDate(now);
  const pending = (s: PlanSession) => s.items.filter((i) => (i.kind === 'lesson' ? !done(i.lessonId) : true));
  return {
    courseId,
    courseTitle: course.title,
    settings: plan.settings,
    sessions: plan.sessions,
    fitsBeforeTarget: plan.fitsBeforeTarget,
    projectedEndDate: plan.projectedEndDate,
    today,
    todayItems: plan.sessions.filter((s) => s.date === today).flatMap(pending),
    lateItems: plan.sessions
      .filter((s) => s.date < today)
      .flatMap((s) => s.items.filter((i) => i.kind === 'lesson' && !done(i.lessonId)).map((i) => ({ ...i, date: s.date }))),
    lessonStatuses: statuses,
    generatedAt: row.generatedAt.toISOString(),
    lastUpdatedAt: row.lastUpdatedAt.toISOString(),
  };
}
