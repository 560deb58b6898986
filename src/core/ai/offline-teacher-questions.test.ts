import path from 'node:path';
import { expect, it } from 'vitest';
import { TEACHER_QUESTIONS, type QuestionCategory, type TeacherQuestion } from '../../../tests/fixtures/offline-teacher-questions';
import { CONTENT_DIR, describeOnEachDatabase } from '../../../tests/support/test-databases';
import { lessonIdFor } from '../content/content-ids';
import { installPackDirectory, readPackFile } from '../content/load-packs';
import { createOfflineTeacher } from './offline-teacher';
import type { ChatTurn, TeacherProvider, TeachingContext } from './provider';
import { teachingExercise } from './teaching-context';

const packs = new Map(
  ['algebra-8-quadratic', 'ege-informatics', 'math-5-fractions', 'oge-math', 'physics-7-motion'].map((key) => [key, readPackFile(path.join(CONTENT_DIR, `${key}.json`)).pack]),
);

function contextFor(q: TeacherQuestion): TeachingContext {
  const base: TeachingContext = { language: 'ru', grade: null, courseTitle: null, lesson: null, exercise: null, attempt: null, homework: null };
  if (!q.exercise) return base;
  const [courseKey, lessonKey, exerciseId] = q.exercise;
  const pack = packs.get(courseKey)!;
  const lesson = pack.lessons.find((l) => l.key === lessonKey)!;
  const exercise = lesson.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new Error(`no exercise ${exerciseId} in ${courseKey}/${lessonKey}`);
  return {
    ...base,
    grade: pack.course.grade,
    courseTitle: pack.course.title,
    lesson: { id: lessonIdFor(courseKey, lessonKey), title: lesson.title, topic: lesson.topic, content: lesson.content, keyConcepts: lesson.keyConcepts },
    exercise: teachingExercise(exercise),
  };
}

async function reply(teacher: TeacherProvider, context: TeachingContext, history: ChatTurn[]): Promise<string> {
  let text = '';
  for await (const piece of teacher.streamReply({ context, history, signal: new AbortController().signal })) text += piece;
  return text;
}

/** The conversation as the student had it: each earlier message answered by the teacher itself. */
async function ask(teacher: TeacherProvider, q: TeacherQuestion): Promise<string> {
  const context = contextFor(q);
  const history: ChatTurn[] = [];
  for (const earlier of q.before ?? []) {
    history.push({ role: 'user', content: earlier });
    history.push({ role: 'assistant', content: await reply(teacher, context, history) });
  }
  history.push({ role: 'user', content: q.question });
  return reply(teacher, context, history);
}

const matches = (text: string, pattern: string | RegExp) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What would give away a not-yet-tried exercise: its worked solution, the answer line, the answer itself where the task does not already show it. */
function revealsAnswer(text: string, context: TeachingContext): string | null {
  const exercise = context.exercise!;
  if (text.includes(exercise.explanation)) return 'the explanation';
  if (/\*\*Ответ:\*\*|Вот разбор решения/.test(text)) return 'an answer line';
  const shown = [exercise.prompt, ...exercise.hints, ...(context.lesson?.keyConcepts.map((c) => c.definition) ?? [])].join('\n');
  const answer = exercise.answer.replace('.', ',');
  const token = new RegExp(`(?<![\\d,.\\w])(?:${escape(exercise.answer)}|${escape(answer)})(?![\\d,.\\w])`);
  if (!token.test(shown) && token.test(text)) return `the answer ${exercise.answer}`;
  return null;
}

/** The shares the issue asks for; anything below fails the test. */
const REQUIRED: Partial<Record<QuestionCategory, number>> = { definitions: 0.9, solving: 0.9 };

describeOnEachDatabase('the offline teacher on the question set', (ctx) => {
  it(`answers ${TEACHER_QUESTIONS.length} student questions correctly by category and never reveals an untried exercise's answer`, async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const teacher = createOfflineTeacher(ctx.db);
    const tally = new Map<QuestionCategory, { right: number; total: number }>();
    const failures: string[] = [];
    const leaks: string[] = [];
    for (const q of TEACHER_QUESTIONS) {
      const text = await ask(teacher, q);
      const missing = q.must.filter((p) => !matches(text, p));
      const forbidden = (q.mustNot ?? []).filter((p) => matches(text, p));
      const right = missing.length === 0 && forbidden.length === 0;
      const entry = tally.get(q.category) ?? { right: 0, total: 0 };
      tally.set(q.category, { right: entry.right + (right ? 1 : 0), total: entry.total + 1 });
      if (!right) failures.push(`[${q.category}] ${q.question}\n  missing: ${missing.join(' | ')}\n  forbidden: ${forbidden.join(' | ')}\n  reply: ${text.slice(0, 600).replace(/\n/g, '\n    ')}`);
      if (q.exercise) {
        const leak = revealsAnswer(text, contextFor(q));
        if (leak) leaks.push(`${q.question}: ${leak}`);
      }
    }
    const report = [...tally].map(([category, { right, total }]) => `${category.padEnd(18)} ${right}/${total} (${Math.round((100 * right) / total)} %)`);
    console.log(`offline teacher question set [${ctx.kind}]:\n${report.join('\n')}\nuntried exercises whose answer leaked: ${leaks.length}`);
    if (failures.length) console.log(`wrong answers:\n${failures.join('\n')}`);
    expect(TEACHER_QUESTIONS.length).toBeGreaterThanOrEqual(80);
    expect(leaks).toEqual([]);
    for (const [category, share] of Object.entries(REQUIRED)) {
      const { right, total } = tally.get(category as QuestionCategory)!;
      expect(right / total, `${category}: ${right}/${total}`).toBeGreaterThanOrEqual(share);
    }
  });
});
