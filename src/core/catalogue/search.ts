import { sql } from 'drizzle-orm';
import type { SearchResult } from '../../shared/contract';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';

const MAX_RESULTS = 20;

/** A course (alias c) in the catalogue, or a retired one this student is enrolled in. */
const courseVisibleTo = (userId: string) =>
  sql`(c.retired_at IS NULL OR EXISTS (SELECT 1 FROM user_courses uc WHERE uc.course_id = c.id AND uc.user_id = ${userId}))`;

/**
 * The words of a query as a `russian` tsquery: every word must match, each also as a prefix, so
 * «уравнения», «уравнением» and a half-typed «уравн» all find «уравнение». Only letters and digits
 * get through: the query language's operators cannot be injected.
 */
export function toPrefixQuery(text: string): string | null {
  const words = text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 10).map((w) => `${w}:*`).join(' & ') : null;
}

/**
 * The courses and lessons a student finds: nothing retired, except in a course the student is enrolled
 * in (a retired lesson there only when the student studied it).
 */
export async function searchCatalogue(db: Db, userId: string, text: string): Promise<SearchResult> {
  const tsquery = toPrefixQuery(text);
  if (!tsquery) return { courses: [], lessons: [] };
  const query = sql`to_tsquery('russian', ${tsquery})`;
  const [courses, lessons] = await Promise.all([
    executeRows<{ id: string; title: string; description: string }>(
      db,
      sql`SELECT id, title, description FROM courses c
          WHERE search_vector @@ ${query} AND ${courseVisibleTo(userId)}
          ORDER BY ts_rank(search_vector, ${query}) DESC, title LIMIT ${MAX_RESULTS}`,
    ),
    executeRows<{ id: string; course_id: string; course_title: string; lesson_number: number; title: string; topic: string }>(
      db,
      sql`SELECT l.id, l.course_id, c.title AS course_title, l.lesson_number, l.title, l.topic FROM lessons l
          JOIN courses c ON c.id = l.course_id
          WHERE l.search_vector @@ ${query} AND ${courseVisibleTo(userId)}
            AND (l.retired_at IS NULL OR EXISTS (SELECT 1 FROM user_lessons ul WHERE ul.lesson_id = l.id AND ul.user_id = ${userId}))
          ORDER BY ts_rank(l.search_vector, ${query}) DESC, c.title, l.lesson_number LIMIT ${MAX_RESULTS}`,
    ),
  ]);
  return {
    courses,
    lessons: lessons.map((l) => ({ id: l.id, courseId: l.course_id, courseTitle: l.course_title, number: l.lesson_number, title: l.title, topic: l.topic })),
  };
}
