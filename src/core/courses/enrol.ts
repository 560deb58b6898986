import { onceActivityId, recordActivity } from '../motivation/activity';
import { and, eq, sql } from 'drizzle-orm';
import type { Enrolment } from '../../shared/contract';
import type { MutationArgs } from '../sync/mutation-registry';
import { courses, userCourses } from '../db/schema';
import { notFound } from '../errors/app-error';
import { findEnrolment } from './enrolment-view';
import type { MutationContext } from '../mutations/mutation-context';

export interface EnrolmentState {
  id: string;
  status: string;
}

/**
 * Make sure the student is enrolled and studying, given what the caller already read of the enrolment
 * (or null): a new enrolment starts active, a paused or dropped one becomes active again, an active
 * or completed one is left untouched. Returns the enrolment's id.
 */
export async function ensureEnrolment(
  ctx: MutationContext,
  courseId: string,
  existing: EnrolmentState | null,
  at: Date,
  timeZone?: string,
): Promise<string> {
  const { tx, userId } = ctx;
  if (existing) {
    if (existing.status === 'paused' || existing.status === 'dropped') {
      await tx.update(userCourses).set({ status: 'active' }).where(eq(userCourses.id, existing.id));
    }
    return existing.id;
  }
  // A retired course takes no new students (those enrolled keep it).
  const [course] = await tx.select({ retiredAt: courses.retiredAt }).from(courses).where(eq(courses.id, courseId));
  if (!course || course.retiredAt) throw notFound('Course');
  // A concurrent enrolment of the same course (another window, a sync) wins the race harmlessly.
  const [inserted] = await tx
    .insert(userCourses)
    .values({ userId, courseId, enrolledAt: at })
    .onConflictDoUpdate({ target: [userCourses.userId, userCourses.courseId], set: { status: sql`${userCourses.status}` } })
    .returning({ id: userCourses.id });
  if (!inserted) throw notFound('Enrolment');
  // However it happened (the button, a first completed lesson or homework), joining is logged once.
  await recordActivity(ctx, {
    id: onceActivityId(userId, `enrolled:${courseId}`),
    type: 'course_enrolled',
    at: at.toISOString(),
    timeZone,
    courseId,
  });
  return inserted.id;
}

export async function enrolInCourse(ctx: MutationContext, args: MutationArgs<'courses.enrol'>): Promise<Enrolment> {
  const { tx, userId } = ctx;
  const [row] = await tx
    .select({ courseId: courses.id, enrolmentId: userCourses.id, status: userCourses.status })
    .from(courses)
    .leftJoin(userCourses, and(eq(userCourses.courseId, courses.id), eq(userCourses.userId, userId)))
    .where(eq(courses.id, args.courseId));
  if (!row) throw notFound('Course');
  const existing = row.enrolmentId && row.status ? { id: row.enrolmentId, status: row.status } : null;
  await ensureEnrolment(ctx, args.courseId, existing, new Date(args.at), args.timeZone);
  const enrolment = await findEnrolment(tx, userId, args.courseId);
  if (!enrolment) throw notFound('Enrolment');
  return enrolment;
}

/**
 * The student's choice about an enrolment. A completed course is not paused or dropped by mistake:
 * completion is a fact of the lessons, not a mood.
 */
export async function setEnrolmentStatus(ctx: MutationContext, args: MutationArgs<'courses.setStatus'>): Promise<Enrolment> {
  const { tx, userId } = ctx;
  const updated = await tx
    .update(userCourses)
    .set({ status: args.status })
    .where(and(eq(userCourses.userId, userId), eq(userCourses.courseId, args.courseId), sql`${userCourses.status} <> 'completed'`))
    .returning({ id: userCourses.id });
  const enrolment = await findEnrolment(tx, userId, args.courseId);
  if (!enrolment) throw notFound('Enrolment');
  if (updated.length === 0 && enrolment.status !== 'completed') throw notFound('Enrolment');
  return enrolment;
}
