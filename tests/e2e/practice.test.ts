import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonIdFor } from '../../src/core/content/content-ids';
import { readPackFile } from '../../src/core/content/load-packs';
import type { Exercise } from '../../src/shared/content';
import { correctAnswerOf, type ExerciseAnswer } from '../../src/shared/exercise-check';
import { makePack } from '../support/fixtures';
import { CONTENT_DIR, ROOT } from '../support/test-databases';
import { answerOf, registerAccount, setUpBrowserApps, type RunningApp } from './browser-app';
import { importThroughScreen, packFiles } from './import-steps';
import { axeViolations, describeViolations } from './axe';
import { openCourseCard } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const lesson1 = maths.lessons[0]!;
const student = { fullName: 'Петя Смирнов', username: 'petya', password: 'пароль-для-тренировки' };
/** Screens for a human look, at the sizes students' laptops have. */
const SCRATCH = path.join(ROOT, '.scratch');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
] as const;

const files = packFiles();
afterEach(() => files.cleanUp());
const apps = setUpBrowserApps();

async function snap(page: Page, name: string, inView?: Locator): Promise<void> {
  fs.mkdirSync(SCRATCH, { recursive: true });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await inView?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCRATCH, `${name}-${viewport.width}x${viewport.height}.png`) });
  }
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, `${screen}:\n${describeViolations(violations)}`).toBe(0);
}

const question = (page: Page) => page.getByTestId('practice-question');

/** Answers the question on screen the way a student does and waits for the core's verdict. */
async function answerQuestion(page: Page, given: ExerciseAnswer): Promise<void> {
  const card = question(page);
  switch (given.type) {
    case 'single_choice':
      await card.getByTestId('exercise-option').nth(given.choice).click();
      break;
    case 'multiple_choice':
      for (const choice of given.choices) await card.getByTestId('exercise-option').nth(choice).click();
      break;
    default:
      await card.getByTestId('exercise-input').fill(given.text);
  }
  const checked = answerOf(page, 'exercises.check');
  await card.getByTestId('practice-check').click();
  await checked;
}

async function totalPoints(running: RunningApp): Promise<number> {
  const result = await running.app.core.invoke('motivation.summary', undefined);
  if (!result.ok) throw new Error('motivation.summary failed');
  return (result.value as { totalPoints: number }).totalPoints;
}

/** The verdict's colours, to see red for a wrong answer and green for a right one. */
const verdictColours = (page: Page) =>
  question(page)
    .getByTestId('exercise-feedback')
    .evaluate((element) => {
      const style = getComputedStyle(element);
      return { color: style.color, background: style.backgroundColor };
    });

/** «rgb(r, g, b)» → which channel dominates: red for wrong, green for right. */
const dominant = (rgb: string): 'red' | 'green' | 'other' => {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  if (r > g && r > b) return 'red';
  if (g > r && g > b) return 'green';
  return 'other';
};

