import { sql } from 'drizzle-orm';
import type { ContentPack } from '../src/shared/content';
import { installPack } from '../src/core/content/install-pack';
import type { Db } from '../src/core/db/types';

export const COURSES = 100;
export const LESSONS_PER_COURSE = 30;
export const COMPLETED_LESSONS = 2_000;
export const CHAT_MESSAGES = 10_000;

const paragraph =
  'Дробь показывает, на сколько равных частей разделили целое и сколько таких частей взяли. ' +
  'Числитель записывают над чертой, знаменатель — под чертой: $\\frac{3}{4}$. ';

export function benchPack(c: number): ContentPack {
  return {
    format: 'teacher-ai-pack/1',
    version: 1,
    course: {
      key: `bench-course-${c}`,
      title: `Курс ${c}`,
      description: 'Курс для замеров производительности',
      subject: 'math',
      grade: (c % 11) + 1,
      examType: null,
      difficulty: 'medium',
      estimatedHours: 20,
    },
    lessons: Array.from({ length: LESSONS_PER_COURSE }, (_, l) => ({
      key: `lesson-${l + 1}`,
      number: l + 1,
      title: `Урок ${l + 1}`,
      topic: `Тема ${l + 1}`,
      description: 'Описание урока',
      content: `## Урок ${l + 1}\n\n${paragraph.repeat(12)}`,
      objectives: ['Понимать тему', 'Решать задачи'],
      keyConcepts: [{ term: 'Дробь', definition: 'Часть целого' }],
      exercises: Array.from({ length: 4 }, (_, e) => ({
        id: `ex-${e + 1}`,
        type: 'numeric' as const,
        prompt: `Вычислите ${e} + ${l}`,
        answer: e + l,
        explanation: 'Сложите числа.',
        hints: ['Сложите.'],
      })),
      homework: { prompt: 'Решите задачи', modelAnswer: 'Ответы', criteria: [] },
    })),
  };
}

/** 100 courses × 30 lessons, installed the way content packs are. */
export async function seedCatalogue(db: Db): Promise<void> {
  for (let c = 0; c < COURSES; c++) await installPack(db, benchPack(c), `bench-${c}`);
}

/**
 * A long-time student: 2,000 completed lessons (the first 2,000 lessons in catalogue order, so whole
 * courses are done and the rest untouched), and one chat session with 10,000 messages.
 */
export async function seedStudentHistory(db: Db, userId: string): Promise<{ sessionId: string }> {
  await db.execute(sql`
    INSERT INTO user_courses (user_id, course_id, enrolled_at)
    SELECT ${userId}, id, now() - interval '400 days' FROM courses ORDER BY title
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`
    INSERT INTO user_lessons (user_id, lesson_id, user_course_id, status, score, time_spent_minutes, completed_at)
    SELECT ${userId}, l.id, uc.id, 'completed', 60 + (l.lesson_number % 40), 15, now() - interval '1 day' * (l.lesson_number)
    FROM lessons l
    JOIN courses c ON c.id = l.course_id
    JOIN user_courses uc ON uc.course_id = c.id AND uc.user_id = ${userId}
    ORDER BY c.title, l.lesson_number
    LIMIT ${COMPLETED_LESSONS}`);
  await db.execute(sql`
    UPDATE user_courses uc SET completed_lessons = s.done, progress_percentage = round(100.0 * s.done / 30, 2)
    FROM (SELECT user_course_id, count(*)::int AS done FROM user_lessons GROUP BY user_course_id) s
    WHERE s.user_course_id = uc.id`);
  const sessionId = crypto.randomUUID();
  await db.execute(sql`
    INSERT INTO chat_sessions (id, user_id, session_type, started_at) VALUES (${sessionId}, ${userId}, 'interactive', now() - interval '30 days')`);
  await db.execute(sql`
    INSERT INTO chat_messages (session_id, role, content, created_at)
    SELECT ${sessionId}, CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END,
           'Сообщение номер ' || i || '. ' || repeat('Текст ответа учителя. ', 10),
           now() - interval '30 days' + interval '1 second' * i
    FROM generate_series(1, ${CHAT_MESSAGES}) AS i`);
  await db.execute(sql`ANALYZE`);
  return { sessionId };
}
