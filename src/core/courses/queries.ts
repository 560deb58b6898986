import { and, asc, eq, sql } from 'drizzle-orm';
import type { CourseDetail, CourseSummary } from '../../shared/contract';
import type { Difficulty, ExamType, LessonStatus, Subject } from '../../shared/domain';
import { courses, lessons, userCourses, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { toEnrolment } from './enrolment-view';

const summaryColumns = {
  id: courses.id,
  title: courses.title,
  description: courses.description,
  subject: courses.subject,
  grade: courses.grade,
  examType: courses.examType,
  difficulty: courses.difficultyLevel,
  totalLessons: courses.totalLessons,
  estimatedHours: courses.estimatedHours,
  status: userCourses.status,
  completedLessons: userCourses.completedLessons,
  progressPercentage: userCourses.progressPercentage,
  currentLessonNumber: userCourses.currentLessonNumber,
  totalStudyTimeMinutes: userCourses.totalStudyTimeMinutes,
};

interface SummaryRow {
  id: string;
  title: string;
  description: string;
  subject: string;
  grade: number | null;
  examType: string | null;
  difficulty: string;
  totalLessons: number;
  estimatedHours: number | null;
  status: string | null;
  completedLessons: number | null;
  progressPercentage: number | null;
  currentLessonNumber: number | null;
  totalStudyTimeMinutes: number | null;
}

const toSummary = (row: SummaryRow): CourseSummary => ({
  id: row.id,
  title: row.title,
  description: row.description,
  subject: row.subject as Subject,
  grade: row.grade,
  examType: row.examType as ExamType | null,
  difficulty: row.difficulty as Difficulty,
  totalLessons: row.totalLessons,
  estimatedHours: row.estimatedHours,
  enrolment:
    row.status === null
      ? null
      : toEnrolment({
          courseId: row.id,
          status: row.status,
          completedLessons: row.completedLessons ?? 0,
          totalLessons: row.totalLessons,
          progressPercentage: row.progressPercentage ?? 0,
          currentLessonNumber: row.currentLessonNumber ?? 1,
          totalStudyTimeMinutes: row.totalStudyTimeMinutes ?? 0,
        }),
});

const selectSummaries = (db: Db, userId: string) =>
  db
    .select(summaryColumns)
    .from(courses)
    .leftJoin(userCourses, and(eq(userCourses.courseId, courses.id), eq(userCourses.userId, userId)));

/** The catalogue with the student's own enrolment, school grades first, then exam courses. */
export async function listCourses(db: Db, userId: string): Promise<CourseSummary[]> {
  const rows = await selectSummaries(db, userId).orderBy(sql`${courses.grade} ASC NULLS LAST`, asc(courses.title));
  return rows.map(toSummary);
}

/** Flow 1 of the seed: the course with its lessons in order, and where this student stands in each. */
export async function getCourse(db: Db, userId: string, courseId: string): Promise<CourseDetail> {
  const [courseRow] = await selectSummaries(db, userId).where(eq(courses.id, courseId));
  if (!courseRow) throw notFound('Course');
  const lessonRows = await db
    .select({
      id: lessons.id,
      number: lessons.lessonNumber,
      title: lessons.title,
      topic: lessons.topic,
      description: lessons.description,
      status: userLessons.status,
      score: userLessons.score,
    })
    .from(lessons)
    .leftJoin(userLessons, and(eq(userLessons.lessonId, lessons.id), eq(userLessons.userId, userId)))
    .where(eq(lessons.courseId, courseId))
    .orderBy(asc(lessons.lessonNumber));
  return {
    ...toSummary(courseRow),
    lessons: lessonRows.map((row) => ({
      ...row,
      status: (row.status ?? 'not_started') as LessonStatus,
      score: row.score ?? null,
    })),
  };
}
