import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps } from './browser-app';
import { setUpCentralServer } from './central-server';
import { openCourseCard, startCourse } from './lesson-steps';

/*
 * Two computers of one student, each the app in browser mode with its own data directory, and the
 * real central server over a throw-away PostgreSQL 15: a student registers on computer A, links the
 * account online, completes a lesson and syncs; computer B, brand new, signs in through the school
 * server and sees the completed lesson.
 */

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const anna = { fullName: 'Анна Синхронова', username: 'anna-sync', password: 'пароль-для-синхронизации' };

const apps = setUpBrowserApps();
/** Steps that wait for the server (or for a sync about 2 s after a change), on a busy machine. */
const slow = { timeout: 15_000 };
const server = setUpCentralServer();

describe('sync between two computers', () => {
  it('links online on one computer, completes a lesson, and a new computer signs in through the server and sees it', async () => {
    const a = await apps.openAsStudent(anna);
    const chip = a.page.getByTestId('sync-chip');
    await expect.poll(() => chip.getAttribute('data-state'), slow).toBe('unlinked');
    expect(await chip.textContent()).toBe('Только на этом компьютере');

    // Settings → «Синхронизация»: create the account on the server with this account's password.
    await a.page.getByTestId('nav-settings').click();
    const section = a.page.getByTestId('settings-sync');
    await section.getByTestId('sync-link-form').waitFor();
    await a.screenshot('sync-settings-unlinked');
    await section.getByTestId('sync-server-url').fill(server.url);
    await section.getByTestId('sync-password').fill('не-тот-пароль');
    await section.getByTestId('sync-link-submit').click();
    await expect.poll(() => section.locator('[data-testid="field-error"][data-field="password"]').textContent(), slow).toBe('Неверный пароль');
    await section.getByTestId('sync-password').fill(anna.password);
    await section.getByTestId('sync-link-submit').click();
    await expect.poll(() => section.getByTestId('sync-state').getAttribute('data-state'), slow).toBe('synced');
    expect(await section.getByTestId('sync-server').textContent()).toBe(server.url);
    await expect.poll(() => section.getByTestId('sync-device').count(), slow).toBe(1);
    expect(await section.getByTestId('sync-device').first().getAttribute('data-current')).toBe('true');
    await a.screenshot('sync-settings-linked');
    await expect.poll(() => chip.getAttribute('data-state'), slow).toBe('synced');
    expect(await a.page.getByTestId('sync-chip-text').textContent()).toMatch(/^Синхронизировано в \d\d:\d\d$/);

    // A lesson completed offline-first: waiting to be sent, then «Синхронизировать» sends it.
    await a.page.getByTestId('nav-courses').click();
    await startCourse(a.page, maths);
    const completed = answerOf(a.page, 'progress.completeLesson');
    await a.page.getByTestId('complete-lesson').click();
    await completed;
    await expect.poll(() => a.page.getByTestId('lesson-result').count(), slow).toBe(1);
    const synced = answerOf(a.page, 'sync.now');
    await a.page.getByTestId('sync-now').click();
    await synced;
    // An achievement toast marked seen meanwhile is one more change, sent about 2 s later.
    await expect.poll(() => chip.getAttribute('data-state'), slow).toBe('synced');
    await expect.poll(() => a.page.getByTestId('sync-chip-text').getAttribute('data-pending'), slow).toBe('0');
    await a.screenshot('sync-chip-synced');

    // A brand-new computer: «Войти через сервер школы».
    const b = await apps.open();
    await b.page.getByTestId('show-server-sign-in').click();
    await b.page.getByTestId('server-sign-in-url').fill(server.url);
    await b.page.getByTestId('server-sign-in-login').fill(anna.username);
    await b.page.getByTestId('server-sign-in-password').fill('не-тот-пароль');
    await b.page.getByTestId('server-sign-in-submit').click();
    await expect.poll(() => b.page.getByTestId('server-sign-in-error').getAttribute('data-reason'), slow).toBe('wrong_password');
    expect(await b.page.getByTestId('server-sign-in-error').textContent()).toBe('Неверное имя пользователя или пароль.');
    await b.screenshot('sync-server-sign-in');
    await b.page.getByTestId('server-sign-in-password').fill(anna.password);
    await b.page.getByTestId('server-sign-in-submit').click();
    await b.page.getByTestId('user-menu').waitFor({ timeout: 20_000 });
    expect(await b.page.getByTestId('student-name').textContent()).toBe(anna.fullName);
    await openCourseCard(b.page, maths.course.title);
    await expect.poll(() => b.page.getByTestId('lesson-item').first().getAttribute('data-status'), slow).toBe('completed');
    // Whatever B does meanwhile (achievements seen) is sent about 2 s later.
    await expect.poll(() => b.page.getByTestId('sync-chip').getAttribute('data-state'), slow).toBe('synced');
    await b.screenshot('sync-second-computer');

    const unexpected = (problems: string[]) => problems.filter((p) => !/Failed to load resource: the server responded/.test(p));
    expect(unexpected(a.problems)).toEqual([]);
    expect(unexpected(b.problems)).toEqual([]);
  });
});
