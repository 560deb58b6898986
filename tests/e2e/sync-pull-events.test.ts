import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps, type RunningApp } from './browser-app';
import { setUpCentralServer } from './central-server';
import { startCourse } from './lesson-steps';

/*
 * Issue 18, item 1: computer B stays open on a page while the same student works on computer A. After B
 * syncs, the open page shows what A did — the header's points, «Прогресс», the conversation — without a
 * reload, and without «+N очков» toasts for points earned on A.
 */

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const student = { fullName: 'Борис Открытов', username: 'boris-open', password: 'пароль-для-открытых-страниц' };

const apps = setUpBrowserApps();
const slow = { timeout: 20_000 };
const server = setUpCentralServer();

/** «Синхронизировать» in the header: the page stays where it is. */
async function syncNow(page: Page): Promise<void> {
  const synced = answerOf(page, 'sync.now');
  await page.getByTestId('sync-now').click();
  await synced;
}

async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByTestId('chat-input');
  await expect.poll(() => box.isEnabled(), slow).toBe(true);
  await box.fill(question);
  const sent = answerOf(page, 'chat.sendMessage');
  await box.press('Enter');
  await sent;
  await expect.poll(() => page.getByTestId('chat-reply-state').getAttribute('data-state'), { timeout: 30_000 }).not.toBe('writing');
}

const texts = (page: Page) => page.getByTestId('chat-message-text').allTextContents();
const points = async (page: Page) => Number(await page.getByTestId('header-points').getAttribute('data-points'));

async function linkOnline(a: RunningApp): Promise<void> {
  await a.page.getByTestId('nav-settings').click();
  const section = a.page.getByTestId('settings-sync');
  await section.getByTestId('sync-server-url').fill(server.url);
  await section.getByTestId('sync-password').fill(student.password);
  await section.getByTestId('sync-link-submit').click();
  await expect.poll(() => section.getByTestId('sync-state').getAttribute('data-state'), slow).toBe('synced');
}

async function signInThroughServer(b: RunningApp): Promise<void> {
  await b.page.getByTestId('show-server-sign-in').click();
  await b.page.getByTestId('server-sign-in-url').fill(server.url);
  await b.page.getByTestId('server-sign-in-login').fill(student.username);
  await b.page.getByTestId('server-sign-in-password').fill(student.password);
  await b.page.getByTestId('server-sign-in-submit').click();
  await b.page.getByTestId('user-menu').waitFor({ timeout: 20_000 });
}

describe('open pages follow a sync', () => {
  it('B open on a conversation and on «Прогресс» shows what A did once B syncs, without a reload or toasts', async () => {
    const a = await apps.openAsStudent(student);
    await linkOnline(a);
    const b = await apps.open();
    await signInThroughServer(b);
    // Gone if B's document were ever reloaded.
    await b.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // A starts a conversation; B opens it.
    await a.page.getByTestId('nav-chat').click();
    await a.page.getByTestId('chat-new').click();
    const started = answerOf(a.page, 'chat.startSession');
    await a.page.getByTestId('chat-new-interactive').click();
    const sessionId = ((await (await started).json()) as { value: { id: string } }).value.id;
    await ask(a.page, 'Первый вопрос с компьютера А');
    await syncNow(a.page);
    await syncNow(b.page);
    await b.page.evaluate((id) => (window.location.hash = `#/chat/${id}`), sessionId);
    await expect.poll(() => texts(b.page), slow).toContain('Первый вопрос с компьютера А');

    // A asks again: B's open conversation gets it with B's next sync.
    await ask(a.page, 'Второй вопрос с компьютера А');
    await syncNow(a.page);
    await syncNow(b.page);
    await expect.poll(() => texts(b.page), slow).toContain('Второй вопрос с компьютера А');
    await b.screenshot('sync-pulled-conversation');

    // B on «Прогресс»; A completes a lesson.
    await b.page.getByTestId('nav-progress').click();
    await b.page.getByTestId('dashboard-points').waitFor();
    const before = await points(b.page);
    await a.page.getByTestId('nav-courses').click();
    await startCourse(a.page, maths);
    const completed = answerOf(a.page, 'progress.completeLesson');
    await a.page.getByTestId('complete-lesson').click();
    await completed;
    await expect.poll(() => points(a.page), slow).toBeGreaterThan(before);
    await syncNow(a.page);
    const earned = await points(a.page);

    await syncNow(b.page);
    await expect.poll(() => points(b.page), slow).toBe(earned);
    await expect.poll(() => b.page.getByTestId('dashboard-points').getAttribute('data-points'), slow).toBe(String(earned));
    await expect.poll(() => b.page.getByTestId('dashboard-score').count(), slow).toBe(1);
    // Earned on A, celebrated there: B shows no «+N очков».
    expect(await b.page.locator('[data-testid="toast"][data-kind="points"]').count()).toBe(0);
    expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await b.screenshot('sync-pulled-progress');

    const unexpected = (problems: string[]) => problems.filter((p) => !/Failed to load resource: the server responded/.test(p));
    expect(unexpected(a.problems)).toEqual([]);
    expect(unexpected(b.problems)).toEqual([]);
  });
});

describe('the student’s devices in Settings', () => {
  it('renames this computer, refusing an empty name, and the list shows the new name', async () => {
    const a = await apps.openAsStudent({ ...student, username: 'boris-rename' });
    await linkOnline(a);
    const section = a.page.getByTestId('settings-sync');
    const row = section.getByTestId('sync-device').first();
    await expect.poll(() => row.getAttribute('data-current'), slow).toBe('true');
    // A default that says which computer it is: host, system, and the start of the device id.
    expect(await row.locator('.sync-device__name').textContent()).toMatch(/^.+ \((Linux|Windows|macOS|\w+)\) · [0-9a-f]{4}$/);

    await row.getByTestId('sync-rename').click();
    await row.getByTestId('sync-rename-input').fill('   ');
    await row.getByTestId('sync-rename-save').click();
    expect(await row.getByTestId('sync-rename-error').textContent()).toBe('Введите название устройства.');
    await row.getByTestId('sync-rename-input').fill('Ноутбук Бориса');
    const renamed = answerOf(a.page, 'sync.renameDevice');
    await row.getByTestId('sync-rename-save').click();
    await renamed;
    await expect.poll(() => row.locator('.sync-device__name').textContent(), slow).toBe('Ноутбук Бориса');
    expect(await row.getByTestId('sync-rename-form').count()).toBe(0);
    await a.screenshot('sync-device-renamed');
    expect(a.problems.filter((p) => !/Failed to load resource: the server responded/.test(p))).toEqual([]);
  });
});
