import { sql } from 'drizzle-orm';
import type { SearchResult } from '../../shared/contract';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';

const MAX_RESULTS = 20;

/**
 * The words of a query as a `russian` tsquery: every word must match, each also as a prefix, so
 * «уравнения», «уравнением» and a half-typed «уравн» all find «уравнение». Only letters and digits
 * get through: the query language's operators cannot be injected.
 */
export function toPrefixQuery(text: string): string | null {
  const words = text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 10).map((w) => `${w}:*`).join(' & ') : null;
}

export async function searchCatalogue(db: Db, text: string): Promise<SearchResult> {
  const tsquery = toPrefixQuery(text);
  if (!tsquery) return { courses: [], lessons: [] };
  const query = sql`to_tsquery('russian', ${tsquery})`;
  const [courses, lessons] = await Promise.all([
    executeRows<{ id: string; title: string; description: string }>(
      db,
      sql`SELECT id, title, description FROM courses
          WHERE search_vector @@ ${query}
          ORDER BY ts_rank(search_vector, ${query}) DESC, title LIMIT ${MAX_RESULTS}`,
    ),
    executeRows<{ id: string; course_id: string; course_title: string; lesson_number: number; title: string; topic: string }>(
      db,
      sql`SELECT l.id, l.course_id, c.title AS course_title, l.lesson_number, l.title, l.topic FROM lessons l
          JOIN courses c ON c.id = l.course_id
          WHERE l.search_vector @@ ${query}
          ORDER BY ts_rank(l.search_vector, ${query}) DESC, c.title, l.lesson_number LIMIT ${MAX_RESULTS}`,
    ),
  ]);
  return {
    courses,
    lessons: lessons.map((l) => ({ id: l.id, courseId: l.course_id, courseTitle: l.course_title, number: l.lesson_number, title: l.title, topic: l.topic })),
  };
}
