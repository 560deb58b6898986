import { describe, expect, it } from 'vitest';
import { readPackFile, listPackFiles } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { setUpBrowserApps } from './browser-app';
import { enrolAndComeBack, openCourseCard } from './lesson-steps';

const packs = listPackFiles(CONTENT_DIR).map((file) => readPackFile(file).pack);

const student = { fullName: 'Маша Иванова', username: 'masha', password: 'правильный-пароль' };

const apps = setUpBrowserApps();

describe('a student in the browser', () => {
  it('opens the app, sees the courses, opens one and sees its lessons in order', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;

    const cards = page.getByTestId('course-card');
    await expect.poll(() => cards.count()).toBe(packs.length);
    await expect.poll(() => page.getByTestId('student-name').textContent()).toBe(student.fullName);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await running.screenshot('courses-list');

    const pack = packs.find((p) => p.course.key === 'math-5-fractions') ?? packs[0]!;
    await cards.filter({ hasText: pack.course.title }).first().click();

    await expect.poll(() => page.getByTestId('course-title').textContent()).toBe(pack.course.title);
    const lessons = page.getByTestId('lesson-item');
    await expect.poll(() => lessons.count()).toBe(pack.lessons.length);
    const texts = await lessons.allTextContents();
    pack.lessons.forEach((lesson, i) => {
      expect(texts[i]).toContain(`Урок ${lesson.number}`);
      expect(texts[i]).toContain(lesson.title);
    });
    expect(page.url()).not.toMatch(/[?&](token|code)=/);
    await running.screenshot('course-page');
    expect(running.problems).toEqual([]);
  });

  it('enrols, and the course page shows progress as soon as a lesson is completed', async () => {
    const running = await apps.openAsStudent(student);
    const { page, app } = running;
    const pack = packs[0]!;
    await openCourseCard(page, pack.course.title);
    await enrolAndComeBack(page);
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`0 из ${pack.lessons.length}`);

    // The lesson screen comes with the learning issue; the core call is the same one it will make.
    const courseId = new URL(page.url()).hash.split('/').pop();
    const course = await app.core.invoke('courses.get', { courseId });
    if (!course.ok) throw new Error('courses.get failed');
    const first = (course.value as { lessons: { id: string }[] }).lessons[0]!;
    await app.core.invoke('progress.completeLesson', { lessonId: first.id, score: 90, timeSpentMinutes: 15 });

    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`1 из ${pack.lessons.length}`);
    await expect.poll(() => page.getByTestId('lesson-item').first().getAttribute('data-status')).toBe('completed');
    await running.screenshot('course-progress');
  });

  it('filters the catalogue, then pauses, resumes and leaves a school course', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    const cards = page.getByTestId('course-card');
    await expect.poll(() => cards.count()).toBe(packs.length);

    await page.getByTestId('filter-exam').selectOption({ label: 'ОГЭ' });
    const oge = packs.filter((p) => p.course.examType === 'ОГЭ').map((p) => p.course.title);
    expect(oge.length).toBeGreaterThan(0);
    await expect.poll(() => cards.count()).toBe(oge.length);
    for (const text of await cards.allTextContents()) expect(oge.some((title) => text.includes(title))).toBe(true);
    await page.getByTestId('filter-reset').click();
    await expect.poll(() => cards.count()).toBe(packs.length);
    expect(await page.getByTestId('filter-reset').count()).toBe(0);

    const school = packs.find((p) => p.course.key === 'math-5-fractions') ?? packs.find((p) => !p.course.examType)!;
    await cards.filter({ hasText: school.course.title }).first().click();
    await enrolAndComeBack(page);
    const status = page.getByTestId('enrolment-status');
    await expect.poll(() => status.textContent()).toBe('Вы проходите этот курс');

    await page.getByTestId('pause-course').click();
    await expect.poll(() => status.textContent()).toBe('Курс на паузе');
    await page.getByTestId('resume-course').click();
    await expect.poll(() => status.textContent()).toBe('Вы проходите этот курс');

    await page.getByTestId('drop-course').click();
    await expect.poll(() => page.getByText('Прогресс сохранится, вернуться можно в любой момент').count()).toBe(1);
    await page.getByTestId('drop-confirm').click();
    await expect.poll(() => status.textContent()).toBe('Курс оставлен');
    expect(await page.getByTestId('resume-course').textContent()).toBe('Продолжить курс');
    expect(await page.getByTestId('pause-course').count()).toBe(0);
    await running.screenshot('course-dropped');
    expect(running.problems).toEqual([]);
  });

  it('switches the whole interface to English and keeps it after a reload', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.locator('nav').first().textContent()).toContain('Courses');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByTestId('nav-courses').click();
    await expect.poll(() => page.getByTestId('course-card').count()).toBe(packs.length);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toMatch(/lessons?/);
    expect(body).not.toMatch(/Курсы|уроков пройдено|Настройки/);
    await running.screenshot('english');
  });

  it('tells the student when the core cannot be reached, and recovers with «Повторить»', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await expect.poll(() => page.getByTestId('course-card').count()).toBe(packs.length);
    await page.route('**/api/invoke', (route) => route.abort('connectionrefused'));
    await page.getByTestId('course-card').first().click();
    await expect.poll(() => page.getByTestId('error-state').getAttribute('data-error-code')).toBe('unavailable');
    expect(await page.getByTestId('error-state').textContent()).toContain('Нет связи');
    await page.unroute('**/api/invoke');
    await page.getByTestId('retry-button').click();
    await expect.poll(() => page.getByTestId('lesson-item').count()).toBeGreaterThan(0);
  });
});
