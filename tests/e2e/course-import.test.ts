import { afterEach, describe, expect, it } from 'vitest';
import { lessonIdFor } from '../../src/core/content/content-ids';
import { listPackFiles, readPackFile } from '../../src/core/content/load-packs';
import { PACK_MAX_CHARS } from '../../src/shared/contract/content';
import { makePack } from '../support/fixtures';
import { TEST_PASSWORD } from '../support/test-core';
import { CONTENT_DIR } from '../support/test-databases';
import { registerAccount, setUpBrowserApps, signInFromList, signOut } from './browser-app';
import { chooseFile, packFiles } from './import-steps';

/*
 * The import screen (issue 21, hole 5): a file is previewed — what changes, whose progress — and only
 * a confirmation installs it; lessons that leave are retired, never deleted; a refused file gets one
 * short sentence in the user's language.
 */

const admin = { fullName: 'Ольга Петровна', username: 'olga', password: 'пароль-администратора', becomeAdmin: true };
const files = packFiles();
afterEach(() => files.cleanUp());
const apps = setUpBrowserApps();

describe('adding a course from a file', () => {
  it('shows what the file changes and whose progress it touches, installs it only when confirmed, and retires the lessons that leave', async () => {
    const running = await apps.open();
    const { page, app } = running;
    await registerAccount(page, admin);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('imported-courses').waitFor();
    expect(await page.getByTestId('imported-courses').textContent()).toContain('Из файлов на этом компьютере пока ничего не добавлено.');

    const pack = makePack('e2e-geometry', 3, { title: 'Геометрия из файла', subject: 'geometry', grade: 7 });
    const v1 = files.write('geometry.json', JSON.stringify(pack));
    await chooseFile(page, v1);
    const preview = page.getByTestId('import-preview');
    expect(await preview.getAttribute('data-action')).toBe('add');
    expect(await page.getByTestId('import-preview-action').textContent()).toBe('Новый курс: на этом компьютере его ещё нет.');
    expect(await page.getByTestId('import-preview-lesson').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-change')))).toEqual(['new', 'new', 'new']);
    expect(await page.getByTestId('import-preview-students').textContent()).toBe('На курс пока никто не записан.');
    await running.screenshot('import-preview-new');

    // «Отмена»: nothing was written.
    await page.getByTestId('import-cancel').click();
    expect(await preview.count()).toBe(0);
    await page.getByTestId('nav-courses').click();
    await page.getByTestId('course-card').first().waitFor();
    expect(await page.getByTestId('course-card').allTextContents()).not.toContainEqual(expect.stringContaining('Геометрия из файла'));

    await page.getByTestId('nav-import').click();
    await chooseFile(page, v1);
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('import-pack-result').textContent()).toBe('Курс «Геометрия из файла» добавлен (3 урока)');
    await expect.poll(() => page.getByTestId('imported-course').count()).toBe(1);

    // The admin studies lesson 2; the next version drops it.
    const lesson2 = lessonIdFor('e2e-geometry', 'lesson-2');
    expect(await app.core.invoke('progress.completeLesson', { lessonId: lesson2, score: 80, timeSpentMinutes: 6 })).toMatchObject({ ok: true });
    const v2 = { ...pack, version: 2, lessons: [pack.lessons[0]!, { ...pack.lessons[2]!, number: 2 }] };
    await chooseFile(page, files.write('geometry-v2.json', JSON.stringify(v2)));
    expect(await preview.getAttribute('data-action')).toBe('update');
    expect(await page.getByTestId('import-preview-lesson').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-change')))).toEqual(['unchanged', 'changed']);
    const retiring = page.getByTestId('import-preview-retiring');
    expect(await retiring.allTextContents()).toEqual(['Урок 2. Урок 2 — проходил 1 ученик']);
    expect(await page.getByTestId('import-preview-students').textContent()).toBe(
      'На курс записан 1 ученик. 1 ученик проходил убираемые уроки: его результаты сохранятся.',
    );
    await running.screenshot('import-preview-update');
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('import-pack-result').textContent()).toBe('Курс «Геометрия из файла» обновлён');

    // The lesson left the course but not the student's record.
    await page.getByTestId('nav-courses').click();
    await page.locator('[data-testid="course-card"]', { hasText: 'Геометрия из файла' }).getByRole('link').click();
    const rows = page.getByTestId('lesson-item');
    await expect.poll(() => rows.count()).toBe(3);
    const left = page.locator(`[data-testid="lesson-item"][data-lesson-id="${lesson2}"]`);
    expect(await left.getAttribute('data-retired')).toBe('true');
    expect(await left.textContent()).toContain('Убран из курса');

    // Withdrawn: out of the catalogue for others; the admin (enrolled) keeps it.
    await page.getByTestId('nav-import').click();
    await page.getByTestId('imported-withdraw').click();
    await page.getByTestId('withdraw-confirm').click();
    await expect.poll(() => page.getByTestId('imported-course').getAttribute('data-retired')).toBe('true');
    expect(await page.getByTestId('imported-course').textContent()).toContain('снят с каталога');
    expect(running.problems).toEqual([]);
  });

  it('refuses a file in one short Russian sentence — never the validator’s English', async () => {
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, admin);
    await page.getByTestId('nav-import').click();
    const error = page.getByTestId('import-pack-error');
    const pack = makePack('e2e-broken', 3);

    await chooseFile(page, files.write('wrong.json', JSON.stringify({ ...pack, format: 'something-else' })));
    await expect.poll(() => error.textContent()).toBe('Файл «wrong.json» не подходит: это не курс Teacher AI.');
    expect(await error.getAttribute('data-reason')).toBe('notAPack');

    // The review's file: a valid format with many mistakes used to give 14 lines of zod's English.
    const broken = { ...pack, course: { ...pack.course, title: '', subject: 'astrology' } };
    broken.lessons = broken.lessons.map((lesson, i) => (i === 0 ? lesson : { ...lesson, title: '', objectives: [] }));
    await chooseFile(page, files.write('broken.json', JSON.stringify(broken)));
    await expect.poll(() => error.getAttribute('data-reason')).toBe('invalid');
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/^В файле курса «broken\.json» \d+ ошибок?, первая: описание курса\. Исправьте их и выберите файл снова\.$/);
    expect(text).not.toMatch(/Invalid|expected|format|title/);
    await running.screenshot('import-pack-refused');

    await chooseFile(page, files.write('lesson.json', JSON.stringify({ ...pack, lessons: [pack.lessons[0]!, { ...pack.lessons[1]!, exercises: [{ id: 'x' }] }] })));
    await expect.poll(() => error.textContent()).toBe('В файле курса «lesson.json» 1 ошибка: урок 2, упражнение 1. Исправьте её и выберите файл снова.');

    await chooseFile(page, files.write('notjson.json', '{"format": "teacher-ai-pack/1",'));
    await expect.poll(() => error.textContent()).toBe('Файл «notjson.json» не подходит: это не файл курса (в нём не JSON).');

    // Over PACK_MAX_CHARS: refused on the page, never sent.
    let sent = 0;
    page.on('request', (request) => {
      if ((request.postData() ?? '').includes('"method":"content.')) sent++;
    });
    await page.getByTestId('import-pack-input').setInputFiles(files.write('huge.json', 'x'.repeat(PACK_MAX_CHARS + 1)));
    await expect.poll(() => error.getAttribute('data-reason')).toBe('tooLarge');
    expect(await error.textContent()).toBe('Файл «huge.json» слишком большой: в файле курса может быть не больше 900\u00a0000 символов.');
    expect(sent).toBe(0);
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    expect(await page.getByTestId('imported-course').count()).toBe(0);
    // The browser logs each refusal as a 400 response; nothing else may go wrong.
    expect(running.problems.filter((problem) => !/status of 400 \(Bad Request\)/.test(problem))).toEqual([]);
  });

  it('a teacher cannot cut a starter course down with a «version 999» file: the preview says who may, and offers no confirmation', async () => {
    const starter = readPackFile(listPackFiles(CONTENT_DIR)[0]!).pack;
    const running = await apps.open();
    const { page, app } = running;
    await registerAccount(page, admin);
    const teacher = { email: 'ivan@example.com', username: 'ivan', fullName: 'Иван Иванович', password: TEST_PASSWORD, role: 'teacher' as const };
    expect(await app.core.invoke('accounts.create', teacher)).toMatchObject({ ok: true });
    await signOut(page);
    await signInFromList(page, teacher.username, teacher.password);

    await page.getByTestId('nav-import').click();
    const attack = { ...starter, version: 999, lessons: [starter.lessons[0]!] };
    await chooseFile(page, files.write('attack.json', JSON.stringify(attack)));
    expect(await page.getByTestId('import-preview').getAttribute('data-action')).toBe('replace');
    expect(await page.getByTestId('import-preview-action').textContent()).toContain('Его опубликовал(а): стартовый набор курсов приложения.');
    expect(await page.getByTestId('import-preview-retiring').count()).toBe(starter.lessons.length - 1);
    expect(await page.getByTestId('import-preview-blocked').textContent()).toBe(
      'Этот курс опубликовал не вы. Заменить его может только администратор компьютера.',
    );
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await running.screenshot('import-preview-blocked');

    await page.getByTestId('nav-courses').click();
    const card = page.locator('[data-testid="course-card"]', { hasText: starter.course.title });
    await expect.poll(() => card.textContent()).toContain(`${starter.lessons.length} урок`);
    expect(running.problems).toEqual([]);
  });
});
