import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { ARTEFACTS, answerOf, registerAccount, setUpBrowserApps } from './browser-app';
import { answerRight, startCourse } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const firstLesson = maths.lessons[0]!;

const student = { fullName: 'Маша Орлова', username: 'masha', password: 'пароль-для-мотивации' };
/** Toasts come and go by themselves: give them the time a student would. */
const SOON = { timeout: 10_000, interval: 100 };

const apps = setUpBrowserApps();

const toast = (page: Page, kind: 'points' | 'achievement'): Locator => page.locator(`[data-testid="toast"][data-kind="${kind}"]`);
const achievementToast = (page: Page, name: string): Locator => page.locator(`[data-testid="toast"][data-achievement-name="${name}"]`);
const achievementCard = (page: Page, name: string): Locator => page.locator(`[data-testid="achievement"][data-name="${name}"]`);

async function openProgress(page: Page): Promise<void> {
  const loaded = answerOf(page, 'motivation.dashboard');
  await page.getByTestId('nav-progress').click();
  const answer = await loaded;
  expect(answer.status(), await answer.text()).toBe(200);
  await page.getByTestId('dashboard-heatmap').waitFor();
}

describe('points, achievements and the progress dashboard', () => {
  it('starts empty, fills up with a lesson, toasts its achievement once, and shows it all', async () => {
    const running = await apps.open();
    const { page } = running;
    // The page's clock is ours: study minutes can pass without the test waiting for them.
    await page.clock.install();
    await page.reload();
    await registerAccount(page, { ...student, becomeAdmin: false });

    // A new student: the header says 0 points, the dashboard has an empty state for the page and for each chart.
    await expect.poll(() => page.getByTestId('header-points').getAttribute('data-points'), SOON).toBe('0');
    await openProgress(page);
    expect(await page.getByTestId('dashboard-empty').textContent()).toContain('Здесь появится ваша статистика, когда вы начнёте заниматься');
    expect(await page.getByTestId('dashboard-to-courses').getAttribute('href')).toBe('#/courses');
    for (const section of ['dashboard-heatmap', 'dashboard-recent', 'dashboard-courses', 'dashboard-scores', 'dashboard-exams']) {
      await expect.poll(() => page.getByTestId(`${section}-empty`).count(), SOON).toBe(1);
    }
    expect(await page.getByTestId('dashboard-level').getAttribute('data-level')).toBe('1');
    expect(await page.getByTestId('dashboard-today').getAttribute('data-minutes')).toBe('0');
    expect(await page.getByTestId('toast').count()).toBe(0);
    await running.screenshot('dashboard-empty');

    // A lesson of «Математика 5»: opening it marks it started.
    await page.getByTestId('dashboard-to-courses').click();
    const started = answerOf(page, 'lessons.start');
    await startCourse(page, maths);
    expect((await started).ok()).toBe(true);
    const lessonId = await page.locator('article[data-lesson-id]').getAttribute('data-lesson-id');

    // Every exercise answered right: each one earns points.
    for (const exercise of firstLesson.exercises) await answerRight(page, exercise);
    await expect.poll(() => toast(page, 'points').count(), SOON).toBe(1);

    // A minute and a half of study passes on the page's clock; the page reports the whole minute.
    const recorded = answerOf(page, 'study.recordTime');
    await page.clock.fastForward('01:30');
    const report = await recorded;
    expect(report.ok()).toBe(true);
    const sent = JSON.parse(report.request().postData() ?? '{}') as { input: { lessonId: string; minutes: number } };
    expect(sent.input.lessonId).toBe(lessonId);
    expect(sent.input.minutes).toBeGreaterThanOrEqual(1);

    // «Завершить урок»: points, and the achievement «Первый урок» — toasted, then marked seen.
    const seen = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/invoke') &&
        (response.request().postData() ?? '').includes('"method":"achievements.markSeen"') &&
        response.status() === 200,
    );
    await page.getByTestId('complete-lesson').click();
    await page.getByTestId('lesson-result').waitFor();
    await expect.poll(() => toast(page, 'points').count(), SOON).toBe(1);
    expect(await toast(page, 'points').textContent()).toMatch(/\+\d+ очк/);
    await expect.poll(() => achievementToast(page, 'first-lesson').count(), SOON).toBe(1);
    expect(await achievementToast(page, 'first-lesson').textContent()).toMatch(/Достижение получено: Первый урок \(\+\d+ очк/);
    // The toasts sit in the corner of the window: a picture of the window, not of the whole page.
    await page.screenshot({ path: path.join(ARTEFACTS, 'toasts.png') });
    await seen;

    // Each toast can be closed; none stays for ever.
    while ((await page.getByTestId('toast-dismiss').count()) > 0) await page.getByTestId('toast-dismiss').first().click({ timeout: 1_000 }).catch(() => undefined);
    expect(await page.getByTestId('toast').count()).toBe(0);

    // The header follows.
    await expect.poll(async () => Number(await page.getByTestId('header-points').getAttribute('data-points')), SOON).toBeGreaterThan(0);
    expect(await page.getByTestId('header-level').textContent()).toMatch(/Ур\. \d+/);

    // The dashboard: today's minutes, the heatmap's today, the 30 days, the course and the lesson's result.
    await openProgress(page);
    expect(await page.getByTestId('dashboard-empty').count()).toBe(0);
    await expect.poll(async () => Number(await page.getByTestId('dashboard-today').getAttribute('data-minutes')), SOON).toBeGreaterThanOrEqual(1);
    const today = page.locator('[data-testid="heatmap-day"]').last();
    expect(Number(await today.getAttribute('data-minutes'))).toBeGreaterThanOrEqual(1);
    expect(await today.locator('title').textContent()).toMatch(/: \d+ минут/);
    expect(await page.getByTestId('dashboard-heatmap-summary').textContent()).toMatch(/За последние 12 месяцев — \d+ минут/);
    expect(Number(await page.getByTestId('dashboard-recent-chart').getAttribute('data-today-minutes'))).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('dashboard-recent-summary').textContent()).toMatch(/Сегодня: \d+ минут/);
    await expect.poll(() => page.locator('[data-testid="dashboard-recent-chart"] .recharts-bar-rectangle').count(), SOON).toBeGreaterThan(0);
    expect(await page.getByTestId('dashboard-course').filter({ hasText: maths.course.title }).count()).toBe(1);
    expect(await page.locator(`[data-testid="dashboard-score"][data-lesson-id="${lessonId}"]`).count()).toBe(1);
    expect(Number(await page.getByTestId('dashboard-points').getAttribute('data-points'))).toBeGreaterThan(0);
    await running.screenshot('dashboard-light');

    // The same dashboard in the dark theme.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('theme-dark').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await openProgress(page);
    await expect.poll(() => page.locator('[data-testid="dashboard-recent-chart"] .recharts-bar-rectangle').count(), SOON).toBeGreaterThan(0);
    await running.screenshot('dashboard-dark');

    // Achievements: «Первый урок» earned with its date, others locked with how far along the student is.
    await page.getByTestId('nav-achievements').click();
    await expect.poll(() => achievementCard(page, 'first-lesson').getAttribute('data-unlocked'), SOON).toBe('true');
    expect(await achievementCard(page, 'first-lesson').textContent()).toContain('Первый урок');
    expect(await achievementCard(page, 'first-lesson').getByTestId('achievement-date').textContent()).toContain('Получено');
    const locked = page.locator('[data-testid="achievement"][data-unlocked="false"]');
    expect(await locked.count()).toBeGreaterThan(0);
    expect(await achievementCard(page, 'lessons-10').getAttribute('data-unlocked')).toBe('false');
    expect(await achievementCard(page, 'lessons-10').getByTestId('achievement-progress').textContent()).toContain('1 / 10');
    await running.screenshot('achievements-dark');

    // A reload: the achievement's toast is not shown again.
    const listed = answerOf(page, 'achievements.list');
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await listed;
    await page.waitForTimeout(1_000);
    expect(await achievementToast(page, 'first-lesson').count()).toBe(0);
    expect(await toast(page, 'achievement').count()).toBe(0);
    expect(running.problems).toEqual([]);
  }, 120_000);

  it('hides the streak when the student asks, in the header and on the dashboard', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await page.getByTestId('header-streak').waitFor();
    await openProgress(page);
    expect(await page.getByTestId('dashboard-streak').count()).toBe(1);

    await page.getByTestId('nav-settings').click();
    const saved = answerOf(page, 'preferences.update');
    await page.getByTestId('hide-streaks').check();
    expect((await saved).ok()).toBe(true);
    await expect.poll(() => page.getByTestId('header-streak').count()).toBe(0);
    await openProgress(page);
    expect(await page.getByTestId('dashboard-streak').count()).toBe(0);

    // Kept in the account: still hidden after a reload.
    await page.reload();
    await page.getByTestId('header-points').waitFor();
    expect(await page.getByTestId('header-streak').count()).toBe(0);
    await page.getByTestId('nav-settings').click();
    expect(await page.getByTestId('hide-streaks').isChecked()).toBe(true);
    expect(await page.getByTestId('hide-comparisons').isChecked()).toBe(false);
    expect(running.problems).toEqual([]);
  }, 90_000);
});
