import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { startBrowserMode } from '../../src/web/start-browser-mode';
import { ARTEFACTS, registerAccount, setUpBrowserApps, signInFromList } from './browser-app';

const apps = setUpBrowserApps();

const anna = { fullName: 'Анна Петрова', username: 'anna', password: 'секретный-пароль-1' };

async function call<T>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const courseIds = async (core: Core) => (await call<{ id: string }[]>(core, 'courses.list')).map((course) => course.id);
const enrolled = async (core: Core) =>
  (await call<{ id: string; enrolment: unknown }[]>(core, 'courses.list')).filter((course) => course.enrolment).map((course) => course.id);

describe('backups', () => {
  it('an admin makes a backup in Settings and restores it: what came later is gone, everybody signs in again', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, { ...anna, becomeAdmin: true });
    const [first, second] = await courseIds(running.app.core);
    await call(running.app.core, 'courses.enrol', { courseId: first });

    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('settings-backups');
    await expect.poll(() => section.getByTestId('backups-empty').textContent()).toBe('Копий пока нет.');
    await section.getByTestId('backup-create').click();
    await section.getByTestId('backup-created').waitFor();
    await expect.poll(() => section.getByTestId('backup-row').count()).toBe(1);
    expect(await section.getByTestId('backup-row').first().innerText()).toMatch(/Сделана вручную\s+\d+(,\d)? МБ/);

    // Something done after the backup.
    await call(running.app.core, 'courses.enrol', { courseId: second });
    expect(await enrolled(running.app.core)).toHaveLength(2);

    await section.getByTestId('backup-restore').first().click();
    const dialog = page.getByTestId('restore-dialog');
    await expect.poll(() => dialog.locator('h2').textContent()).toMatch(/^Восстановить копию от \d+ \S+ \d{4}/);
    await running.screenshot('backup-restore-dialog');
    await dialog.getByTestId('restore-confirm').click();

    // The page starts afresh on the restored database: the sign-in screen, with Anna's account.
    await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
    await signInFromList(page, anna.username, anna.password);
    expect(await enrolled(running.app.core)).toEqual([first]);

    await page.getByTestId('nav-settings').click();
    await expect.poll(() => section.getByTestId('backup-row').count()).toBe(2);
    const reasons = await section.getByTestId('backup-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reason')));
    expect(reasons.sort()).toEqual(['before-restore', 'manual']);
    await running.screenshot('backups-after-restore');
    expect(running.problems).toEqual([]);
  }, 180_000);

  it('a database that cannot be opened shows the recovery screen, and restoring the latest backup brings the app back', async () => {
    const running = await apps.open();
    await registerAccount(running.page, { ...anna, becomeAdmin: true });
    const [course] = await courseIds(running.app.core);
    await call(running.app.core, 'courses.enrol', { courseId: course });
    await call(running.app.core, 'backups.create');
    await running.app.close();

    // The disk lost the control file.
    fs.writeFileSync(path.join(running.dataDir, 'db', 'global', 'pg_control'), Buffer.alloc(8192, 0x5a));
    const restarted = await startBrowserMode({ dataDir: running.dataDir, port: 0, appVersion: '0.0.0-e2e' });
    try {
      const page = await running.page.context().newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(restarted.url);
      const screen = page.getByTestId('recovery-screen');
      await screen.waitFor();
      await expect.poll(() => screen.locator('h1').textContent()).toBe('Не удалось открыть базу данных');
      expect(await page.getByTestId('recovery-reason').textContent()).toContain('Файлы базы данных повреждены');
      expect(await page.getByTestId('recovery-detail').textContent()).toContain('database files are incompatible with server');
      fs.mkdirSync(ARTEFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTEFACTS, 'recovery-screen.png'), fullPage: true });

      await page.getByTestId('recovery-restore-latest').click();
      await page.getByTestId('restore-dialog').getByTestId('restore-confirm').click();
      await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
      await signInFromList(page, anna.username, anna.password);
      expect(await enrolled(restarted.core)).toEqual([course]);
      expect(problems).toEqual([]);
    } finally {
      await restarted.close();
    }
  }, 180_000);
});