describe('practice like the apps students know', () => {
  it('«Начать курс» opens lesson 1; the course is a path with the next step marked', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await openCourseCard(page, maths.course.title);
    await page.getByTestId('enrol-button').click();
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(lesson1.title);

    await page.getByTestId('lesson-course-link').click();
    const items = page.getByTestId('lesson-item');
    await expect.poll(() => items.count()).toBe(maths.lessons.length);
    expect(await items.first().getAttribute('data-step')).toBe('current');
    expect(await items.first().getByTestId('lesson-link').getAttribute('aria-current')).toBe('step');
    expect(await items.nth(1).getAttribute('data-step')).toBe('ahead');
    // One big button, to the lesson the student is at.
    const lessonId = await items.first().getAttribute('data-lesson-id');
    expect(await page.getByTestId('continue-course').getAttribute('href')).toBe(`#/lessons/${lessonId}`);
    await expectNoSeriousViolations(page, 'course path');
    await snap(page, 'course-page');
    await snap(page, 'course-path', items.last());
    expect(running.problems).toEqual([]);
  });

  it('practice: a wrong answer shows red with a hint, a right one green; the summary tells the truth; the card shows the progress', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await openCourseCard(page, maths.course.title);
    await page.getByTestId('enrol-button').click();
    await page.getByTestId('lesson-title').waitFor();
    // The lesson page's way in.
    await page.getByTestId('practice-link').click();
    await expect.poll(() => page.getByTestId('practice-title').textContent()).toBe(`Тренировка: ${lesson1.title}`);
    const before = await totalPoints(running);
    const count = lesson1.exercises.length;
    await expect.poll(() => page.getByTestId('practice-position').textContent()).toBe(`Вопрос 1 из ${count}`);
    expect(await page.getByRole('progressbar', { name: `Ход тренировки: Вопрос 1 из ${count}` }).count()).toBe(1);

    // The first question wrong, then right.
    const first = lesson1.exercises[0]!;
    expect(first.type).toBe('single_choice');
    const right = correctAnswerOf(first) as Extract<ExerciseAnswer, { type: 'single_choice' }>;
    await answerQuestion(page, { type: 'single_choice', choice: right.choice === 0 ? 1 : 0 });
    await expect.poll(() => question(page).getAttribute('data-state')).toBe('wrong');
    expect(await question(page).getByTestId('exercise-feedback').textContent()).toContain('✗ Пока неверно');
    expect(dominant((await verdictColours(page)).color)).toBe('red');
    expect(await question(page).getByTestId('exercise-hint').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('practice-next').count()).toBe(0);
    await expectNoSeriousViolations(page, 'practice, wrong answer');
    await snap(page, 'practice-wrong');

    await answerQuestion(page, right);
    await expect.poll(() => question(page).getAttribute('data-state')).toBe('correct');
    expect(await question(page).getByTestId('exercise-feedback').textContent()).toContain('✓ Верно!');
    expect(dominant((await verdictColours(page)).color)).toBe('green');
    await expectNoSeriousViolations(page, 'practice, right answer');
    await snap(page, 'practice-right');
    await page.getByTestId('practice-next').click();

    // The rest right on the first try.
    for (const [index, exercise] of lesson1.exercises.slice(1).entries()) {
      await expect.poll(() => page.getByTestId('practice-position').textContent()).toBe(`Вопрос ${index + 2} из ${count}`);
      await answerQuestion(page, correctAnswerOf(exercise as Exercise));
      await expect.poll(() => question(page).getAttribute('data-state')).toBe('correct');
      await page.getByTestId('practice-next').click();
    }

    // The summary: what was done, and the points the core gave for it.
    const summary = page.getByTestId('practice-summary');
    await summary.waitFor();
    const earned = (await totalPoints(running)) - before;
    expect(earned).toBeGreaterThan(0);
    const accuracy = Math.round((100 * count) / (count + 1));
    expect(await page.getByTestId('practice-accuracy').textContent()).toBe(`Точность${accuracy}\u00a0%${count} из ${count + 1} ответов верно`);
    expect(await page.getByTestId('practice-first-try').textContent()).toBe(`С первой попытки${count - 1} из ${count}`);
    expect(await page.getByTestId('practice-solved').textContent()).toBe(`Решено${count} из ${count}`);
    await expect.poll(() => page.getByTestId('practice-points').textContent()).toBe(`Очки+${earned}`);
    expect(await page.getByTestId('practice-time').textContent()).toMatch(/^Время(\d+ мин )?\d+ с$/);
    expect(await page.getByTestId('practice-outcome').textContent()).toBe('Хорошая работа!');
    await expectNoSeriousViolations(page, 'practice summary');
    await snap(page, 'practice-summary');

    // Completing the lesson shows on the catalogue card.
    await page.getByRole('link', { name: 'К уроку' }).last().click();
    const completed = answerOf(page, 'progress.completeLesson');
    await page.getByTestId('complete-lesson').click();
    await completed;
    await page.getByTestId('nav-courses').click();
    const card = page.getByTestId('course-card').filter({ hasText: maths.course.title });
    await expect.poll(() => card.getByTestId('course-card-progress').textContent()).toContain(`1 из ${maths.lessons.length} уроков пройдено`);
    const bar = card.getByRole('progressbar', { name: `Прогресс по курсу «${maths.course.title}»` });
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(Math.round(100 / maths.lessons.length)));
    await snap(page, 'catalogue-progress');
    expect(running.problems).toEqual([]);
  });

  it('a lesson without exercises says there is nothing to practise, and leads back to the lesson', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, { fullName: 'Ольга Петровна', username: 'olga', password: 'пароль-администратора', becomeAdmin: true });
    const pack = makePack('e2e-reading', 1, { title: 'Только чтение' });
    const reading = { ...pack, lessons: [{ ...pack.lessons[0]!, exercises: [] }] };
    await page.getByTestId('nav-import').click();
    await importThroughScreen(page, files.write('reading.json', JSON.stringify(reading)));

    const lessonId = lessonIdFor('e2e-reading', 'lesson-1');
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/lessons/${lessonId}/practice`);
    await expect.poll(() => page.getByTestId('practice-empty').locator('h2').textContent()).toBe('В этом уроке нет заданий для тренировки.');
    expect(await page.getByTestId('practice-question').count()).toBe(0);
    await expectNoSeriousViolations(page, 'practice, no exercises');
    await page.getByTestId('practice-empty').getByRole('link', { name: 'К уроку' }).click();
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(reading.lessons[0]!.title);
    expect(running.problems).toEqual([]);
  });
});
