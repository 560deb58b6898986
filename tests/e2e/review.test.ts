import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { correctAnswerOf } from '../../src/shared/exercise-check';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, registerAccount, setUpBrowserApps } from './browser-app';
import { answerExercise, exerciseCard, startCourse } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const exercise = maths.lessons[0]!.exercises.find((candidate) => candidate.id === 'denominator-of-5-8')!;
const student = { fullName: 'Оля Повторова', username: 'olya', password: 'пароль-для-повторения' };
const DAY_MS = 24 * 60 * 60 * 1000;

const apps = setUpBrowserApps();

describe('«Повторение»', () => {
  it('tomorrow’s queue asks the missed exercise again; answering it right reschedules it and empties the day', async () => {
    // The core's clock: today, then tomorrow.
    let offset = 0;
    const running = await apps.open({ now: () => new Date(Date.now() + offset) });
    const { page } = running;
    await registerAccount(page, { ...student, becomeAdmin: false });
    await startCourse(page, maths);

    const right = correctAnswerOf(exercise);
    if (right.type !== 'single_choice' || exercise.type !== 'single_choice') throw new Error('expected a single-choice exercise');
    const wrong = { type: 'single_choice' as const, choice: (right.choice + 1) % exercise.options.length };
    await answerExercise(page, exercise, wrong);
    await expect.poll(() => exerciseCard(page, exercise).getAttribute('data-state')).toBe('wrong');
    await answerExercise(page, exercise, right);

    // Today nothing is due: the missed exercise waits a day.
    await page.evaluate(() => (location.hash = '#/review'));
    await expect.poll(() => page.getByTestId('review-done').textContent()).toContain('На сегодня всё повторено');

    offset = DAY_MS + 60 * 60 * 1000;
    await page.evaluate(() => (location.hash = '#/courses'));
    const link = page.getByTestId('review-link');
    await expect.poll(() => link.textContent()).toBe('Повторение: 1 карточка');
    await link.getByRole('link').click();

    const card = page.getByTestId('review-card');
    await expect.poll(() => card.getAttribute('data-card-key')).toContain(`:${exercise.id}`);
    expect(await card.getAttribute('data-kind')).toBe('exercise');
    expect(await page.getByTestId('review-prompt').textContent()).toContain(exercise.prompt.slice(0, 20));
    await running.screenshot('review-exercise');

    await card.getByTestId('exercise-option').nth(right.choice).click();
    const answered = answerOf(page, 'review.answer');
    await card.getByTestId('review-check').click();
    const result = (await (await answered).json()) as { ok: true; value: { correct: boolean; nextDueAt: string } };
    expect(result.value.correct).toBe(true);
    expect(new Date(result.value.nextDueAt).getTime()).toBeGreaterThan(Date.now() + offset + DAY_MS);
    await expect.poll(() => page.getByTestId('review-verdict').getAttribute('data-correct')).toBe('true');
    await page.getByTestId('review-next').click();
    await expect.poll(() => page.getByTestId('review-done').textContent()).toContain('Следующая карточка');
    expect(running.problems).toEqual([]);
  });
});
