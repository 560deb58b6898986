import { asc, eq } from 'drizzle-orm';
import type { StudentProgress } from '../../shared/contract';
import type { EnrolmentStatus } from '../../shared/domain';
import { accountColumns, toAccountSummary } from '../accounts/account-views';
import { courses, userCourses, users } from '../db/schema';
import type { Db } from '../db/types';

/** Read-only: every student account of this computer with their enrolments' progress. */
export async function studentsProgress(db: Db): Promise<StudentProgress[]> {
  const students = await db.select({ ...accountColumns, totalLessonsCompleted: users.totalLessonsCompleted }).from(users).where(eq(users.role, 'student')).orderBy(asc(users.fullName));
  const enrolments = await db
    .select({
      userId: userCourses.userId,
      courseId: userCourses.courseId,
      title: courses.title,
      status: userCourses.status,
      completedLessons: userCourses.completedLessons,
      totalLessons: courses.totalLessons,
      progressPercentage: userCourses.progressPercentage,
    })
    .from(userCourses)
    .innerJoin(courses, eq(courses.id, userCourses.courseId))
    .innerJoin(users, eq(users.id, userCourses.userId))
    .where(eq(users.role, 'student'))
    .orderBy(asc(courses.title));
  return students.map(({ totalLessonsCompleted, ...student }) => ({
    student: toAccountSummary(student),
    totalLessonsCompleted,
    courses: enrolments
      .filter((e) => e.userId === student.id)
      .map(({ userId: _owner, ...e }) => ({ ...e, status: e.status as EnrolmentStatus })),
  }));
}
