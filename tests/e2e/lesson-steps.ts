import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ContentPack, Exercise } from '../../src/shared/content';
import { correctAnswerOf, type ExerciseAnswer } from '../../src/shared/exercise-check';
import { answerOf } from './browser-app';

/** Clicks the course's card in the catalogue: the course page opens. */
export async function openCourseCard(page: Page, courseTitle: string): Promise<void> {
  await page.getByTestId('course-card').filter({ hasText: courseTitle }).first().click();
}

/** From the catalogue: the course, then «Начать курс», which opens its first lesson. */
export async function startCourse(page: Page, pack: ContentPack): Promise<void> {
  await openCourseCard(page, pack.course.title);
  await page.getByTestId('enrol-button').click();
  await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(pack.lessons[0]!.title);
}

/** On a course page: «Начать курс» (which opens the first lesson), then «Назад» to the course page, enrolled. */
export async function enrolAndComeBack(page: Page): Promise<void> {
  await page.getByTestId('enrol-button').click();
  await page.getByTestId('lesson-title').waitFor();
  await page.goBack();
  await page.getByTestId('enrolment-status').waitFor();
}

/** From the catalogue: the course, then its first lesson from the list (without starting the course). */
export async function openFirstLesson(page: Page, pack: ContentPack): Promise<void> {
  await openCourseCard(page, pack.course.title);
  await page.getByTestId('lesson-item').first().getByTestId('lesson-link').click();
  await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(pack.lessons[0]!.title);
}

/** The exercise's card on the lesson page. */
export const exerciseCard = (page: Page, exercise: Exercise): Locator => page.locator(`[data-testid="exercise"][data-exercise-id="${exercise.id}"]`);

/** Gives an answer the way a student does (clicks options, types text), presses «Проверить» and waits for the core's verdict. */
export async function answerExercise(page: Page, exercise: Exercise, given: ExerciseAnswer): Promise<void> {
  const card = exerciseCard(page, exercise);
  const options = card.getByTestId('exercise-option');
  switch (given.type) {
    case 'single_choice':
      await options.nth(given.choice).click();
      break;
    case 'multiple_choice':
      for (const choice of given.choices) await options.nth(choice).click();
      break;
    default:
      await card.getByTestId('exercise-input').fill(given.text);
  }
  const checked = answerOf(page, 'exercises.check');
  await card.getByTestId('exercise-check').click();
  await checked;
}

/** Answers an exercise right, and waits until its card says so. */
export async function answerRight(page: Page, exercise: Exercise): Promise<void> {
  await answerExercise(page, exercise, correctAnswerOf(exercise));
  await expect.poll(() => exerciseCard(page, exercise).getAttribute('data-state')).toBe('correct');
}
