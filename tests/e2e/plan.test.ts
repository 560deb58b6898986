import { describe, expect, it } from 'vitest';
import { listPackFiles, readPackFile } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { setUpBrowserApps } from './browser-app';
import { enrolAndComeBack, openCourseCard } from './lesson-steps';

const packs = listPackFiles(CONTENT_DIR).map((file) => readPackFile(file).pack);
const pack = packs.find((p) => p.course.key === 'math-5-fractions') ?? packs[0]!;

/** A calendar day on this computer, `days` from today (the core plans in the same time zone). */
function localDay(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
/** 1 = Monday … 7 = Sunday. */
const isoWeekdayToday = () => ((new Date().getDay() + 6) % 7) + 1;

const apps = setUpBrowserApps();

describe('the study plan in the browser', () => {
  it('makes a plan with the default settings, then warns when a sparse schedule does not fit', async () => {
    const running = await apps.openAsStudent({ fullName: 'Маша Иванова', username: 'masha', password: 'правильный-пароль' });
    const { page, app } = running;

    // Open a course and enrol: only then does the course page offer the plan.
    await openCourseCard(page, pack.course.title);
    await page.getByTestId('course-title').waitFor();
    expect(await page.getByTestId('open-plan').count()).toBe(0);
    await enrolAndComeBack(page);
    await page.getByTestId('open-plan').click();

    // No plan yet: the form, with a month of weekdays at 30 minutes a day.
    await page.getByTestId('plan-form').waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/courses\/[^/]+\/plan$/);
    expect(await page.getByTestId('plan-target-date').inputValue()).toBe(localDay(30));
    for (const day of [1, 2, 3, 4, 5, 6, 7]) {
      expect(await page.getByTestId(`plan-day-${day}`).getAttribute('aria-pressed')).toBe(String(day <= 5));
    }
    expect(await page.getByTestId('plan-minutes').inputValue()).toBe('30');
    await running.screenshot('plan-form');

    await page.getByTestId('plan-generate').click();
    await page.getByTestId('plan-today').waitFor();

    const courseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    const course = await app.core.invoke('courses.get', { courseId });
    if (!course.ok) throw new Error('courses.get failed');
    const lessons = (course.value as { lessons: { id: string; number: number }[] }).lessons;
    const first = lessons.find((lesson) => lesson.number === 1)!;

    if (isoWeekdayToday() <= 5) {
      // A weekday: today's session starts the course.
      const today = page.getByTestId('plan-today').getByTestId('plan-item').first();
      expect(await today.getAttribute('data-lesson-id')).toBe(first.id);
      expect(await today.getAttribute('data-kind')).toBe('lesson');
      expect(await today.textContent()).toContain(`Урок 1.`);
      expect(await page.getByTestId('plan-session').first().getAttribute('data-date')).toBe(localDay());
    } else {
      // A weekend is not a study day by default: the plan says so and starts on Monday.
      expect(await page.getByTestId('plan-today').textContent()).toContain('Сегодня по плану занятий нет');
      const session = page.getByTestId('plan-session').first();
      expect(await session.getByTestId('plan-item').first().getAttribute('data-lesson-id')).toBe(first.id);
    }
    expect(await page.getByTestId('plan-late').count()).toBe(0);
    await running.screenshot('plan-default');

    // Remake it: the form comes back with the current settings.
    await page.getByTestId('plan-regenerate').click();
    await page.getByTestId('plan-form').waitFor();
    expect(await page.getByTestId('plan-target-date').inputValue()).toBe(localDay(30));
    expect(await page.getByTestId('plan-minutes').inputValue()).toBe('30');
    for (const day of [2, 3, 4, 5]) await page.getByTestId(`plan-day-${day}`).click();
    expect(await page.getByTestId('plan-day-1').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('plan-minutes').fill('10');
    await page.getByTestId('plan-target-date').fill(localDay(2));
    await page.getByTestId('plan-generate').click();

    // Once a week for ten minutes cannot finish the course in two days: the plan says so, kindly and clearly.
    const warning = page.getByTestId('plan-warning');
    await warning.waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('Все уроки не помещаются до');
    expect(text).toContain('Добавьте дни или минуты, или перенесите дату.');
    expect(await page.getByTestId('plan-summary-days').textContent()).toBe('Пн');
    expect(await page.locator('[data-testid="plan-session"][data-after-target="true"]').count()).toBeGreaterThan(0);
    await running.screenshot('plan-warning');

    // Progress elsewhere shows up here: lesson 1 done, its items are marked as done.
    await app.core.invoke('progress.completeLesson', { lessonId: first.id, score: 90, timeSpentMinutes: 15 });
    const firstItems = page.locator(`[data-testid="plan-schedule"] [data-testid="plan-item"][data-lesson-id="${first.id}"]`);
    await expect.poll(() => firstItems.first().getAttribute('data-done')).toBe('true');

    expect(running.problems).toEqual([]);
  });
});
