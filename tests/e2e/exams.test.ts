import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { listPackFiles, readPackFile } from '../../src/core/content/load-packs';
import type { ContentPack } from '../../src/shared/content';
import { makePack } from '../support/fixtures';
import { CONTENT_DIR } from '../support/test-databases';
import { registerAccount, setUpBrowserApps } from './browser-app';
import { importThroughScreen, packFiles } from './import-steps';

const packs = listPackFiles(CONTENT_DIR).map((file) => readPackFile(file).pack);
/** The ОГЭ/ЕГЭ courses of the starter content (none until someone adds them to resources/content). */
const starterExams = packs.filter((pack) => pack.course.examType !== null && pack.lessons.length > 0);

const admin = { fullName: 'Ольга Петровна', username: 'olga', password: 'пароль-учителя', becomeAdmin: true };

const SUBJECT_NAMES: Readonly<Record<string, string>> = { math: 'Математика', informatics: 'Информатика' };

/** A small ОГЭ maths pack whose lessons prepare for task 6 and task 9. */
function ogePack(key = 'e2e-oge-import'): ContentPack {
  const pack = makePack(key, 2, { title: 'ОГЭ из файла', examType: 'ОГЭ', grade: null });
  pack.lessons[0] = { ...pack.lessons[0]!, title: 'Дроби из файла', topic: 'Задание 6: действия с дробями' };
  pack.lessons[1] = { ...pack.lessons[1]!, title: 'Уравнения из файла', topic: 'Задание 9: уравнения' };
  return pack;
}

const files = packFiles();
afterEach(() => files.cleanUp());
const apps = setUpBrowserApps();

const examCard = (page: Page, examType: string, subject: string): Locator =>
  page.locator(`[data-testid="exam-card"][data-exam-type="${examType}"][data-subject="${subject}"]`);

describe('exam preparation', () => {
  it('lists the exam courses with their task grid, and a completed lesson changes its task’s mastery', async () => {
    const running = await apps.open();
    const { page, app } = running;
    await registerAccount(page, admin);

    let expected = [...new Set(starterExams.map((pack) => `${pack.course.examType}|${pack.course.subject}`))];
    if (expected.length === 0) {
      // No exam courses in the starter content yet: add one the way a teacher would.
      await page.getByTestId('nav-admin').click();
      await importThroughScreen(page, files.write('oge.json', JSON.stringify(ogePack())));
      await expect.poll(() => page.getByTestId('import-pack-result').textContent()).toContain('добавлен');
      expected = ['ОГЭ|math'];
    }

    await page.getByTestId('nav-exams').click();
    await page.getByTestId('exams-page').waitFor();
    await expect.poll(() => page.getByTestId('exam-card').count()).toBe(expected.length);
    expect(await page.getByTestId('exams-empty').count()).toBe(0);
    for (const key of expected) {
      const [examType, subject] = key.split('|') as [string, string];
      const card = examCard(page, examType, subject);
      expect(await card.count()).toBe(1);
      if (SUBJECT_NAMES[subject]) expect(await card.locator('h2').textContent()).toBe(`${examType} · ${SUBJECT_NAMES[subject]}`);
      expect(await card.getByTestId('exam-progress').textContent()).toMatch(/^0\u00a0%0 из \d+ тем/);
      expect(await card.getByTestId('exam-last-studied').textContent()).toBe('Ещё не начинали');
      expect(await card.getByTestId('exam-legend').textContent()).toMatch(/Не начато.*Нужно подтянуть.*Хорошо.*Освоено/);
    }

    // The first card: every square is «не начато», with the state also in its name; «Что дальше» is its first task.
    const [examType, subject] = expected[0]!.split('|') as [string, string];
    const card = examCard(page, examType, subject);
    const squares = card.getByTestId('exam-task');
    expect(await squares.count()).toBeGreaterThan(0);
    const numbers = await squares.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-task-number'))));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(await squares.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-mastery'))))).toEqual(new Set(['not_started']));
    const square = squares.first();
    const taskNumber = Number(await square.getAttribute('data-task-number'));
    expect(await square.getAttribute('aria-label')).toBe(`Задание ${taskNumber}: Не начато`);
    expect(await square.getAttribute('title')).toBe(`Задание ${taskNumber}: Не начато`);
    const next = card.getByTestId('exam-next');
    expect(await next.textContent()).toMatch(new RegExp(`^Задание ${taskNumber}: `));

    // Clicking the square shows the lessons behind it, as links into the lessons.
    await square.click();
    expect(await square.getAttribute('aria-pressed')).toBe('true');
    const lessonLink = card.getByTestId('exam-task-lesson').first();
    await lessonLink.waitFor();
    const lessonId = (await lessonLink.getAttribute('data-lesson-id'))!;
    expect(await lessonLink.getAttribute('href')).toBe(`#/lessons/${lessonId}`);
    await running.screenshot('exams-fresh');

    // Completing one of its lessons well makes the task «освоено»; the card follows without a reload.
    const completed = await app.core.invoke('progress.completeLesson', { lessonId, score: 95, timeSpentMinutes: 20 });
    expect(completed.ok).toBe(true);
    const sameSquare = card.locator(`[data-testid="exam-task"][data-task-number="${taskNumber}"]`);
    await expect.poll(() => sameSquare.getAttribute('data-mastery')).toBe('mastered');
    expect(await sameSquare.getAttribute('aria-label')).toBe(`Задание ${taskNumber}: Освоено`);
    await expect.poll(() => card.getByTestId('exam-progress').textContent()).toMatch(/1 из \d+ тем/);
    expect(await card.getByTestId('exam-last-studied').textContent()).toMatch(/^Последнее занятие: \d+ \S+ \d{4}/);
    if (numbers.length > 1) {
      expect(await next.textContent()).not.toMatch(new RegExp(`^Задание ${taskNumber}: `));
      expect(await next.getAttribute('href')).toMatch(/^#\/lessons\//);
    }
    await running.screenshot('exams-after-lesson');

    // The lesson link opens the lesson.
    await card.getByTestId('exam-task-lesson').first().click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/lessons/${lessonId}`);
    expect(running.problems).toEqual([]);
  });

  it('an ОГЭ course added from a file (tests/e2e/course-import.test.ts has the import screen) shows on the exams screen', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, admin);
    await page.getByTestId('nav-import').click();
    await importThroughScreen(page, files.write('oge.json', JSON.stringify(ogePack())));
    await expect.poll(() => page.getByTestId('import-pack-result').textContent()).toBe('Курс «ОГЭ из файла» добавлен (2 урока)');

    // The imported course is on the exams screen, its lessons under tasks 6 and 9.
    await page.getByTestId('nav-exams').click();
    const card = examCard(page, 'ОГЭ', 'math');
    await card.waitFor();
    const task6 = card.locator('[data-testid="exam-task"][data-task-number="6"]');
    await task6.click();
    await expect.poll(() => card.getByTestId('exam-task-lesson').allTextContents()).toContain('Дроби из файла');
    expect(await card.locator('[data-testid="exam-task"][data-task-number="9"]').count()).toBe(1);
    expect(running.problems).toEqual([]);
  });
});
