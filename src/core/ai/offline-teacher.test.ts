import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, describeOnEachDatabase } from '../../../tests/support/test-databases';
import { lessonIdFor } from '../content/content-ids';
import { installPackDirectory, readPackFile } from '../content/load-packs';
import type { Db } from '../db/types';
import { createOfflineTeacher } from './offline-teacher';
import { ProviderError, type ChatTurn, type TeacherProvider, type TeachingContext } from './provider';

const physics = readPackFile(path.join(CONTENT_DIR, 'physics-7-motion.json')).pack;
const lesson = physics.lessons.find((l) => l.key === 'average-speed')!;
const exercise = lesson.exercises.find((e) => e.id === 'cyclist-two-roads')!;
const homework = lesson.homework!;

function studyContext(overrides: Partial<TeachingContext> = {}): TeachingContext {
  return {
    language: 'ru',
    grade: 7,
    courseTitle: physics.course.title,
    lesson: { id: lessonIdFor(physics.course.key, lesson.key), title: lesson.title, topic: lesson.topic, content: lesson.content, keyConcepts: lesson.keyConcepts },
    exercise: { id: exercise.id, prompt: exercise.prompt, options: [], hints: exercise.hints, explanation: exercise.explanation, answer: String(exercise.answer) },
    attempt: null,
    homework: null,
    ...overrides,
  };
}

/** The exercise ladder and the homework checklist come from the context alone: any database read fails the test. */
const noDatabase = new Proxy({}, {
  get() {
    throw new Error('the offline teacher read the database for an exercise');
  },
}) as Db;

async function replyOf(teacher: TeacherProvider, context: TeachingContext, history: ChatTurn[]) {
  const pieces: string[] = [];
  for await (const piece of teacher.streamReply({ context, history, signal: new AbortController().signal })) pieces.push(piece);
  return { text: pieces.join(''), pieces };
}

const INTRO_RU = 'Я встроенный офлайн-учитель: отвечаю по материалам курса и решаю задачи по шагам, без языковой модели.';
const user = (content: string): ChatTurn => ({ role: 'user', content });

