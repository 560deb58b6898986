import { and, eq, sql } from 'drizzle-orm';
import type { Enrolment } from '../../shared/contract';
import type { MutationArgs } from '../../shared/mutations';
import { courses, userCourses } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { findEnrolment } from './enrolment-view';

/**
 * Make sure the student is enrolled and studying: a new enrolment starts active, a paused or dropped
 * one becomes active again. Returns the enrolment row's id.
 */
export async function ensureEnrolment(tx: Db, userId: string, courseId: string, at: Date): Promise<string> {
  const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId));
  if (!course) throw notFound('Course');
  const [inserted] = await tx
    .insert(userCourses)
    .values({ userId, courseId, enrolledAt: at })
    .onConflictDoUpdate({
      target: [userCourses.userId, userCourses.courseId],
      set: { status: 'active' },
      setWhere: sql`${userCourses.status} IN ('paused', 'dropped')`,
    })
    .returning({ id: userCourses.id });
  if (inserted) return inserted.id;
  const [existing] = await tx
    .select({ id: userCourses.id })
    .from(userCourses)
    .where(and(eq(userCourses.userId, userId), eq(userCourses.courseId, courseId)));
  if (!existing) throw notFound('Enrolment');
  return existing.id;
}

export async function enrolInCourse(tx: Db, userId: string, args: MutationArgs<'course.enrol'>): Promise<Enrolment> {
  await ensureEnrolment(tx, userId, args.courseId, new Date(args.at));
  const enrolment = await findEnrolment(tx, userId, args.courseId);
  if (!enrolment) throw notFound('Enrolment');
  return enrolment;
}
