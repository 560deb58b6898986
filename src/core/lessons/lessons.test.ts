import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { makePack } from '../../../tests/support/fixtures';
import { installPack } from '../content/install-pack';
import { lessonIdFor } from '../content/content-ids';
import { toPrefixQuery } from '../catalogue/search';
import { sql } from 'drizzle-orm';
import { executeRows } from '../db/execute-rows';

function algebraPack() {
  const pack = makePack('algebra-8', 3, { title: 'Алгебра, 8 класс', description: 'Квадратные уравнения и неравенства', subject: 'algebra', grade: 8 });
  pack.lessons[0] = { ...pack.lessons[0]!, title: 'Неполное квадратное уравнение', topic: 'Уравнения вида ax² + c = 0' };
  pack.lessons[1] = {
    ...pack.lessons[1]!,
    title: 'Теорема Виета',
    topic: 'Сумма и произведение корней',
    content: '## Теорема Виета\n\nСумма корней $x_1 + x_2 = -p$, произведение $x_1 x_2 = q$.',
    exercises: [
      {
        id: 'sum-of-roots',
        type: 'numeric',
        prompt: 'Найдите сумму корней уравнения $x^2 - 7x + 10 = 0$.',
        answer: 7,
        explanation: 'По теореме Виета сумма корней равна $-p = 7$.',
        hints: ['Вспомните, чему равна сумма корней приведённого уравнения.', 'Сумма корней равна коэффициенту при $x$ с обратным знаком.'],
      },
      { id: 'pick', type: 'single_choice', prompt: 'Произведение корней $x^2 + 3x - 4 = 0$?', options: ['4', '-4', '3'], answer: 1, explanation: '$q = -4$', hints: [] },
    ],
  };
  pack.lessons[2] = { ...pack.lessons[2]!, title: 'Дробные рациональные уравнения', topic: 'Уравнения с переменной в знаменателе' };
  return pack;
}

