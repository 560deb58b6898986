import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { ExamPreparation, ExamTask } from '../../shared/contract';
import type { ExamType, Subject } from '../../shared/domain';
import { courses, examCourses, lessons, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { masteryOf, taskNumbersOf } from './task-numbers';

/**
 * The lessons (alias l) of courses (alias c) that count for this student: the catalogue's, and those of
 * a retired course they are enrolled in; never a retired lesson.
 */
const inCatalogueOf = (userId: string) => sql`l.retired_at IS NULL
  AND (c.retired_at IS NULL OR EXISTS (SELECT 1 FROM user_courses uc WHERE uc.user_id = ${userId} AND uc.course_id = c.id))`;

/**
 * Recount one exam preparation (exam + subject) from the student's lesson facts in that exam's
 * courses: topics completed of all topics, percentage, last studied. Called on every lesson completion
 * in an exam course.
 */
export async function refreshExamCourse(tx: Db, userId: string, examType: string, subject: string, at: Date): Promise<void> {
  await tx.execute(sql`
    WITH facts AS (
      SELECT count(*)::int AS total,
             (count(*) FILTER (WHERE ul.status IN ('completed', 'reviewed')))::int AS done
      FROM lessons l
      JOIN courses c ON c.id = l.course_id
      LEFT JOIN user_lessons ul ON ul.lesson_id = l.id AND ul.user_id = ${userId}
      WHERE c.exam_type = ${examType} AND c.subject = ${subject} AND ${inCatalogueOf(userId)}
    )
    INSERT INTO exam_courses (user_id, exam_type, subject, topics_completed, total_topics, progress_percentage, last_studied_at)
    SELECT ${userId}, ${examType}, ${subject}, least(done, greatest(total, 1)), greatest(total, 1),
           round(100.0 * least(done, greatest(total, 1)) / greatest(total, 1), 2), ${at.toISOString()}::timestamptz
    FROM facts
    ON CONFLICT (user_id, exam_type, subject) DO UPDATE SET
      topics_completed = excluded.topics_completed,
      total_topics = excluded.total_topics,
      progress_percentage = excluded.progress_percentage,
      last_studied_at = greatest(exam_courses.last_studied_at, excluded.last_studied_at)
  `);
}

/** Every exam and subject of the catalogue, with the student's mastery of each task number. */
export async function examOverview(db: Db, userId: string): Promise<ExamPreparation[]> {
  const rows = await db
    .select({
      examType: courses.examType,
      subject: courses.subject,
      courseId: courses.id,
      lessonId: lessons.id,
      number: lessons.lessonNumber,
      title: lessons.title,
      topic: lessons.topic,
      status: userLessons.status,
      score: userLessons.score,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(userLessons, and(eq(userLessons.lessonId, lessons.id), eq(userLessons.userId, userId)))
    .where(
      and(
        isNotNull(courses.examType),
        isNull(lessons.retiredAt),
        or(isNull(courses.retiredAt), sql`EXISTS (SELECT 1 FROM user_courses uc WHERE uc.user_id = ${userId} AND uc.course_id = ${courses.id})`),
      ),
    )
    .orderBy(courses.examType, courses.subject, lessons.lessonNumber);
  const stored = await db.select().from(examCourses).where(eq(examCourses.userId, userId));

  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.examType}|${row.subject}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const [examType, subject] = key.split('|') as [ExamType, Subject];
    const tasks = new Map<number, ExamTask>();
    for (const lesson of group) {
      for (const taskNumber of taskNumbersOf(lesson.topic)) {
        const task = tasks.get(taskNumber) ?? { taskNumber, mastery: 'not_started', bestScore: null, lessons: [] };
        task.lessons.push({ lessonId: lesson.lessonId, title: lesson.title, courseId: lesson.courseId });
        const done = lesson.status === 'completed' || lesson.status === 'reviewed';
        if (done && lesson.score !== null) task.bestScore = Math.max(task.bestScore ?? 0, lesson.score);
        task.mastery = masteryOf(task.bestScore);
        tasks.set(taskNumber, task);
      }
    }
    const taskList = [...tasks.values()].sort((a, b) => a.taskNumber - b.taskNumber);
    const nextTask = taskList.find((t) => t.mastery !== 'mastered');
    const record = stored.find((s) => s.examType === examType && s.subject === subject);
    const done = group.filter((l) => l.status === 'completed' || l.status === 'reviewed').length;
    return {
      examType,
      subject,
      topicsCompleted: record?.topicsCompleted ?? done,
      totalTopics: record?.totalTopics ?? group.length,
      progressPercentage: record?.progressPercentage ?? 0,
      lastStudiedAt: record?.lastStudiedAt?.toISOString() ?? null,
      tasks: taskList,
      next: nextTask ? { lessonId: nextTask.lessons[0]!.lessonId, title: nextTask.lessons[0]!.title, taskNumber: nextTask.taskNumber } : null,
    };
  });
}
