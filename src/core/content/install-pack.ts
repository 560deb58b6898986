import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { ContentPack } from '../../shared/content';
import { contentPacks, courses, lessons, userCourses } from '../db/schema';
import { refreshExamCourse } from '../exams/exam-preparation';
import { recountAfterLessonChange } from '../progress/recount';
import type { Db } from '../db/types';
import { courseIdFor, lessonIdFor } from './content-ids';

/** Lesson numbers are moved out of the way before renumbering, so the (course, number) key never collides. */
const RENUMBER_OFFSET = 1_000_000;

/**
 * Install or update one course pack in one transaction. Ids derive from the pack's keys, so an update
 * keeps every lesson's id (and the students' progress on it); lessons dropped from the pack go.
 */
export async function installPack(db: Db, pack: ContentPack, checksum: string): Promise<{ courseId: string }> {
  const courseId = courseIdFor(pack.course.key);
  await db.transaction(async (tx) => {
    const course = {
      title: pack.course.title,
      description: pack.course.description,
      subject: pack.course.subject,
      grade: pack.course.grade,
      examType: pack.course.examType,
      difficultyLevel: pack.course.difficulty,
      estimatedHours: pack.course.estimatedHours,
    };
    await tx.insert(courses).values({ id: courseId, ...course }).onConflictDoUpdate({ target: courses.id, set: course });

    const lessonIds = pack.lessons.map((lesson) => lessonIdFor(pack.course.key, lesson.key));
    await tx.delete(lessons).where(and(eq(lessons.courseId, courseId), notInArray(lessons.id, lessonIds)));
    await tx
      .update(lessons)
      .set({ lessonNumber: sql`${lessons.lessonNumber} + ${RENUMBER_OFFSET}` })
      .where(eq(lessons.courseId, courseId));

    const rows = pack.lessons.map((lesson, index) => ({
      id: lessonIds[index]!,
      courseId,
      lessonNumber: lesson.number,
      title: lesson.title,
      topic: lesson.topic,
      description: lesson.description,
      content: lesson.content,
      learningObjectives: lesson.objectives,
      keyConcepts: lesson.keyConcepts,
      practiceExercises: lesson.exercises,
      homework: lesson.homework,
    }));
    await tx
      .insert(lessons)
      .values(rows)
      .onConflictDoUpdate({
        target: lessons.id,
        set: {
          lessonNumber: sql`excluded.lesson_number`,
          title: sql`excluded.title`,
          topic: sql`excluded.topic`,
          description: sql`excluded.description`,
          content: sql`excluded.content`,
          learningObjectives: sql`excluded.learning_objectives`,
          keyConcepts: sql`excluded.key_concepts`,
          practiceExercises: sql`excluded.practice_exercises`,
          homework: sql`excluded.homework`,
        },
      });

    // Lessons added or removed change what every enrolment's numbers mean: recount them now.
    const enrolments = await tx
      .select({ id: userCourses.id, userId: userCourses.userId })
      .from(userCourses)
      .where(eq(userCourses.courseId, courseId));
    for (const enrolment of enrolments) {
      await recountAfterLessonChange(tx, enrolment.userId, enrolment.id);
      if (pack.course.examType) await refreshExamCourse(tx, enrolment.userId, pack.course.examType, pack.course.subject, new Date());
    }

    await tx
      .insert(contentPacks)
      .values({ key: pack.course.key, version: pack.version, checksum })
      .onConflictDoUpdate({
        target: contentPacks.key,
        set: { version: pack.version, checksum, installedAt: sql`now()` },
      });
  });
  return { courseId };
}
