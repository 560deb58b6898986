import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import type { Exercise } from '../../src/shared/content';
import { ATTEMPTS_BEFORE_EXPLANATION } from '../../src/shared/contract/lessons';
import { correctAnswerOf } from '../../src/shared/exercise-check';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps } from './browser-app';
import { answerExercise, exerciseCard, startCourse } from './lesson-steps';

// Only the packs these tests study: another pack of the folder being broken does not concern them.
const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const physics = readPackFile(path.join(CONTENT_DIR, 'physics-7-motion.json')).pack;
const firstLesson = maths.lessons[0]!;

const student = { fullName: 'Петя Соколов', username: 'petya', password: 'пароль-для-уроков' };

const apps = setUpBrowserApps();

function exerciseOf(id: string): Exercise {
  const exercise = firstLesson.exercises.find((candidate) => candidate.id === id);
  if (!exercise) throw new Error(`Lesson 1 of the maths pack has no exercise ${id}`);
  return exercise;
}

describe('a lesson', () => {
  it('renders formulas, takes a wrong and a right answer, and completes with the course progress updated', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await startCourse(page, maths);

    // Theory: objectives, key concepts, and formulas typeset by KaTeX (also the $$…$$ ones on a line of their own).
    const content = page.getByTestId('lesson-content');
    await expect.poll(() => content.locator('.katex').count()).toBeGreaterThan(0);
    expect(await content.locator('.katex-display').count()).toBeGreaterThan(0);
    expect(await content.locator('script, iframe, img, object, embed, style').count()).toBe(0);
    expect(await page.getByTestId('objective').count()).toBe(firstLesson.objectives.length);
    expect(await page.getByTestId('key-concept').count()).toBe(firstLesson.keyConcepts.length);
    expect(await page.getByTestId('exercise').count()).toBe(firstLesson.exercises.length);
    await running.screenshot('lesson-theory');

    // A single-choice exercise: a wrong option gets «Пока неверно» and the first step of the hint ladder.
    const choice = exerciseOf('denominator-of-5-8');
    const right = correctAnswerOf(choice);
    if (right.type !== 'single_choice') throw new Error('expected a single-choice exercise');
    await answerExercise(page, choice, { type: 'single_choice', choice: (right.choice + 1) % (choice.type === 'single_choice' ? choice.options.length : 2) });
    await expect.poll(() => exerciseCard(page, choice).getAttribute('data-state')).toBe('wrong');
    expect(await exerciseCard(page, choice).getByTestId('exercise-feedback').textContent()).toContain('Пока неверно');
    expect(await exerciseCard(page, choice).getByTestId('exercise-hint').first().textContent()).toContain(choice.hints[0]);
    expect(await exerciseCard(page, choice).getByTestId('exercise-explanation').count()).toBe(0);

    // The right option: «Верно!», the explanation, and the exercise is locked.
    await answerExercise(page, choice, right);
    await expect.poll(() => exerciseCard(page, choice).getAttribute('data-state')).toBe('correct');
    expect(await exerciseCard(page, choice).getByTestId('exercise-feedback').textContent()).toContain('Верно');
    expect(await exerciseCard(page, choice).getByTestId('exercise-explanation').count()).toBe(1);
    expect(await exerciseCard(page, choice).locator('input:not([disabled])').count()).toBe(0);
    expect(await exerciseCard(page, choice).getByTestId('exercise-check').count()).toBe(0);

    // A numeric exercise: «3/4» is understood as a number before it is sent; wrong tries climb the hint
    // ladder and, after ATTEMPTS_BEFORE_EXPLANATION of them, the explanation comes; then the right number.
    const numeric = exerciseOf('two-thirds-of-45');
    const input = exerciseCard(page, numeric).getByTestId('exercise-input');
    expect(await input.getAttribute('inputmode')).toBe('decimal');
    await input.fill('3/4');
    await expect.poll(() => exerciseCard(page, numeric).getByTestId('exercise-number-note').textContent()).toContain('0,75');
    for (let attempt = 1; attempt <= ATTEMPTS_BEFORE_EXPLANATION; attempt++) {
      await answerExercise(page, numeric, { type: 'numeric', text: String(31 + attempt) });
      await expect.poll(() => exerciseCard(page, numeric).getByTestId('exercise-feedback').textContent()).toContain('Пока неверно');
      const explanations = await exerciseCard(page, numeric).getByTestId('exercise-explanation').count();
      expect(explanations, `explanation after ${attempt} wrong tries`).toBe(attempt >= ATTEMPTS_BEFORE_EXPLANATION ? 1 : 0);
    }
    expect(await exerciseCard(page, numeric).getByTestId('exercise-hint').count()).toBeGreaterThanOrEqual(Math.min(2, numeric.hints.length));
    await running.screenshot('lesson-exercise-wrong');
    await answerExercise(page, numeric, { type: 'numeric', text: (correctAnswerOf(numeric) as { text: string }).text.replace('.', ',') });
    await expect.poll(() => exerciseCard(page, numeric).getAttribute('data-state')).toBe('correct');
    expect(await page.getByTestId('exercise-hint').count()).toBe(0);

    // Homework is shown with its criteria.
    const homework = page.getByTestId('homework');
    expect(await homework.textContent()).toContain('Домашнее задание');
    expect(await homework.getByTestId('homework-criterion').count()).toBe(firstLesson.homework?.criteria.length ?? 0);

    // «Завершить урок»: 2 of the lesson's exercises solved.
    const score = Math.round((100 * 2) / firstLesson.exercises.length);
    const completed = answerOf(page, 'progress.completeLesson');
    await page.getByTestId('complete-lesson').click();
    const sent = JSON.parse((await completed).request().postData() ?? '{}') as { input: { score: number; timeSpentMinutes: number } };
    expect(sent.input.score).toBe(score);
    expect(sent.input.timeSpentMinutes).toBeGreaterThanOrEqual(0);
    await expect.poll(() => page.getByTestId('lesson-result').textContent()).toContain(`Результат: ${score} из 100`);
    expect(await page.getByTestId('lesson-result').textContent()).toContain(`1 из ${maths.lessons.length}`);
    expect(await page.getByTestId('next-lesson').count()).toBe(1);
    await running.screenshot('lesson-completed');

    // Back on the course page: the progress says so at once, lesson 1 is completed, «Продолжить» goes on.
    await page.getByTestId('back-to-course').click();
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`1 из ${maths.lessons.length}`);
    const lessons = page.getByTestId('lesson-item');
    expect(await lessons.first().getAttribute('data-status')).toBe('completed');
    const second = await lessons.nth(1).getAttribute('data-lesson-id');
    expect(await page.getByTestId('continue-course').getAttribute('href')).toBe(`#/lessons/${second}`);

    // A lesson row opens its lesson; the breadcrumb leads back to the course.
    await lessons.nth(1).getByTestId('lesson-link').click();
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(maths.lessons[1]!.title);
    await page.getByTestId('lesson-course-link').click();
    await expect.poll(() => page.getByTestId('course-title').textContent()).toBe(maths.course.title);
    expect(running.problems).toEqual([]);
  });

  it('never runs HTML that lesson text carries', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    // Content as if a pack carried raw HTML and a javascript: link: the screen must show none of it working.
    const hostile =
      '\n\n<script>window.__ranScript = true</script>\n\n<img src="x" onerror="window.__ranImage = true">\n\n' +
      '<iframe src="about:blank"></iframe>\n\n[ссылка](javascript:window.__ranLink=true) и <b onclick="window.__ranClick = true">жирный</b>\n';
    await page.route('**/api/invoke', async (route) => {
      if (!(route.request().postData() ?? '').includes('"method":"lessons.get"')) return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: { content: string } };
      if (body.ok && body.value) body.value.content += hostile;
      return route.fulfill({ response, json: body });
    });
    await startCourse(page, maths);
    const content = page.getByTestId('lesson-content');
    await expect.poll(() => content.locator('.katex').count()).toBeGreaterThan(0);
    expect(await content.locator('script, img, iframe, b').count()).toBe(0);
    expect(await content.locator('a[href^="javascript:"]').count()).toBe(0);
    const link = content.locator('a', { hasText: 'ссылка' });
    if ((await link.count()) > 0) await link.click();
    const ran = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return [w.__ranScript, w.__ranImage, w.__ranLink, w.__ranClick].some(Boolean);
    });
    expect(ran).toBe(false);
    expect(await page.getByTestId('lesson-title').textContent()).toBe(firstLesson.title);
    expect(running.problems).toEqual([]);
  });
});