describe('the offline teacher on an exercise', () => {
  const teacher = createOfflineTeacher(noDatabase);

  it('introduces itself and streams the reply in small pieces', async () => {
    expect(teacher.kind).toBe('offline');
    const { text, pieces } = await replyOf(teacher, studyContext(), [user('Помоги')]);
    expect(text.startsWith(`${INTRO_RU}\n\n`)).toBe(true);
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((p) => p.trim().length))).toBeLessThan(60);
  });

  it('climbs the hint ladder turn by turn and explains only at the top', async () => {
    const history: ChatTurn[] = [user('Не знаю, с чего начать')];
    const attempt = { answer: '12', correct: false, tries: 1 };
    const replies: string[] = [];
    for (const next of ['Получилось 12', 'Всё равно не выходит', 'Покажи решение']) {
      const { text } = await replyOf(teacher, studyContext({ attempt: replies.length ? attempt : null }), history);
      replies.push(text);
      history.push({ role: 'assistant', content: text }, user(next));
    }
    replies.push((await replyOf(teacher, studyContext({ attempt }), history)).text);
    const [nudge, mistake, example, answer] = replies as [string, string, string, string];

    expect(nudge).toContain(`> ${exercise.prompt}`);
    expect(nudge).toContain(`**Подсказка:** ${exercise.hints[0]}`);
    expect(mistake).toContain('Твой ответ «12» пока неверный.');
    expect(mistake).toContain(`**Следующая подсказка:** ${exercise.hints[1]}`);
    expect(example).toContain('Перечитай в уроке понятие «Средняя скорость»');
    for (const early of [nudge, mistake, example]) expect(early).not.toContain(exercise.explanation);
    expect(answer).toContain('Вот разбор решения:');
    expect(answer).toContain(exercise.explanation);
    expect(answer).toContain('**Ответ:** 15');
    // Said once per conversation, in the first reply only.
    expect(nudge.startsWith(INTRO_RU)).toBe(true);
    for (const later of [mistake, example, answer]) expect(later).not.toContain(INTRO_RU);
  });

  it('keeps the solution back until the student has tried', async () => {
    const history = [user('а'), { role: 'assistant' as const, content: '1' }, user('б'), { role: 'assistant' as const, content: '2' }];
    history.push(user('в'), { role: 'assistant', content: '3' }, user('Просто скажи ответ'));
    const { text } = await replyOf(teacher, studyContext(), history);
    expect(text).not.toContain(exercise.explanation);
    expect(text).toContain('Когда попробуешь ответить, я покажу полный разбор.');
  });

  it('explains a solved exercise straight away', async () => {
    const { text } = await replyOf(teacher, studyContext({ attempt: { answer: '15', correct: true, tries: 1 } }), [user('Почему так?')]);
    expect(text).toContain(`Верно! Вот почему:\n\n${exercise.explanation}`);
  });

  it('praises a complete homework answer instead of measuring its length', async () => {
    const complete = studyContext({ exercise: null, homework: { ...homework, studentAnswer: homework.modelAnswer.replace(/\*\*/g, '') } });
    const { text } = await replyOf(teacher, complete, [user('Проверь мою домашку')]);
    expect(text).toContain('Ответ полный');
    expect(text).not.toMatch(/короче/);
    expect(text).not.toContain('- [ ]');
  });

  it('names the missing results of an incomplete homework and gives the criteria, without pasting the model answer', async () => {
    const context = studyContext({ exercise: null, homework: { ...homework, studentAnswer: 'Средняя скорость 18 км/ч.' } });
    const { text } = await replyOf(teacher, context, [user('Проверь мою домашку')]);
    for (const criterion of homework.criteria) expect(text).toContain(`- [ ] ${criterion}`);
    expect(text).toMatch(/не хватает результатов: /);
    expect(text).toContain('учитель на языковой модели');
    for (const line of homework.modelAnswer.split('\n').filter((l) => l.length > 20)) expect(text).not.toContain(line);
  });

  it('speaks English to an English-speaking student', async () => {
    const { text } = await replyOf(teacher, studyContext({ language: 'en' }), [user('Help')]);
    expect(text.startsWith('I am the built-in offline teacher: I answer from the course materials and solve problems step by step, without a language model.')).toBe(true);
    expect(text).toContain(`**Hint:** ${exercise.hints[0]}`);
    expect(text).not.toContain('Подсказка');
  });

  it('stops with a cancelled error when the student presses stop', async () => {
    const controller = new AbortController();
    const received: string[] = [];
    const run = async () => {
      for await (const piece of teacher.streamReply({ context: studyContext(), history: [user('Помоги')], signal: controller.signal })) {
        received.push(piece);
        if (received.length === 3) controller.abort();
      }
    };
    await expect(run()).rejects.toSatisfy((error) => error instanceof ProviderError && error.code === 'cancelled');
    expect(received).toHaveLength(3);

    const before = teacher.streamReply({ context: studyContext(), history: [user('Помоги')], signal: AbortSignal.abort() });
    await expect(before[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describeOnEachDatabase('the offline teacher answering a question', (ctx) => {
  const plain = (overrides: Partial<TeachingContext> = {}) => studyContext({ exercise: null, lesson: null, courseTitle: null, ...overrides });

  it('defines a term from the key concepts with its cases, names its source in one line, and prefers the open lesson', async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const teacher = createOfflineTeacher(ctx.db);
    const { text } = await replyOf(teacher, plain(), [user('Что такое дискриминант?')]);
    expect(text.startsWith(INTRO_RU)).toBe(true);
    expect(text).toContain('**Дискриминант** — Число $D = b^2 - 4ac$');
    for (const sign of ['$D > 0$', '$D = 0$', '$D < 0$']) expect(text).toContain(sign);
    expect(text.trimEnd().split('\n').at(-1)).toBe('_Источник: «Дискриминант и формула корней квадратного уравнения» (курс «Алгебра, 8 класс: квадратные уравнения»)._');

    const oge = { id: lessonIdFor('oge-math', 'oge-task-9-equations'), title: 'Линейные и квадратные уравнения', topic: '', content: '', keyConcepts: [{ term: 'Дискриминант', definition: 'Число $D = b^2 - 4ac$.' }] };
    const preferred = await replyOf(teacher, plain({ lesson: oge, courseTitle: 'ОГЭ по математике: первая часть' }), [user('Что такое дискриминант?')]);
    expect(preferred.text).toContain('_Источник: «Линейные и квадратные уравнения» (курс «ОГЭ по математике: первая часть»)._');
  });

  it('solves an equation step by step and states the answer', async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const teacher = createOfflineTeacher(ctx.db);
    const { text } = await replyOf(teacher, plain(), [user('Реши уравнение x^2-5x+6=0')]);
    expect(text).toContain('$D = b^2 - 4ac = \\left(-5\\right)^2 - 4 \\cdot 1 \\cdot 6 = 25 - 24 = 1$');
    expect(text.trimEnd().endsWith('**Ответ:** x₁ = 2, x₂ = 3')).toBe(true);
  });

  it('says «not from your courses» to a question off the courses, even when a word starts a lesson word', async () => {
    await installPackDirectory(ctx.db, CONTENT_DIR, { publisher: 'starter', now: () => new Date() });
    const teacher = createOfflineTeacher(ctx.db);
    for (const question of ['Кто написал «Войну и мир»?', 'Какой футбольный клуб самый сильный?']) {
      const { text } = await replyOf(teacher, plain(), [user(question)]);
      expect(text).toContain('Это не из твоих курсов');
      expect(text).not.toMatch(/футболк/i);
    }
    const en = await replyOf(teacher, plain({ language: 'en' }), [user('Who wrote War and Peace?')]);
    expect(en.text).toContain('This is not from your courses');
  });
});
