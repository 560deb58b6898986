import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, ARTEFACTS, registerAccount, setUpBrowserApps, type RunningApp } from './browser-app';
import { axeViolations, describeViolations } from './axe';
import { controlContrast } from './contrast';
import { openCourseCard, openFirstLesson, startCourse } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const algebra = readPackFile(path.join(CONTENT_DIR, 'algebra-8-quadratic.json')).pack;
const admin = { fullName: 'Анна Петрова', username: 'anna', password: 'пароль-для-проверки', becomeAdmin: true };
const THEMES = ['light', 'dark'] as const;

const apps = setUpBrowserApps();

/** Opens the screen by its address and waits until it has shown its content (its heading, nothing loading). */
async function visit(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => {
    window.location.hash = next;
  }, hash);
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.getByTestId('loading-state').count(), { timeout: 15_000 }).toBe(0);
}

/** The critical and serious violations (and faint field edges or focus rings) found so far, per screen and theme (all screens are seen before failing). */
const found: string[] = [];

/** axe in both themes; a screenshot of each for a human look. */
async function auditBothThemes(running: RunningApp, name: string): Promise<void> {
  const { page } = running;
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // Colours change with a transition: axe must see the theme's own colours, not a step between two.
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length)).toBe(0);
    const violations = await axeViolations(page);
    if (violations.length > 0) found.push(`${name} (${theme}):\n${describeViolations(violations)}`);
    if ((await page.locator('.field__input').count()) > 0) {
      const contrast = await controlContrast(page);
      const faint = contrast.borders.filter((border) => border.ratio < 3);
      if (faint.length > 0 || contrast.focusRing < 3) found.push(`${name} (${theme}): field borders ${JSON.stringify(faint)}, focus ring ${contrast.focusRing}:1`);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    }
    await running.screenshot(`a11y-${name}-${theme}`);
  }
}

/** Nothing needs sideways scrolling; when something does, the elements that stick out past the window's edge. */
const sticksOut = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 10)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`);
  });

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  it('every screen, signed out and signed in, in both themes, has no critical or serious violation', async () => {
    const running = await apps.open();
    const { page } = running;
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('register-fullname').waitFor();
    await auditBothThemes(running, 'first-account');
    await registerAccount(page, admin);

    const pages: [string, string][] = [
      ['courses', '#/courses'],
      ['exams', '#/exams'],
      ['progress', '#/progress'],
      ['achievements', '#/achievements'],
      ['teacher', '#/teacher'],
      ['import', '#/import'],
      ['admin', '#/admin'],
      ['profile', '#/profile'],
      ['settings', '#/settings'],
      ['chat-empty', '#/chat'],
      ['review-empty', '#/review'],
    ];
    for (const [name, hash] of pages) {
      await visit(page, hash);
      await auditBothThemes(running, name);
    }

    await visit(page, '#/courses');
    await openCourseCard(page, maths.course.title);
    await page.getByTestId('enrol-button').waitFor();
    const course = await page.evaluate(() => window.location.hash);
    await auditBothThemes(running, 'course-not-started');
    await visit(page, '#/courses');
    await startCourse(page, maths);
    const lesson = await page.evaluate(() => window.location.hash);
    await auditBothThemes(running, 'lesson');
    await visit(page, `${lesson}/practice`);
    await auditBothThemes(running, 'practice');
    await visit(page, course);
    await auditBothThemes(running, 'course');
    await visit(page, `${course}/plan`);
    await auditBothThemes(running, 'plan');

    // A conversation with a finished reply of the built-in teacher.
    await visit(page, lesson);
    await page.getByTestId('ask-teacher').click();
    const box = page.getByTestId('chat-input');
    await expect.poll(() => box.isEnabled()).toBe(true);
    await box.fill('Как сравнить дроби?');
    const sent = answerOf(page, 'chat.sendMessage');
    await box.press('Enter');
    await sent;
    await expect.poll(() => page.getByTestId('chat-reply-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    await auditBothThemes(running, 'chat');

    // Signed out again (from the course list): the sign-in screen with the account's tile.
    await visit(page, '#/courses');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('signout-button').click();
    await page.getByTestId('signin-screen').waitFor();
    await auditBothThemes(running, 'sign-in');
    expect(found.join('\n\n')).toBe('');
    expect(running.problems).toEqual([]);
  }, 240_000);

  it('a wrong password marks the password field invalid and ties it to the sentence that says so', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, admin);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('signout-button').click();
    await page.locator(`[data-testid="account-tile"][data-username="${admin.username}"]`).click();
    const password = page.getByTestId('signin-password');
    await password.fill('не-тот-пароль');
    await page.getByTestId('signin-submit').click();
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const errorId = await error.getAttribute('id');
    expect(errorId).toBeTruthy();
    expect((await password.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signin-password');
  });

  it('a formula is typeset by the KaTeX whose stylesheet the page loads (1/x² for a screenshot)', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, admin);
    await openFirstLesson(page, algebra);
    const option = page.getByTestId('exercise-option').filter({ has: page.locator('annotation', { hasText: '\\frac{1}{x^2}' }) }).first();
    await option.scrollIntoViewIfNeeded();
    // Large, for a human look at the screenshot: the exponent clears the fraction bar. (The boxes KaTeX
    // stacks glyphs in overlap by design, so the DOM cannot tell a collision; the versions below can.)
    await option.evaluate((element) => {
      (element as HTMLElement).style.fontSize = '48px';
    });
    await option.screenshot({ path: path.join(ARTEFACTS, 'a11y-katex-fraction.png') });
    // The formula's HTML and the stylesheet come from one KaTeX: rehype-katex resolves the app's own copy.
    const rehypeKatex = createRequire(createRequire(import.meta.url).resolve('rehype-katex'));
    const version = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    expect(version(rehypeKatex.resolve('katex/package.json'))).toBe(version(createRequire(import.meta.url).resolve('katex/package.json')));
  });

  it('the lesson and the chat reflow at 320 CSS px (400 % zoom) with no sideways scrolling', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, admin);
    await startCourse(page, maths);
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => sticksOut(page)).toEqual([]);
    await running.screenshot('a11y-reflow-lesson');

    await page.getByTestId('ask-teacher').click();
    await page.getByTestId('chat-input').waitFor();
    await expect.poll(() => sticksOut(page)).toEqual([]);
    await running.screenshot('a11y-reflow-chat');
  }, 120_000);
});
