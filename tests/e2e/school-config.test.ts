import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchoolConfig, type LoadedSchoolConfig } from '../../src/core/school/load-school-config';
import { SCHOOL_CONFIG_ENV } from '../../src/shared/school-config';
import { registerAccount, setUpBrowserApps, signInFromList, signOut, type RunningApp } from './browser-app';

const apps = setUpBrowserApps();

const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-e2e-school-'));
afterAll(() => fs.rmSync(configDir, { recursive: true, force: true }));

/** Writes a school configuration file and loads it the way browser mode does (TEACHER_AI_SCHOOL_CONFIG). */
function schoolFile(name: string, text: string): { file: string; school: LoadedSchoolConfig } {
  const file = path.join(configDir, name);
  fs.writeFileSync(file, text);
  return { file, school: loadSchoolConfig({ platform: process.platform, env: { [SCHOOL_CONFIG_ENV]: file }, appDir: null }) };
}

const admin = { fullName: 'Ирина Админова', username: 'irina', password: 'пароль-админа-1' };
const student = { fullName: 'Пётр Учеников', username: 'petr', password: 'пароль-ученика-1' };

/** The browser's own note on each refused call is expected: these tests do not make any. */
const unexpectedProblems = (app: RunningApp) => app.problems.filter((problem) => !/Failed to load resource: the server responded/.test(problem));

describe('school-wide configuration', () => {
  it('hides self-registration, and shows locked settings disabled with «Настройку задаёт школа»', async () => {
    const { file, school } = schoolFile(
      'teacher-ai.school.json',
      JSON.stringify({ version: 1, allowSelfRegistration: false, locked: ['language', 'theme', 'ai'], language: 'ru', theme: 'dark', ai: { provider: 'offline' } }),
    );
    expect(school.problems).toEqual([]);
    const running = await apps.open({ school });
    const { page } = running;

    // A new computer: the first account is still created here, and must be its administrator.
    await page.getByTestId('signin-screen').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Создайте первую учётную запись');
    const adminBox = page.getByTestId('register-become-admin');
    expect(await adminBox.isChecked()).toBe(true);
    expect(await adminBox.isDisabled()).toBe(true);
    expect(await page.getByTestId('signin-screen').textContent()).toContain('Школа отключила самостоятельную регистрацию');
    expect(await page.getByTestId('language-en').isDisabled()).toBe(true);
    await registerAccount(page, admin);
    expect(await page.getByTestId('nav-admin').count()).toBe(1);
    // The school's theme, whatever the account would choose.
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');

    // Settings: the locked controls are there, disabled, and say who decides.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('school-locked-language').waitFor();
    expect(await page.getByTestId('school-locked-language').textContent()).toContain('Настройку задаёт школа');
    expect(await page.getByTestId('school-locked-theme').textContent()).toContain('Настройку задаёт школа');
    for (const id of ['language-ru', 'language-en', 'theme-light', 'theme-dark', 'theme-system']) {
      expect(await page.getByTestId(id).isDisabled(), id).toBe(true);
    }
    expect(await page.getByTestId('theme-dark').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('school-locked-ai').waitFor();
    expect(await page.getByTestId('ai-effective').getAttribute('data-source')).toBe('school');
    // The computer's own teacher cannot be set either: the school named one and locked it.
    expect(await page.getByTestId('ai-computer').count()).toBe(0);
    // Speech and the daily goal are not the school's: still the student's.
    expect(await page.getByTestId('tts-speed').isDisabled()).toBe(false);
    // The admin sees which file is in effect, and no problems.
    expect(await page.getByTestId('school-config-status').textContent()).toContain(file);
    expect(await page.getByTestId('school-config-problems').count()).toBe(0);
    await running.screenshot('school-settings-locked');

    // Only the admin creates accounts now.
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-create-fullname').fill(student.fullName);
    await page.getByTestId('admin-create-username').fill(student.username);
    await page.getByTestId('admin-create-email').fill('petr@school.example');
    await page.getByTestId('admin-create-password').fill(student.password);
    await page.getByTestId('admin-create-submit').click();
    await page.getByTestId('admin-created').waitFor();

    await signOut(page);
    await expect.poll(() => page.getByTestId('account-tile').count()).toBe(2);
    expect(await page.getByTestId('show-register').count()).toBe(0);
    expect(await page.getByTestId('register-disabled').textContent()).toBe(
      'Учётные записи на этом компьютере создаёт администратор школы. Если у вас ещё нет своей — обратитесь к нему.',
    );
    expect(await page.getByTestId('language-en').isDisabled()).toBe(true);
    await running.screenshot('school-sign-in');

    // A student sees the same locks, and no configuration banner (that is for admins).
    await signInFromList(page, student.username, student.password);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('school-locked-theme').waitFor();
    expect(await page.getByTestId('language-en').isDisabled()).toBe(true);
    expect(await page.getByTestId('school-config-status').count()).toBe(0);
    expect(await page.getByTestId('school-locked-ai').count()).toBe(1);
    expect(unexpectedProblems(running)).toEqual([]);
  });

  it('an invalid file: the app starts with its defaults, and an admin sees what is wrong in Settings', async () => {
    const { file, school } = schoolFile('broken.school.json', JSON.stringify({ version: 1, allowSelfRegistration: 'no', locked: ['language'], colour: 'red' }));
    expect(school.config).toBeNull();
    const running = await apps.open({ school });
    const { page } = running;

    await registerAccount(page, { ...admin, becomeAdmin: true });
    await page.getByTestId('nav-settings').click();
    const banner = page.getByTestId('school-config-problems');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(file);
    expect(await banner.textContent()).toContain('Файл не применён');
    expect(await page.getByTestId('school-config-problem').evaluateAll((items) => items.map((item) => item.getAttribute('data-field')))).toEqual([
      'allowSelfRegistration',
      'colour',
    ]);
    // Nothing of the broken file applies: the language is the student's to change.
    expect(await page.getByTestId('language-en').isDisabled()).toBe(false);
    expect(await page.getByTestId('school-locked-language').count()).toBe(0);
    await running.screenshot('school-config-problems');

    await signOut(page);
    await page.getByTestId('show-register').waitFor();
    expect(unexpectedProblems(running)).toEqual([]);
  });
});
