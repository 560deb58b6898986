import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import type { Exercise } from '../../src/shared/content';
import { correctAnswerOf } from '../../src/shared/exercise-check';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps } from './browser-app';

// Lesson 1 of the ЕГЭ informatics course holds exam-style, number, short-text, single- and multiple-choice
// exercises; lesson 2 adds an expression; a fraction comes from «Математика 5» (an exam course refuses one).
const informatics = readPackFile(path.join(CONTENT_DIR, 'ege-informatics.json')).pack;
const [lesson1, lesson2] = informatics.lessons as [(typeof informatics.lessons)[number], (typeof informatics.lessons)[number]];
const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const fractionLesson = maths.lessons.findIndex((lesson) => lesson.exercises.some((exercise) => exercise.type === 'fraction'));

const apps = setUpBrowserApps();

/** What has the keyboard focus: its test id (or the nearest one above it), tag, and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { testId: 'body', tag: 'body', text: '', id: '' };
    const holder = element.closest('[data-testid]');
    return {
      testId: element.getAttribute('data-testid') ?? `in:${holder?.getAttribute('data-testid') ?? ''}`,
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').trim().slice(0, 80),
      id: element.id,
    };
  });

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `limit` presses.
 * Resolves with what had the focus just before (where the student came from), or null when it was there already.
 */
