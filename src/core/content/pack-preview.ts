import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { LessonChange, PackPreview } from '../../shared/contract';
import type { PackLesson } from '../../shared/content';
import { contentPacks, courses, lessons, userCourses, userLessons } from '../db/schema';
import type { Db } from '../db/types';
import type { SignedInUser } from '../session/session';
import { courseIdFor, lessonIdFor } from './content-ids';
import type { PackFile } from './load-packs';
import { findPublication, replacementBlock } from './publications';

type LessonRow = typeof lessons.$inferSelect;

/** JSON with its keys in one order: jsonb keeps its own key order, a parsed file another. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function changeOf(lesson: PackLesson, existing: LessonRow | undefined): LessonChange {
  if (!existing) return 'new';
  if (existing.retiredAt) return 'restored';
  const same =
    existing.lessonNumber === lesson.number &&
    existing.title === lesson.title &&
    existing.topic === lesson.topic &&
    existing.description === lesson.description &&
    existing.content === lesson.content &&
    canonical(existing.learningObjectives) === canonical(lesson.objectives) &&
    canonical(existing.keyConcepts) === canonical(lesson.keyConcepts) &&
    canonical(existing.practiceExercises) === canonical(lesson.exercises) &&
    canonical(existing.homework) === canonical(lesson.homework);
  return same ? 'unchanged' : 'changed';
}

/**
 * What importing this file would do, computed without writing anything: the course added, updated
 * or replaced; each lesson new, changed, unchanged or back from retirement; the lessons that would be
 * retired and how many students studied each; how many students are enrolled; and whether this
 * person may go ahead at all.
 */
export async function previewPack(db: Db, actor: SignedInUser, packFile: PackFile): Promise<PackPreview> {
  const { pack, checksum } = packFile;
  const courseId = courseIdFor(pack.course.key);
  const [course] = await db.select({ title: courses.title, retiredAt: courses.retiredAt }).from(courses).where(eq(courses.id, courseId));
  const [installed] = await db.select({ version: contentPacks.version }).from(contentPacks).where(eq(contentPacks.key, pack.course.key));
  const publication = course ? await findPublication(db, courseId) : null;
  const existing = new Map((await db.select().from(lessons).where(eq(lessons.courseId, courseId))).map((l) => [l.id, l]));
  const packLessonIds = pack.lessons.map((lesson) => lessonIdFor(pack.course.key, lesson.key));

  const retiringRows = await db
    .select({ id: lessons.id, number: lessons.lessonNumber, title: lessons.title })
    .from(lessons)
    .where(and(eq(lessons.courseId, courseId), isNull(lessons.retiredAt), notInArray(lessons.id, packLessonIds)))
    .orderBy(lessons.lessonNumber);
  const retiringIds = retiringRows.map((r) => r.id);
  const studied = new Map<string, number>();
  let onRetiring = 0;
  if (retiringIds.length > 0) {
    const perLesson = await db
      .select({ lessonId: userLessons.lessonId, students: sql<number>`count(DISTINCT ${userLessons.userId})::int` })
      .from(userLessons)
      .where(inArray(userLessons.lessonId, retiringIds))
      .groupBy(userLessons.lessonId);
    for (const row of perLesson) studied.set(row.lessonId, Number(row.students));
    const [all] = await db.select({ n: sql<number>`count(DISTINCT ${userLessons.userId})::int` }).from(userLessons).where(inArray(userLessons.lessonId, retiringIds));
    onRetiring = Number(all?.n ?? 0);
  }
  const [enrolled] = await db.select({ n: sql<number>`count(*)::int` }).from(userCourses).where(eq(userCourses.courseId, courseId));

  const block = course ? replacementBlock(actor, publication) : null;
  const own = publication?.publisher === 'import' && publication.publishedBy === actor.id;
  const older = course && own && installed && installed.version > pack.version;
  return {
    checksum,
    courseId,
    title: pack.course.title,
    version: pack.version,
    action: !course ? 'add' : own ? 'update' : 'replace',
    current: course
      ? {
          title: course.title,
          version: installed?.version ?? null,
          publisher: publication?.publisher ?? null,
          publishedBy: publication?.publishedByName ?? null,
          retired: course.retiredAt !== null,
        }
      : null,
    lessons: pack.lessons.map((lesson, index) => ({
      number: lesson.number,
      title: lesson.title,
      change: changeOf(lesson, existing.get(packLessonIds[index]!)),
    })),
    retiring: retiringRows.map(({ id, number, title }) => ({ number, title, students: studied.get(id) ?? 0 })),
    students: { enrolled: Number(enrolled?.n ?? 0), onRetiringLessons: onRetiring },
    blocked: block ?? (older ? 'older_version' : null),
  };
}
