import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import type { ContentPack, Exercise } from '../../src/shared/content';
import { CONTENT_DIR } from '../support/test-databases';
import { setUpBrowserApps } from './browser-app';
import { answerExercise, exerciseCard, openCourseCard } from './lesson-steps';

const pack = (file: string) => readPackFile(path.join(CONTENT_DIR, file)).pack;
const oge = pack('oge-math.json');
const maths = pack('math-5-fractions.json');
const algebra = pack('algebra-8-quadratic.json');

const student = { fullName: 'Оля Котова', username: 'olya', password: 'пароль-для-ответов' };

const apps = setUpBrowserApps();

/** From the catalogue: the course, then the lesson that holds the exercise; returns that exercise. */
async function openLessonWith(page: Page, course: ContentPack, exerciseId: string): Promise<Exercise> {
  const index = course.lessons.findIndex((lesson) => lesson.exercises.some((e) => e.id === exerciseId));
  const lesson = course.lessons[index]!;
  await page.getByTestId('nav-courses').click();
  await openCourseCard(page, course.course.title);
  await page.getByTestId('lesson-item').nth(index).getByTestId('lesson-link').click();
  await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(lesson.title);
  return lesson.exercises.find((e) => e.id === exerciseId)!;
}

const fieldHint = (page: Page, exercise: Exercise) => exerciseCard(page, exercise).locator('.field__hint').first().textContent();
const state = (page: Page, exercise: Exercise) => exerciseCard(page, exercise).getAttribute('data-state');

describe('the answer checker, as a student meets it', () => {
  it('follows each exam’s rules only in its course, takes mixed numbers and algebra by value, and says how to write an answer', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;

    // ОГЭ: the field names the ОГЭ; «3/8» scores nothing on the real exam, so it is refused with how to write it.
    const coins = await openLessonWith(page, oge, 'three-coins-two-heads');
    expect(await fieldHint(page, coins)).toContain('ОГЭ');
    const lottery = oge.lessons.flatMap((l) => l.exercises).find((e) => e.id === 'lottery-1000')!;
    expect(await fieldHint(page, lottery)).toContain('бланке ОГЭ');
    expect(await fieldHint(page, lottery)).not.toContain('ЕГЭ');
    await answerExercise(page, coins, { type: 'numeric', text: '3/8' });
    await expect.poll(() => state(page, coins)).toBe('wrong');
    // Nor does the field convert it for the student, as it does in an ordinary course.
    const typedNote = await exerciseCard(page, coins).getByTestId('exercise-number-note').textContent();
    expect(typedNote).toContain('ОГЭ');
    expect(typedNote).not.toContain('0,375');
    const notice = exerciseCard(page, coins).getByTestId('exercise-notice');
    expect(await notice.getAttribute('data-code')).toBe('exam_fraction');
    expect(await notice.textContent()).toContain('На ОГЭ');
    await running.screenshot('answer-checker-oge-fraction');
    await answerExercise(page, coins, { type: 'numeric', text: 'x = 0,375.' });
    await expect.poll(() => state(page, coins)).toBe('correct');

    // Grade 5: no exam sheet in sight; a mixed number is typed as one.
    const mixed = await openLessonWith(page, maths, 'add-mixed-13ths');
    const hint = await fieldHint(page, mixed);
    expect(hint).not.toMatch(/ЕГЭ|ОГЭ|бланк/);
    await answerExercise(page, mixed, { type: 'fraction', text: '81/13' });
    await expect.poll(() => exerciseCard(page, mixed).getByTestId('exercise-notice').getAttribute('data-code')).toBe('mixed_wanted');
    await answerExercise(page, mixed, { type: 'fraction', text: '6 3/13' });
    await expect.poll(() => state(page, mixed)).toBe('correct');

    // Grade 8 algebra: the factors in any order, with the Russian «х»; the expanded trinomial is not a factoring.
    const factor = await openLessonWith(page, algebra, 'factor-x2-8x-15');
    const factorInput = exerciseCard(page, factor).getByTestId('exercise-input');
    await factorInput.fill('(x-3)(x-5');
    await expect.poll(() => exerciseCard(page, factor).getByTestId('exercise-number-note').textContent()).toContain('Не получается прочитать');
    expect(await exerciseCard(page, factor).getByTestId('exercise-check').isDisabled()).toBe(true);
    await answerExercise(page, factor, { type: 'expression', text: 'x^2-8x+15' });
    await expect.poll(() => exerciseCard(page, factor).getByTestId('exercise-notice').getAttribute('data-code')).toBe('product_wanted');
    await answerExercise(page, factor, { type: 'expression', text: '(3-х)(5-х)' });
    await expect.poll(() => state(page, factor)).toBe('correct');
    expect(running.problems).toEqual([]);
  });
});
