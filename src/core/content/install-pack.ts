import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { ContentPack } from '../../shared/content';
import type { CoursePublisher } from '../../shared/domain';
import { systemClock, type Clock } from '../clock';
import { contentPacks, coursePublishers, courses, lessons, userCourses } from '../db/schema';
import { refreshExamCourse } from '../exams/exam-preparation';
import { recountAfterLessonChange } from '../progress/recount';
import type { Db } from '../db/types';
import { courseIdFor, lessonIdFor } from './content-ids';

/** Lesson numbers are moved out of the way before renumbering, so the (course, number) key never collides. */
const RENUMBER_OFFSET = 1_000_000;

/** Who installs a pack: the app's starter packs, the school's folder, or a person's import (`by`). */
export interface Publication {
  publisher: Exclude<CoursePublisher, 'server'>;
  by?: string | null;
}

export interface InstallOptions {
  /** Default: the app's starter packs. */
  publication?: Publication;
  /** The core's (or the server's) clock; tests and tools may leave it to the system's. */
  now?: Clock;
}

const STARTER: Publication = { publisher: 'starter' };

export interface Installed {
  courseId: string;
  /** Lessons of the course that are not in this pack any more: retired, never deleted. */
  retiredLessons: number;
}

/**
 * Install or update one course pack in one transaction. Ids derive from the pack's keys, so an update
 * keeps every lesson's id (and the students' progress on it). A lesson dropped from the pack is
 * retired: out of the course's count and numbering, but kept with everyone's progress and history. A
 * retired course or lesson that is back in the pack returns.
 */
export async function installPack(db: Db, pack: ContentPack, checksum: string, options: InstallOptions = {}): Promise<Installed> {
  const courseId = courseIdFor(pack.course.key);
  const publication = options.publication ?? STARTER;
  const at = (options.now ?? systemClock)();
  let retiredLessons = 0;
  await db.transaction(async (tx) => {
    const course = {
      title: pack.course.title,
      description: pack.course.description,
      subject: pack.course.subject,
      grade: pack.course.grade,
      examType: pack.course.examType,
      difficultyLevel: pack.course.difficulty,
      estimatedHours: pack.course.estimatedHours,
      retiredAt: null,
    };
    await tx.insert(courses).values({ id: courseId, ...course }).onConflictDoUpdate({ target: courses.id, set: course });

    const lessonIds = pack.lessons.map((lesson) => lessonIdFor(pack.course.key, lesson.key));
    const retired = await tx
      .update(lessons)
      .set({ retiredAt: at })
      .where(and(eq(lessons.courseId, courseId), notInArray(lessons.id, lessonIds), isNull(lessons.retiredAt)))
      .returning({ id: lessons.id });
    retiredLessons = retired.length;
    await tx
      .update(lessons)
      .set({ lessonNumber: sql`${lessons.lessonNumber} + ${RENUMBER_OFFSET}` })
      .where(and(eq(lessons.courseId, courseId), inArray(lessons.id, lessonIds)));

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
      retiredAt: null,
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
          retiredAt: null,
        },
      });

    // Lessons added or retired change what every enrolment's numbers mean: recount them now.
    const enrolments = await tx
      .select({ id: userCourses.id, userId: userCourses.userId })
      .from(userCourses)
      .where(eq(userCourses.courseId, courseId));
    for (const enrolment of enrolments) {
      await recountAfterLessonChange(tx, enrolment.userId, enrolment.id);
      if (pack.course.examType) await refreshExamCourse(tx, enrolment.userId, pack.course.examType, pack.course.subject, at);
    }

    await tx
      .insert(contentPacks)
      .values({ key: pack.course.key, version: pack.version, checksum, installedAt: at })
      .onConflictDoUpdate({ target: contentPacks.key, set: { version: pack.version, checksum, installedAt: at } });
    const publisher = { publisher: publication.publisher, publishedBy: publication.by ?? null, packKey: pack.course.key, publishedAt: at };
    await tx
      .insert(coursePublishers)
      .values({ courseId, ...publisher })
      .onConflictDoUpdate({ target: coursePublishers.courseId, set: publisher });
  });
  return { courseId, retiredLessons };
}
