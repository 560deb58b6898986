import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES } from '../../src/shared/accounts';
import { listPackFiles, readPackFile } from '../../src/core/content/load-packs';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, registerAccount, setUpBrowserApps, signInFromList, signOut, type RunningApp } from './browser-app';
import { enrolAndComeBack } from './lesson-steps';

const packs = listPackFiles(CONTENT_DIR).map((file) => readPackFile(file).pack);

const apps = setUpBrowserApps();

const anna = { fullName: 'Анна Петрова', username: 'anna', password: 'секретный-пароль-1' };
const boris = { fullName: 'Борис Смирнов', username: 'boris', password: 'boris-password-2' };

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const CYRILLIC = /[А-Яа-яЁё]/;

/** The visible text of the page with the given data (names, course titles) taken out. */
async function textWithout(page: Page, data: readonly string[]): Promise<string> {
  let text = await page.locator('body').innerText();
  for (const item of [...data].sort((a, b) => b.length - a.length)) text = text.split(item).join(' ');
  return text;
}

async function openCourse(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-courses').click();
  await page.getByTestId('course-card').filter({ hasText: title }).first().getByRole('link').click();
  await expect.poll(() => page.getByTestId('course-title').textContent()).toBe(title);
}

/**
 * Console errors and page errors, apart from the browser's own note on each refused call (these tests
 * refuse passwords on purpose, and the seam answers them with 4xx statuses).
 */
const unexpectedProblems = (app: RunningApp) => app.problems.filter((problem) => !/Failed to load resource: the server responded/.test(problem));

const fieldError = (page: Page, field: string) => page.locator(`[data-testid="field-error"][data-field="${field}"]`);

