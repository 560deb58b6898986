import { and, eq, sql } from 'drizzle-orm';
import type { ExerciseView, HomeworkFeedback, LessonDetail } from '../../shared/contract';
import type { Exercise } from '../../shared/content';
import { EXAM_TYPES, type ExamType, type LessonStatus } from '../../shared/domain';
import { courses, lessons, userCourses, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import type { AttachmentMime } from '../../shared/homework';
import type { HomeworkContent } from './homework';

/** A course's exam as stored (the column's check constraint allows only these values, or none). */
export const examOf = (examType: string | null): ExamType | null => EXAM_TYPES.find((exam) => exam === examType) ?? null;

/** What the student may see of an exercise before answering it: no answer, no explanation. */
export const toExerciseView = (exercise: Exercise, exam: ExamType | null): ExerciseView => ({
  id: exercise.id,
  type: exercise.type,
  prompt: exercise.prompt,
  options: exercise.type === 'single_choice' || exercise.type === 'multiple_choice' ? exercise.options : null,
  unit: exercise.type === 'numeric' ? (exercise.unit ?? null) : null,
  hintCount: exercise.hints.length,
  exam,
});

/**
 * A lesson to study, with the student's own progress and its neighbours in the course. A retired
 * lesson, or one of a retired course, stays readable for the students enrolled in the course.
 */
export async function getLesson(db: Db, userId: string, lessonId: string): Promise<LessonDetail> {
  const [row] = await db
    .select({
      id: lessons.id,
      courseId: lessons.courseId,
      courseTitle: courses.title,
      examType: courses.examType,
      number: lessons.lessonNumber,
      title: lessons.title,
      topic: lessons.topic,
      description: lessons.description,
      content: lessons.content,
      objectives: lessons.learningObjectives,
      keyConcepts: lessons.keyConcepts,
      exercises: lessons.practiceExercises,
      homework: lessons.homework,
      status: userLessons.status,
      score: userLessons.score,
      timeSpentMinutes: userLessons.timeSpentMinutes,
      homeworkContent: userLessons.homeworkContent,
      homeworkFeedback: userLessons.homeworkFeedback,
      previousLessonId: sql<string | null>`(SELECT p.id FROM lessons p WHERE p.course_id = ${lessons.courseId}
        AND p.retired_at IS NULL AND p.lesson_number < ${lessons.lessonNumber} ORDER BY p.lesson_number DESC LIMIT 1)`,
      nextLessonId: sql<string | null>`(SELECT n.id FROM lessons n WHERE n.course_id = ${lessons.courseId}
        AND n.retired_at IS NULL AND n.lesson_number > ${lessons.lessonNumber} ORDER BY n.lesson_number ASC LIMIT 1)`,
      retired: sql<boolean>`(${lessons.retiredAt} IS NOT NULL OR ${courses.retiredAt} IS NOT NULL)`,
      enrolled: sql<boolean>`(${userCourses.id} IS NOT NULL)`,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(userLessons, and(eq(userLessons.lessonId, lessons.id), eq(userLessons.userId, userId)))
    .leftJoin(userCourses, and(eq(userCourses.courseId, lessons.courseId), eq(userCourses.userId, userId)))
    .where(eq(lessons.id, lessonId));
  if (!row || (row.retired && !row.enrolled)) throw notFound('Lesson');
  const { status, score, timeSpentMinutes, exercises, homework, homeworkContent, homeworkFeedback, examType, retired: _retired, enrolled: _enrolled, ...lesson } = row;
  const submission = homeworkContent as HomeworkContent | null;
  return {
    ...lesson,
    exercises: exercises.map((exercise) => toExerciseView(exercise, examOf(examType))),
    homework: homework
      ? {
          prompt: homework.prompt,
          criteria: homework.criteria,
          submission: submission
            ? {
                text: submission.text,
                submittedAt: submission.submittedAt,
                attachment: submission.attachment
                  ? { name: submission.attachment.name, mimeType: submission.attachment.mimeType as AttachmentMime, size: submission.attachment.size }
                  : null,
              }
            : null,
          // Self-check: the model answer opens once the student has written their own.
          modelAnswer: submission ? homework.modelAnswer : null,
          feedback: (homeworkFeedback as HomeworkFeedback | null) ?? null,
        }
      : null,
    progress: { status: (status ?? 'not_started') as LessonStatus, score: score ?? null, timeSpentMinutes: timeSpentMinutes ?? 0 },
  };
}

/** The exercise with its answer, for checking in the core only. */
export async function findExercise(db: Db, lessonId: string, exerciseId: string): Promise<Exercise> {
  const [row] = await db.select({ exercises: lessons.practiceExercises }).from(lessons).where(eq(lessons.id, lessonId));
  const exercise = row?.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw notFound('Exercise');
  return exercise;
}
