import { and, eq } from 'drizzle-orm';
import type { Enrolment } from '../../shared/contract';
import type { EnrolmentStatus } from '../../shared/domain';
import { courses, userCourses } from '../db/schema';
import type { Db } from '../db/types';

/** The columns of an enrolment as the contract shows it; select with `courses` and `user_courses` joined. */
export const enrolmentColumns = {
  courseId: userCourses.courseId,
  status: userCourses.status,
  completedLessons: userCourses.completedLessons,
  totalLessons: courses.totalLessons,
  progressPercentage: userCourses.progressPercentage,
  currentLessonNumber: userCourses.currentLessonNumber,
  totalStudyTimeMinutes: userCourses.totalStudyTimeMinutes,
};

type EnrolmentRow = { [K in keyof typeof enrolmentColumns]: (typeof enrolmentColumns)[K]['_']['data'] };

export const toEnrolment = (row: EnrolmentRow): Enrolment => ({ ...row, status: row.status as EnrolmentStatus });

export async function findEnrolment(db: Db, userId: string, courseId: string): Promise<Enrolment | null> {
  const [row] = await db
    .select(enrolmentColumns)
    .from(userCourses)
    .innerJoin(courses, eq(courses.id, userCourses.courseId))
    .where(and(eq(userCourses.userId, userId), eq(userCourses.courseId, courseId)));
  return row ? toEnrolment(row) : null;
}