async function tabTo(page: Page, selector: string, { back = false, limit = 80 } = {}): Promise<Awaited<ReturnType<typeof focused>> | null> {
  let before: Awaited<ReturnType<typeof focused>> | null = null;
  for (let press = 0; press < limit; press++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return before;
    before = await focused(page);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} not reached with ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}; focus is on ${JSON.stringify(await focused(page))}`);
}

const card = (exercise: Exercise) => `[data-testid="exercise"][data-exercise-id="${exercise.id}"]`;

/** Answers an exercise right with the keyboard only: arrows and Space on options, typing in a field; Enter checks. */
async function answerByKeyboard(page: Page, exercise: Exercise): Promise<void> {
  const answer = correctAnswerOf(exercise);
  const checked = answerOf(page, 'exercises.check');
  if (answer.type === 'single_choice') {
    // Tab enters the group on its first option; the arrows move the choice along.
    await tabTo(page, `${card(exercise)} input[type="radio"]`);
    await page.keyboard.press('Space');
    for (let step = 0; step < answer.choice; step++) await page.keyboard.press('ArrowDown');
    await tabTo(page, `${card(exercise)} [data-testid="exercise-check"]`);
    await page.keyboard.press('Enter');
  } else if (answer.type === 'multiple_choice') {
    for (const choice of answer.choices) {
      await tabTo(page, `${card(exercise)} input[type="checkbox"][value="${choice}"]`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, `${card(exercise)} [data-testid="exercise-check"]`);
    await page.keyboard.press('Enter');
  } else {
    await tabTo(page, `${card(exercise)} [data-testid="exercise-input"]`);
    await page.keyboard.type(answer.text);
    await page.keyboard.press('Enter');
  }
  await checked;
  await expect.poll(() => page.locator(card(exercise)).getAttribute('data-state')).toBe('correct');
  // The field and «Проверить» are gone or locked: the focus is on the verdict of this exercise.
  const at = await page.evaluate((selector) => document.querySelector(selector)?.contains(document.activeElement) ?? false, card(exercise));
  expect(at, `focus after ${exercise.id}`).toBe(true);
  expect((await focused(page)).testId).toBe('exercise-feedback');
}

describe('keyboard only', () => {
  it('registration → a lesson (choices, numbers, exam-style and short answers, an expression, a fraction) → completion → a chat message → dialogs, the focus always somewhere sensible', async () => {
    const running = await apps.open();
    const { page } = running;

    // Registration: the first field has the focus; Tab goes on through the form; Enter sends it.
    await page.getByTestId('register-fullname').waitFor();
    expect((await focused(page)).testId).toBe('register-fullname');
    await page.keyboard.type('Ира Клавишина');
    for (const [testId, text] of [
      ['register-username', 'ira'],
      ['register-email', 'ira@example.com'],
      ['register-password', 'пароль-без-мыши'],
    ] as const) {
      await tabTo(page, `[data-testid="${testId}"]`);
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('user-menu').waitFor();
    expect((await focused(page)).id, 'after registering: the first page').toBe('main');

    // The course from the catalogue: Tab to its card's link, Enter.
    const courseId = await page.getByTestId('course-card').filter({ hasText: informatics.course.title }).getAttribute('data-course-id');
    await tabTo(page, `[data-testid="course-card"][data-course-id="${courseId}"] a`);
    await page.keyboard.press('Enter');
    await page.getByTestId('enrol-button').waitFor();
    expect((await focused(page)).id, 'a new page starts at its main region').toBe('main');

    // «Начать курс» opens the first lesson.
    await tabTo(page, '[data-testid="enrol-button"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lesson-title').textContent(), { timeout: 10_000 }).toBe(lesson1.title);
    expect((await focused(page)).id).toBe('main');

    for (const exercise of lesson1.exercises) await answerByKeyboard(page, exercise);

    // «Завершить урок»: the result takes the focus.
    const completed = answerOf(page, 'progress.completeLesson');
    await tabTo(page, '[data-testid="complete-lesson"]');
    await page.keyboard.press('Enter');
    await completed;
    await expect.poll(async () => (await focused(page)).id).toBe('lesson-result-title');

    // A toast of the points: Shift+Tab reaches its «Закрыть» before the header; closing it — with Escape,
    // then the next one with Enter on «Закрыть» — puts the focus on the next toast's «Закрыть» or back where
    // the student came from (the header's first control, which Shift+Tab left), never on the page.
    await page.getByTestId('toast').first().waitFor();
    const cameFrom = await tabTo(page, '[data-testid="toast-dismiss"]', { back: true });
    for (const key of ['Escape', 'Enter', 'Escape', 'Enter']) {
      // Marked, to see this very toast go (the next one of the queue may take its place).
      await page.evaluate(() => document.activeElement?.closest('[data-testid="toast"]')?.setAttribute('data-closing', ''));
      await page.keyboard.press(key);
      await expect.poll(() => page.locator('[data-testid="toast"][data-closing]').count()).toBe(0);
      const after = await focused(page);
      const back = cameFrom !== null && after.testId === cameFrom.testId && after.text === cameFrom.text;
      expect(after.testId === 'toast-dismiss' || back, `after closing a toast with ${key}: ${JSON.stringify(after)}, came from ${JSON.stringify(cameFrom)}`).toBe(true);
      if (after.testId !== 'toast-dismiss') break;
    }

    // The next lesson's expression exercise.
    await tabTo(page, '[data-testid="next-lesson"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(lesson2.title);
    const expression = lesson2.exercises.find((exercise) => exercise.type === 'expression');
    if (!expression) throw new Error('lesson 2 of the informatics course has no expression exercise');
    await answerByKeyboard(page, expression);

    // «Спросить учителя» of the lesson, a question typed and sent with Enter: the box keeps the focus,
    // and the finished reply is put in the live region that reads it out.
    await tabTo(page, '[data-testid="ask-teacher"]', { back: true, limit: 120 });
    await page.keyboard.press('Enter');
    await page.getByTestId('chat-input').waitFor();
    await tabTo(page, '[data-testid="chat-input"]');
    await page.keyboard.type('Что такое системы счисления?');
    const sent = answerOf(page, 'chat.sendMessage');
    await page.keyboard.press('Enter');
    await sent;
    await expect.poll(() => page.getByTestId('chat-reply-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    await expect.poll(async () => (await focused(page)).testId).toBe('chat-input');
    await expect.poll(() => page.getByTestId('chat-reply-announcement').textContent()).toMatch(/^Ответ учителя: .{20,}/);
    // The first question earns an achievement: its toast does not cover the box that has the focus.
    await page.getByTestId('toast').first().waitFor();
    const overlaps = () =>
      page.evaluate(() => {
        const box = document.activeElement!.getBoundingClientRect();
        return [...document.querySelectorAll('[data-testid="toast"]')].some((toast) => {
          const area = toast.getBoundingClientRect();
          return area.left < box.right && box.left < area.right && area.top < box.bottom && box.top < area.bottom;
        });
      });
    await expect.poll(overlaps).toBe(false);

    // «Новый разговор» and Escape: the panel closes, the focus is back on its button.
    await tabTo(page, '[data-testid="chat-new"]', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).testId).toBe('chat-new-interactive');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).testId).toBe('chat-new');

    // The delete-account dialog, closed with Escape and with «Отмена»: the focus is back on its button.
    await tabTo(page, '[data-testid="nav-profile"]', { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('delete-account').waitFor();
    await tabTo(page, '[data-testid="delete-account"]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).testId).toBe('delete-confirm-password');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).testId).toBe('delete-account');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="delete-cancel"]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).testId).toBe('delete-account');

    // The user menu: Tab past its last item closes it (an open menu would hide what has the focus).
    await tabTo(page, '[data-testid="user-menu"]', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="signout-button"]');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('user-menu').getAttribute('aria-expanded')).toBe('false');

    // Settings → a backup, and its restore dialog closed with Escape and with «Отмена»: the focus is back on
    // «Восстановить» of that backup.
    await tabTo(page, '[data-testid="nav-settings"]', { back: true, limit: 120 });
    await page.keyboard.press('Enter');
    await page.getByTestId('backup-create').waitFor();
    await tabTo(page, '[data-testid="backup-create"]', { limit: 200 });
    const made = answerOf(page, 'backups.create');
    await page.keyboard.press('Enter');
    await made;
    await page.getByTestId('backup-restore').first().waitFor();
    await tabTo(page, '[data-testid="backup-restore"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('restore-dialog').waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="restore-dialog"]')?.contains(document.activeElement) ?? false)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('restore-dialog').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).testId, { message: 'after Escape in the restore dialog' }).toBe('backup-restore');
    await page.keyboard.press('Enter');
    await page.getByTestId('restore-dialog').waitFor();
    await tabTo(page, '[data-testid="restore-cancel"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('restore-dialog').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).testId, { message: 'after «Отмена» in the restore dialog' }).toBe('backup-restore');

    // A fraction: «Курсы», the course, its lesson with a fraction exercise from the list, the fraction typed.
    await tabTo(page, '[data-testid="nav-courses"]', { back: true, limit: 200 });
    await page.keyboard.press('Enter');
    const mathsId = await page.getByTestId('course-card').filter({ hasText: maths.course.title }).getAttribute('data-course-id');
    await tabTo(page, `[data-testid="course-card"][data-course-id="${mathsId}"] a`);
    await page.keyboard.press('Enter');
    await page.getByTestId('lesson-link').nth(fractionLesson).waitFor();
    expect((await focused(page)).id, 'the course page starts at its main region').toBe('main');
    const href = await page.getByTestId('lesson-link').nth(fractionLesson).getAttribute('href');
    await tabTo(page, `[data-testid="lesson-link"][href="${href}"]`, { limit: 120 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(maths.lessons[fractionLesson]!.title);
    expect((await focused(page)).id).toBe('main');
    const fraction = maths.lessons[fractionLesson]!.exercises.find((exercise) => exercise.type === 'fraction')!;
    await answerByKeyboard(page, fraction);
    expect(running.problems).toEqual([]);
  }, 300_000);
});