describe('catalogue search', () => {
  it('finds lessons by a word in another form, says when nothing is found, and clears', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    const cards = page.getByTestId('course-card');
    await expect.poll(() => cards.filter({ hasText: physics.course.title }).count()).toBe(1);
    const catalogue = await cards.count();
    const search = page.getByTestId('search-input');

    // «дробями» is in no title; «Сравнение дробей» and «Что такое дробь» have other forms of the word.
    await search.fill('дробями');
    const lessonResults = page.getByTestId('search-result-lesson');
    const fractions = maths.lessons.find((lesson) => lesson.title.includes('дробей'))!;
    await expect.poll(() => lessonResults.allTextContents()).toContain(`${maths.course.title} · Урок ${fractions.number} · ${fractions.title}`);
    await running.screenshot('search-results');

    // «скорости» finds «Средняя скорость».
    await search.fill('скорости');
    const average = physics.lessons.find((lesson) => lesson.title === 'Средняя скорость')!;
    await expect.poll(async () => (await lessonResults.allTextContents()).some((text) => text.endsWith(`· ${average.title}`))).toBe(true);

    await search.fill('абырвалгщ');
    await expect.poll(() => page.getByTestId('search-empty').textContent()).toContain('Ничего не нашлось');

    await page.getByTestId('search-clear').click();
    expect(await search.inputValue()).toBe('');
    await expect.poll(() => cards.filter({ visible: true }).count()).toBe(catalogue);

    // A lesson found opens the lesson.
    await search.fill('скорости');
    await lessonResults.filter({ hasText: average.title }).first().click();
    await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(average.title);
    expect(running.problems).toEqual([]);
  });
});