describeOnEachDatabase('lessons, exercises and search', (ctx) => {
  it('opens a lesson without giving away any answer, with its neighbours and the student’s progress', async () => {
    await installPack(ctx.db, algebraPack(), 'v1');
    const core = await createTestCore(ctx.database);
    const second = lessonIdFor('algebra-8', 'lesson-2');
    await core.call('progress.completeLesson', { lessonId: second, score: 50, timeSpentMinutes: 12 });

    const lesson = await core.call('lessons.get', { lessonId: second });

    expect(lesson).toMatchObject({
      title: 'Теорема Виета',
      courseTitle: 'Алгебра, 8 класс',
      number: 2,
      previousLessonId: lessonIdFor('algebra-8', 'lesson-1'),
      nextLessonId: lessonIdFor('algebra-8', 'lesson-3'),
      progress: { status: 'completed', score: 50, timeSpentMinutes: 12 },
      homework: { prompt: 'Решите задачу', criteria: [], submission: null, modelAnswer: null, feedback: null },
    });
    expect(lesson.content).toContain('$x_1 + x_2 = -p$');
    expect(lesson.exercises).toEqual([
      { id: 'sum-of-roots', type: 'numeric', prompt: 'Найдите сумму корней уравнения $x^2 - 7x + 10 = 0$.', options: null, unit: null, hintCount: 2, exam: null },
      { id: 'pick', type: 'single_choice', prompt: 'Произведение корней $x^2 + 3x - 4 = 0$?', options: ['4', '-4', '3'], unit: null, hintCount: 0, exam: null },
    ]);
    expect(lesson.homework?.modelAnswer).toBeNull();
    expect(JSON.stringify(lesson)).not.toMatch(/"answer"|explanation|Ответ/);
  });

  it('checks answers in the core: a hint per wrong try, the explanation after a right answer or three tries', async () => {
    await installPack(ctx.db, algebraPack(), 'v1');
    const core = await createTestCore(ctx.database);
    const lessonId = lessonIdFor('algebra-8', 'lesson-2');
    const check = (text: string, attempt: number) =>
      core.call('exercises.check', { lessonId, exerciseId: 'sum-of-roots', answer: { type: 'numeric', text }, attempt });

    expect(await check('10', 1)).toEqual({ correct: false, explanation: null, hint: 'Вспомните, чему равна сумма корней приведённого уравнения.', notice: null });
    expect(await check('-7', 2)).toEqual({ correct: false, explanation: null, hint: 'Сумма корней равна коэффициенту при $x$ с обратным знаком.', notice: null });
    expect(await check('5', 3)).toMatchObject({ correct: false, explanation: 'По теореме Виета сумма корней равна $-p = 7$.' });
    expect(await check('7,0', 1)).toEqual({ correct: true, explanation: 'По теореме Виета сумма корней равна $-p = 7$.', hint: null, notice: null });
    expect(await core.raw('exercises.check', { lessonId, exerciseId: 'no-such', answer: { type: 'numeric', text: '1' }, attempt: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('applies the answer-sheet rules of the course’s exam only in that course, and names the exam', async () => {
    const exercise = {
      id: 'three-coins',
      type: 'numeric' as const,
      prompt: 'Монету бросают три раза. Найдите вероятность того, что орёл выпадет ровно два раза.',
      answer: 0.375,
      explanation: '$3/8 = 0{,}375$',
      hints: [],
    };
    const withExercise = (key: string, examType: 'ОГЭ' | null) => {
      const pack = makePack(key, 1, { examType });
      pack.lessons[0] = { ...pack.lessons[0]!, exercises: [exercise] };
      return pack;
    };
    await installPack(ctx.db, withExercise('oge-course', 'ОГЭ'), 'v1');
    await installPack(ctx.db, withExercise('grade-course', null), 'v1');
    const core = await createTestCore(ctx.database);
    const check = (course: string, text: string) =>
      core.call('exercises.check', { lessonId: lessonIdFor(course, 'lesson-1'), exerciseId: 'three-coins', answer: { type: 'numeric', text }, attempt: 1 });

    expect(await check('oge-course', '3/8')).toMatchObject({ correct: false, notice: { code: 'exam_fraction', exam: 'ОГЭ' } });
    expect(await check('oge-course', '0,375')).toMatchObject({ correct: true, notice: null });
    expect(await check('grade-course', '3/8')).toMatchObject({ correct: true, notice: null });
    const [oge, grade] = await Promise.all(['oge-course', 'grade-course'].map((course) => core.call('lessons.get', { lessonId: lessonIdFor(course, 'lesson-1') })));
    expect(oge!.exercises[0]!.exam).toBe('ОГЭ');
    expect(grade!.exercises[0]!.exam).toBeNull();
  });

  it('finds lessons and courses by words in any form, even half-typed', async () => {
    await installPack(ctx.db, algebraPack(), 'v1');
    await installPack(ctx.db, makePack('physics-7', 2, { title: 'Физика, 7 класс', description: 'Механическое движение и скорость', subject: 'physics', grade: 7 }), 'v1');
    const core = await createTestCore(ctx.database);
    const titles = async (query: string) => (await core.call('catalogue.search', { query })).lessons.map((l) => l.title);

    expect(await titles('уравнения')).toContain('Неполное квадратное уравнение');
    expect(await titles('теоремой виета')).toEqual(['Теорема Виета']);
    expect(await titles('уравн')).toEqual(expect.arrayContaining(['Неполное квадратное уравнение', 'Дробные рациональные уравнения']));
    expect((await core.call('catalogue.search', { query: 'скоростью' })).courses.map((c) => c.title)).toEqual(['Физика, 7 класс']);
    expect(await core.call('catalogue.search', { query: 'фотосинтез' })).toEqual({ courses: [], lessons: [] });
    // Exercise prompts are searchable; their hints, answers and explanations are not (no guessing by search).
    expect(await titles('приведённого уравнения')).toEqual([]);
    expect(await titles('найдите сумму корней')).toEqual(['Теорема Виета']);
    expect(await core.call('catalogue.search', { query: "!& | ' :*" })).toEqual({ courses: [], lessons: [] });
  });

  it('keeps both search vectors GIN-indexed', async () => {
    const rows = await executeRows<{ indexname: string }>(
      ctx.db,
      sql`SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search_vector)%' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(['courses_search_vector_gin_idx', 'lessons_search_vector_gin_idx']);
  });

  it('turns a query into prefix terms and nothing else', () => {
    expect(toPrefixQuery('Квадратные  уравнения!')).toBe('квадратные:* & уравнения:*');
    expect(toPrefixQuery("x') | !y")).toBe('x:* & y:*');
    expect(toPrefixQuery('Ёлка')).toBe('елка:*');
    expect(toPrefixQuery(' !!! ')).toBeNull();
  });
});

describeOnEachDatabase('homework', (ctx) => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF').toString('base64');

  it('keeps the answer and its attachment, starts the lesson, and opens the model answer for self-checking', async () => {
    await installPack(ctx.db, algebraPack(), 'v1');
    const core = await createTestCore(ctx.database);
    const lessonId = lessonIdFor('algebra-8', 'lesson-1');
    expect((await core.call('lessons.get', { lessonId })).homework).toMatchObject({ submission: null, modelAnswer: null });

    const after = await core.call('homework.submit', {
      lessonId,
      text: 'x = ±3',
      attachment: { name: 'решение.pdf', mimeType: 'application/pdf', dataBase64: PDF },
    });

    expect(after.homework).toMatchObject({
      submission: { text: 'x = ±3', attachment: { name: 'решение.pdf', mimeType: 'application/pdf' } },
      modelAnswer: 'Ответ',
    });
    expect(after.progress.status).toBe('in_progress');
    const folder = path.join(core.dataDir, 'attachments', core.user!.id);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    const resubmitted = await core.call('homework.submit', { lessonId, text: 'x = 3 или x = -3' });
    expect(resubmitted.homework?.submission).toMatchObject({ text: 'x = 3 или x = -3', attachment: null });
    // The replaced answer's file goes with it; a refused submission leaves no file behind.
    expect(fs.readdirSync(folder)).toHaveLength(0);
    const unknownLesson = await core.raw('homework.submit', {
      lessonId: crypto.randomUUID(),
      text: 'ответ',
      attachment: { name: 'a.pdf', mimeType: 'application/pdf', dataBase64: PDF },
    });
    expect(unknownLesson).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fs.readdirSync(folder)).toHaveLength(0);
  });

  it('refuses an empty answer or a file that is not what it claims, storing nothing', async () => {
    await installPack(ctx.db, algebraPack(), 'v1');
    const core = await createTestCore(ctx.database);
    const lessonId = lessonIdFor('algebra-8', 'lesson-1');
    expect(await core.raw('homework.submit', { lessonId, text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fake = Buffer.from('MZ\u0090\u0000 not a pdf').toString('base64');
    expect(
      await core.raw('homework.submit', { lessonId, text: 'решение', attachment: { name: 'virus.pdf', mimeType: 'application/pdf', dataBase64: fake } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'attachment', message: 'attachment_wrong_type' }] } });
    expect((await core.call('lessons.get', { lessonId })).homework?.submission).toBeNull();
  });
});
