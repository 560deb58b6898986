import type { ContentPack, Exercise } from '../../src/shared/content';
import { installPack } from '../../src/core/content/install-pack';
import { lessonIdFor } from '../../src/core/content/content-ids';
import type { Db } from '../../src/core/db/types';

const exercise = (n: number): Exercise => ({
  id: `ex-${n}`,
  type: 'numeric',
  prompt: `Сколько будет ${n} + ${n}?`,
  answer: n + n,
  explanation: `${n} + ${n} = ${n + n}`,
  hints: ['Сложите два одинаковых числа.'],
});

/** A small valid pack: `lessons` lessons with one exercise each. */
export function makePack(key: string, lessons: number, overrides: Partial<ContentPack['course']> = {}): ContentPack {
  return {
    format: 'teacher-ai-pack/1',
    version: 1,
    course: {
      key,
      title: `Курс ${key}`,
      description: 'Тестовый курс',
      subject: 'math',
      grade: 5,
      examType: null,
      difficulty: 'easy',
      estimatedHours: 10,
      ...overrides,
    },
    lessons: Array.from({ length: lessons }, (_, i) => ({
      key: `lesson-${i + 1}`,
      number: i + 1,
      title: `Урок ${i + 1}`,
      topic: `Тема ${i + 1}`,
      description: `Описание урока ${i + 1}`,
      content: `## Урок ${i + 1}\n\nТекст урока с формулой $a + b$.`,
      objectives: ['Понять тему'],
      keyConcepts: [{ term: 'Сумма', definition: 'Результат сложения' }],
      exercises: [exercise(i + 1)],
      homework: { prompt: 'Решите задачу', modelAnswer: 'Ответ', criteria: [] },
    })),
  };
}

/** Install a test course; returns its id and its lessons' ids in lesson order. */
export async function seedCourse(db: Db, key: string, lessons: number, overrides: Partial<ContentPack['course']> = {}) {
  const pack = makePack(key, lessons, overrides);
  const { courseId } = await installPack(db, pack, `test-${key}-${lessons}`);
  return { courseId, lessonIds: pack.lessons.map((lesson) => lessonIdFor(key, lesson.key)), pack };
}
