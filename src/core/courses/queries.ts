import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CourseDetail, CourseSummary } from '../../shared/contract';
import type { Difficulty, ExamType, LessonStatus, Subject } from '../../shared/domain';
import { courses, userCourses } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { lessonMastery } from '../review/lesson-mastery';
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
  retiredAt: courses.retiredAt,
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
  retiredAt: Date | null;
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
  retired: row.retiredAt !== null,
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

/** Courses with this student's enrolment (if any), plus any extra columns. */
const selectSummaries = <Extra extends Record<string, SQL>>(db: Db, userId: string, extra: Extra = {} as Extra) =>
  db
    .select({ ...summaryColumns, ...extra })
    .from(courses)
    .leftJoin(userCourses, and(eq(userCourses.courseId, courses.id), eq(userCourses.userId, userId)));

/** A retired course is there only for the students enrolled in it (their progress and history stay theirs). */
const visible = or(isNull(courses.retiredAt), isNotNull(userCourses.id));

/** The catalogue with the student's own enrolment, school grades first, then exam courses. */
export async function listCourses(db: Db, userId: string): Promise<CourseSummary[]> {
  const rows = await selectSummaries(db, userId).where(visible).orderBy(sql`${courses.grade} ASC NULLS LAST`, asc(courses.title));
  return rows.map(toSummary);
}

interface LessonRow {
  id: string;
  number: number;
  title: string;
  topic: string;
  description: string;
  status: string | null;
  score: number | null;
  retired: boolean;
}

/**
 * Opening a course: the course with its lessons in order, and where this student stands in each.
 * One round trip: the lessons come back aggregated as JSON next to the course row. A retired lesson is
 * listed only for a student who has studied it.
 */
export async function getCourse(db: Db, userId: string, courseId: string): Promise<CourseDetail> {
  const lessonList = sql<LessonRow[]>`coalesce((
    SELECT json_agg(json_build_object(
      'id', l.id, 'number', l.lesson_number, 'title', l.title, 'topic', l.topic,
      'description', l.description, 'status', ul.status, 'score', ul.score, 'retired', l.retired_at IS NOT NULL)
      ORDER BY l.retired_at IS NOT NULL, l.lesson_number)
    FROM lessons l
    LEFT JOIN user_lessons ul ON ul.lesson_id = l.id AND ul.user_id = ${userId}
    WHERE l.course_id = ${courses.id} AND (l.retired_at IS NULL OR ul.id IS NOT NULL)), '[]'::json)`;
  const [row] = await selectSummaries(db, userId, { lessons: lessonList }).where(and(eq(courses.id, courseId), visible));
  if (!row) throw notFound('Course');
  const { lessons: lessonRows, ...courseRow } = row;
  const mastery = await lessonMastery(db, userId, lessonRows.map((lesson) => lesson.id));
  return {
    ...toSummary(courseRow),
    lessons: lessonRows.map((lesson) => ({
      ...lesson,
      status: (lesson.status ?? 'not_started') as LessonStatus,
      score: lesson.score ?? null,
      mastery: mastery.get(lesson.id) ?? 'not_started',
    })),
  };
}
