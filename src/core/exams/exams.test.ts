import { describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { makePack, seedCourse } from '../../../tests/support/fixtures';
import { installPack } from '../content/install-pack';
import { lessonIdFor } from '../content/content-ids';
import { examCourses } from '../db/schema';
import { masteryOf, taskNumbersOf } from './task-numbers';

describe('exam task numbers', () => {
  it.each([
    ['Задание 6: действия с дробями', [6]],
    ['Задания 7 и 11: кодирование', [7, 11]],
    ['Задание № 14', [14]],
    ['Задания 8/12 — исполнители', [8, 12]],
    ['Задания 1–5 и 12: практико-ориентированные задачи', [1, 2, 3, 4, 5, 12]],
    ['Задания 19-21', [19, 20, 21]],
    ['Повторение теории', []],
  ])('%s → %j', (topic, numbers) => expect(taskNumbersOf(topic)).toEqual(numbers));

  it('grades mastery from the best score', () => {
    expect([null, 40, 70, 89, 90].map(masteryOf)).toEqual(['not_started', 'weak', 'good', 'good', 'mastered']);
  });
});

describeOnEachDatabase('exam preparation', (ctx) => {
  function ogePack() {
    const pack = makePack('oge-math', 3, { title: 'ОГЭ по математике', grade: null, examType: 'ОГЭ' });
    pack.lessons[0] = { ...pack.lessons[0]!, topic: 'Задание 6: действия с дробями' };
    pack.lessons[1] = { ...pack.lessons[1]!, topic: 'Задание 9: уравнения' };
    pack.lessons[2] = { ...pack.lessons[2]!, topic: 'Задания 6 и 9: повторение' };
    return pack;
  }

  it('shows a grid of task numbers coloured by mastery, and what to do next', async () => {
    await installPack(ctx.db, ogePack(), 'v1');
    await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);

    const fresh = await core.call('exams.overview');
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ examType: 'ОГЭ', subject: 'math', topicsCompleted: 0, totalTopics: 3, progressPercentage: 0 });
    expect(fresh[0]!.tasks.map((t) => [t.taskNumber, t.mastery, t.lessons.length])).toEqual([
      [6, 'not_started', 2],
      [9, 'not_started', 2],
    ]);
    expect(fresh[0]!.next).toMatchObject({ taskNumber: 6, lessonId: lessonIdFor('oge-math', 'lesson-1') });

    await core.call('progress.completeLesson', { lessonId: lessonIdFor('oge-math', 'lesson-1'), score: 95, timeSpentMinutes: 30 });
    await core.call('progress.completeLesson', { lessonId: lessonIdFor('oge-math', 'lesson-2'), score: 50, timeSpentMinutes: 30 });

    const [after] = await core.call('exams.overview');
    expect(after).toMatchObject({ topicsCompleted: 2, totalTopics: 3, progressPercentage: 66.67 });
    expect(after!.lastStudiedAt).not.toBeNull();
    expect(after!.tasks.map((t) => [t.taskNumber, t.mastery, t.bestScore])).toEqual([
      [6, 'mastered', 95],
      [9, 'weak', 50],
    ]);
    expect(after!.next).toMatchObject({ taskNumber: 9 });
    const rows = await ctx.db.select().from(examCourses);
    expect(rows).toMatchObject([{ examType: 'ОГЭ', subject: 'math', topicsCompleted: 2, totalTopics: 3 }]);
  });

  it('lessons of ordinary school courses do not touch exam preparation', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const core = await createTestCore(ctx.database);
    await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 5 });
    expect(await ctx.db.select().from(examCourses)).toEqual([]);
    expect(await core.call('exams.overview')).toEqual([]);
  });
});