describe('accounts on a shared computer', () => {
  it('registers the first account, signs out and in from the list, and backs off after wrong passwords', async () => {
    const running = await apps.open();
    const { page } = running;

    await page.getByTestId('signin-screen').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Создайте первую учётную запись');
    expect(await page.getByTestId('register-become-admin').isChecked()).toBe(true);
    await running.screenshot('first-account');

    // Field issues read as sentences next to the field.
    await page.getByTestId('register-fullname').fill(anna.fullName);
    await page.getByTestId('register-username').fill('a b');
    await page.getByTestId('register-email').fill('anna-at-example');
    await page.getByTestId('register-password').fill('short');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => fieldError(page, 'password').textContent()).toContain('Пароль должен быть не короче 8 символов');
    expect(await fieldError(page, 'username').count()).toBe(1);
    expect(await fieldError(page, 'email').count()).toBe(1);
    await page.getByTestId('register-password').fill('я'.repeat(37));
    await page.getByTestId('register-submit').click();
    await expect
      .poll(() => fieldError(page, 'password').textContent())
      .toBe('Пароль слишком длинный: не больше 72 байт (примерно 36 русских букв)');

    await registerAccount(page, { ...anna, becomeAdmin: true });
    await expect.poll(() => page.getByTestId('student-name').textContent()).toBe(anna.fullName);
    expect(await page.getByTestId('nav-admin').count()).toBe(1);

    await signOut(page);
    await expect.poll(() => page.getByTestId('account-tile').count()).toBe(1);
    expect(await page.getByTestId('account-tile').getAttribute('data-username')).toBe(anna.username);
    expect(await page.getByTestId('signin-notice').textContent()).toContain('Вы вышли');
    await running.screenshot('sign-in-screen');

    // A wrong password says so plainly.
    await page.getByTestId('account-tile').click();
    const submit = page.getByTestId('signin-submit');
    const tryPassword = async (password: string) => {
      await page.getByTestId('signin-password').fill(password);
      const answered = answerOf(page, 'accounts.signIn');
      await submit.click();
      await answered;
    };
    await tryPassword('неверный-пароль');
    await expect.poll(() => page.getByTestId('signin-error').getAttribute('data-error-code')).toBe('unauthenticated');
    expect(await page.getByTestId('signin-error').textContent()).toBe('Неверное имя пользователя или пароль');

    // Five more: the account now waits, and the screen counts the seconds down with the button disabled.
    for (let attempt = 0; attempt < 5; attempt += 1) await tryPassword(`неверный-${attempt}`);
    await expect.poll(() => page.getByTestId('signin-error').getAttribute('data-error-code')).toBe('rate_limited');
    expect(await page.getByTestId('signin-error').textContent()).toMatch(
      /^Слишком много неудачных попыток\. Попробуйте снова через \d+ сек\.$/,
    );
    expect(await submit.isDisabled()).toBe(true);
    await running.screenshot('sign-in-rate-limited');
    await expect.poll(() => submit.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('signin-error').textContent()).toBe('Можно попробовать снова.');

    // The right password still works once the wait is over.
    await page.getByTestId('signin-password').fill(anna.password);
    await submit.click();
    await expect.poll(() => page.getByTestId('student-name').textContent()).toBe(anna.fullName);

    // Another window of the same app signs out: this one follows (session.changed).
    const other = await page.context().newPage();
    await other.goto(running.app.url);
    await signOut(other);
    await page.getByTestId('signin-screen').waitFor();
    await other.close();
    expect(unexpectedProblems(running)).toEqual([]);
    // Three registrations' and a dozen sign-ins' bcrypt work: over a minute when the machine is busy.
  }, 150_000);

  it('keeps two students on one computer apart: each sees only their own enrolment and progress', async () => {
    const running = await apps.open();
    const { page, app } = running;
    const [first, second] = packs;
    if (!first || !second) throw new Error('The e2e tests need two content packs');

    await registerAccount(page, { ...anna, becomeAdmin: true });
    await openCourse(page, first.course.title);
    await enrolAndComeBack(page);
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`0 из ${first.lessons.length}`);
    const courseId = new URL(page.url()).hash.split('/').pop();
    const course = await app.core.invoke('courses.get', { courseId });
    if (!course.ok) throw new Error('courses.get failed');
    const lesson = (course.value as { lessons: { id: string }[] }).lessons[0]!;
    await app.core.invoke('progress.completeLesson', { lessonId: lesson.id, score: 80, timeSpentMinutes: 10 });
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`1 из ${first.lessons.length}`);

    await signOut(page);
    // The username is taken: the field says so.
    await page.getByTestId('show-register').click();
    await page.getByTestId('register-fullname').fill(boris.fullName);
    await page.getByTestId('register-username').fill(anna.username);
    await page.getByTestId('register-email').fill('boris@example.com');
    await page.getByTestId('register-password').fill(boris.password);
    await page.getByTestId('register-submit').click();
    await expect.poll(() => fieldError(page, 'username').textContent()).toBe('Этот адрес почты или имя пользователя уже заняты');
    expect(await page.getByTestId('register-become-admin').count()).toBe(0);
    await registerAccount(page, boris);

    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await page.getByTestId('nav-teacher').count()).toBe(0);
    await page.getByTestId('nav-courses').click();
    await expect.poll(() => page.getByTestId('course-card').count()).toBe(packs.length);
    // Nothing of Anna's: no course of Boris's shows progress yet.
    expect(await page.locator('[data-testid="course-card"] [role="progressbar"]').count()).toBe(0);
    await openCourse(page, second.course.title);
    await enrolAndComeBack(page);
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`0 из ${second.lessons.length}`);
    await openCourse(page, first.course.title);
    expect(await page.getByTestId('enrol-button').count()).toBe(1);
    expect(await page.locator('[data-testid="lesson-item"][data-status="completed"]').count()).toBe(0);
    // An admin page is not Boris's to open, even by its address.
    await page.evaluate("window.location.hash = '#/admin'");
    await page.getByTestId('forbidden-page').waitFor();

    await signOut(page);
    await signInFromList(page, anna.username, anna.password);
    await openCourse(page, first.course.title);
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toContain(`1 из ${first.lessons.length}`);
    await openCourse(page, second.course.title);
    expect(await page.getByTestId('enrol-button').count()).toBe(1);

    // Anna administers this computer, so she also sees the students' progress, read-only.
    await page.getByTestId('nav-teacher').click();
    const borisRow = page.locator(`[data-testid="student-row"][data-username="${boris.username}"]`);
    await expect.poll(() => borisRow.count()).toBe(1);
    expect(await borisRow.textContent()).toContain(second.course.title);
    expect(await borisRow.textContent()).not.toContain(first.course.title);
    await running.screenshot('teacher-students');
    expect(unexpectedProblems(running)).toEqual([]);
  });

  it('switches to English in Settings: the whole UI follows, and the language and theme follow the student', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, { ...anna, becomeAdmin: true });
    // Data, not interface: her name and its initials, course titles, and Russian's own name in the language switch.
    const data = [anna.fullName, 'АП', ...packs.map((pack) => pack.course.title), 'Русский'];

    await page.getByTestId('nav-settings').click();
    await running.screenshot('settings');
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.locator('nav').first().textContent()).toContain('Courses');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    for (const section of ['settings', 'profile', 'admin', 'teacher', 'courses']) {
      await page.getByTestId(`nav-${section}`).click();
      await page.locator('h1').waitFor();
      await expect.poll(() => page.getByTestId('loading-state').count()).toBe(0);
      const text = await textWithout(page, data);
      expect(text, `the ${section} screen`).not.toMatch(CYRILLIC);
    }
    await page.getByTestId('nav-settings').click();
    // Headless Chromium has no voices: it says so instead of an empty list.
    expect(await page.getByTestId('tts-no-voices').textContent()).toContain('This computer has no voices for reading aloud');
    expect(await page.getByTestId('tts-voice').count()).toBe(0);

    // The theme: an attribute on <html>, and the colours of that theme whatever the computer prefers.
    // A string runs in the page: the tests' TypeScript has no DOM types.
    const background = () => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.locator('html').getAttribute('data-theme')).toBe('system');
    const light = await background();
    await page.getByTestId('theme-dark').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.getByTestId('theme-light').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(light);
    await page.getByTestId('theme-system').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('system');
    expect(await background()).toBe(dark);
    await page.getByTestId('theme-dark').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await running.screenshot('settings-english-dark');

    // Speed and daily goal are saved in the account too.
    await page.getByTestId('tts-speed').fill('1.5');
    await page.getByTestId('daily-goal').fill('3');
    expect(await fieldError(page, 'dailyGoalMinutes').count()).toBe(1);
    await page.getByTestId('daily-goal').fill('45');
    expect(await fieldError(page, 'dailyGoalMinutes').count()).toBe(0);
    const preferences = async () => {
      const result = await running.app.core.invoke('preferences.get', undefined);
      if (!result.ok) throw new Error('preferences.get failed');
      return result.value as { ttsSpeed: number; otherSettings: { dailyGoalMinutes: number } };
    };
    await expect.poll(async () => (await preferences()).ttsSpeed).toBe(1.5);
    await expect.poll(async () => (await preferences()).otherSettings.dailyGoalMinutes).toBe(45);

    // Signed out, the screen keeps the language last used on this computer, and has its own switch.
    await signOut(page);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('system');
    await expect.poll(() => page.getByTestId('signin-screen').textContent()).toContain('Who is studying?');
    await page.getByTestId('language-ru').click();
    await expect.poll(() => page.getByTestId('signin-screen').textContent()).toContain('Кто будет заниматься?');

    // Anna signs in: her English and her dark theme come back with her.
    await signInFromList(page, anna.username, anna.password);
    await expect.poll(() => page.locator('nav').first().textContent()).toContain('Courses');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByTestId('nav-settings').click();
    expect(await page.getByTestId('tts-speed').inputValue()).toBe('1.5');
    expect(await page.getByTestId('daily-goal').inputValue()).toBe('45');

    // Boris registers from the Russian sign-in screen: his app is Russian and light.
    await signOut(page);
    await page.getByTestId('language-ru').click();
    await registerAccount(page, boris);
    await expect.poll(() => page.locator('nav').first().textContent()).toContain('Курсы');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('system');
    expect(unexpectedProblems(running)).toEqual([]);
  });

  it('edits the profile: name, picture (checked before sending), password, data export, and deletion', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, { ...anna, becomeAdmin: true });
    await page.getByTestId('nav-profile').click();

    await page.getByTestId('profile-fullname').fill('Анна Сергеевна Петрова');
    await page.getByTestId('profile-save').click();
    await expect.poll(() => page.getByTestId('student-name').textContent()).toBe('Анна Сергеевна Петрова');
    await page.getByTestId('profile-fullname').fill('   ');
    await page.getByTestId('profile-save').click();
    await expect.poll(() => fieldError(page, 'fullName').textContent()).toBe('Введите имя');

    // Pictures are checked here first: type, then size.
    const avatarInput = page.getByTestId('avatar-input');
    expect(await avatarInput.getAttribute('accept')).toBe('image/png,image/jpeg,image/webp,image/gif');
    await avatarInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => fieldError(page, 'avatar').textContent()).toContain('PNG, JPEG, WebP или GIF');
    await avatarInput.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(AVATAR_MAX_BYTES + 1) });
    await expect.poll(() => fieldError(page, 'avatar').textContent()).toContain('слишком большая');
    // A file that only claims to be a PNG is refused by the core, with the same kind of sentence.
    await avatarInput.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
    await expect.poll(() => fieldError(page, 'avatar').textContent()).toContain('PNG, JPEG, WebP или GIF');
    await avatarInput.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('avatar-image').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => page.getByTestId('header-avatar').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await fieldError(page, 'avatar').count()).toBe(0);
    await running.screenshot('profile');

    // Password: the current one must be right, the new one must fit the rules.
    await page.getByTestId('current-password').fill('не-тот-пароль');
    await page.getByTestId('new-password').fill('новый-пароль-42');
    await page.getByTestId('change-password').click();
    await expect.poll(() => fieldError(page, 'currentPassword').textContent()).toBe('Неверный пароль');
    await page.getByTestId('current-password').fill(anna.password);
    await page.getByTestId('change-password').click();
    await page.getByTestId('password-changed').waitFor();

    // «Скачать мои данные»: a JSON file named after the student and the day.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-data').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^teacher-ai-anna-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync(await file.path(), 'utf8')) as { profile: { username: string; fullName: string } };
    expect(exported.profile).toMatchObject({ username: 'anna', fullName: 'Анна Сергеевна Петрова' });
    expect(JSON.stringify(exported)).not.toContain('passwordHash');

    // The picture shows on the sign-in list; the new password is the one that works.
    await signOut(page);
    await expect.poll(() => page.locator('[data-testid="account-tile"] img').count()).toBe(1);
    await signInFromList(page, anna.username, 'новый-пароль-42');

    // Deleting asks for the password, then everything goes and the computer is new again.
    await page.getByTestId('nav-profile').click();
    await page.getByTestId('delete-account').click();
    await expect.poll(() => page.getByTestId('delete-dialog').textContent()).toContain('Будет удалено всё ваше');
    await running.screenshot('delete-dialog');
    await page.getByTestId('delete-confirm-password').fill(anna.password);
    await page.getByTestId('delete-confirm').click();
    await expect.poll(() => fieldError(page, 'password').textContent()).toBe('Неверный пароль');
    await page.getByTestId('delete-confirm-password').fill('новый-пароль-42');
    await page.getByTestId('delete-confirm').click();
    await page.getByTestId('signin-screen').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Создайте первую учётную запись');
    expect(unexpectedProblems(running)).toEqual([]);
  });

  it('lets an admin create accounts, reset a password and hide the account list', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, { ...anna, becomeAdmin: true });
    await page.getByTestId('nav-admin').click();

    await page.getByTestId('admin-create-fullname').fill('Ольга Викторовна');
    await page.getByTestId('admin-create-username').fill('olga');
    await page.getByTestId('admin-create-email').fill('olga@school.example');
    await page.getByTestId('admin-create-password').fill('первый-пароль');
    await page.getByTestId('admin-create-role').selectOption('teacher');
    await page.getByTestId('admin-create-submit').click();
    await page.getByTestId('admin-created').waitFor();
    const olgaRow = page.locator('[data-testid="account-row"][data-username="olga"]');
    await expect.poll(() => olgaRow.textContent()).toContain('Учитель');

    await olgaRow.getByTestId('admin-reset-password').click();
    await olgaRow.getByTestId('admin-reset-password-input').fill('123');
    await olgaRow.getByTestId('admin-reset-password-submit').click();
    await expect.poll(() => fieldError(page, 'newPassword').textContent()).toBe('Пароль должен быть не короче 8 символов');
    await olgaRow.getByTestId('admin-reset-password-input').fill('сброшенный-пароль');
    await olgaRow.getByTestId('admin-reset-password-submit').click();
    await olgaRow.getByTestId('admin-reset-done').waitFor();

    await page.getByTestId('hide-list-toggle').check();
    await expect.poll(() => page.getByTestId('hide-list-toggle').isChecked()).toBe(true);

    // Which servers may bring teachers and admins here: the admin trusts one, then no longer.
    await page.getByTestId('trusted-server-url').fill('не адрес');
    await page.getByTestId('trusted-server-add').click();
    await expect.poll(() => fieldError(page, 'serverUrl').textContent()).toBe('Введите адрес сервера целиком, начиная с http:// или https://');
    await page.getByTestId('trusted-server-url').fill('https://Sync.School.example/');
    await page.getByTestId('trusted-server-add').click();
    await expect.poll(() => page.getByTestId('trusted-server').allTextContents()).toEqual([expect.stringContaining('https://sync.school.example')]);
    await running.screenshot('admin');
    await page.getByTestId('trusted-server').getByRole('button').click();
    await expect.poll(() => page.getByTestId('trusted-server').count()).toBe(0);

    // With the list hidden, signing in takes a typed login.
    await signOut(page);
    await page.getByTestId('signin-login').waitFor();
    expect(await page.getByTestId('account-tile').count()).toBe(0);
    await page.getByTestId('signin-login').fill('olga@school.example');
    await page.getByTestId('signin-password').fill('первый-пароль');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('signin-error').getAttribute('data-error-code')).toBe('unauthenticated');
    await page.getByTestId('signin-password').fill('сброшенный-пароль');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('student-name').textContent()).toBe('Ольга Викторовна');

    // A teacher sees «Ученики» (nobody studies here yet) but not «Управление».
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.getByTestId('nav-teacher').click();
    await page.getByTestId('empty-state').waitFor();
    expect(unexpectedProblems(running)).toEqual([]);
  });
});
