import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { ATTACHMENT_MAX_BYTES } from '../../src/shared/homework';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps, type RunningApp } from './browser-app';
import { openFirstLesson } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const firstLesson = maths.lessons[0]!;
const homework = firstLesson.homework!;

const student = { fullName: 'Маша Белова', username: 'masha', password: 'пароль-для-домашки' };

const WRONG_TYPE = 'Можно прикрепить PDF, фото (PNG, JPEG) или текстовый файл';

const apps = setUpBrowserApps();

/** From the catalogue: the maths course, then its first lesson with its homework (without starting the course). */
async function openLessonOne(page: Page): Promise<void> {
  await openFirstLesson(page, maths);
  await page.getByTestId('homework').waitFor();
}

/** Every contract call the page makes from now on, by method name. */
function recordCalls(page: Page): string[] {
  const methods: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/invoke')) return;
    const method = /"method":"([^"]+)"/.exec(request.postData() ?? '')?.[1];
    if (method) methods.push(method);
  });
  return methods;
}

/** A refused call answers 400, which Chromium reports on the console: that one is expected. */
const unexpectedProblems = (app: RunningApp) => app.problems.filter((problem) => !/status of 400 \(Bad Request\)/.test(problem));

const fieldError = (page: Page, field: string) => page.locator(`[data-testid="homework-error"][data-field="${field}"]`);

describe('homework', () => {
  it('is handed in with a file, then opens the model answer for self-checking, and stays handed in', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    const calls = recordCalls(page);
    await openLessonOne(page);
    const section = page.getByTestId('homework');

    // Before the answer: the task and its criteria, the form, and no model answer anywhere.
    expect(await section.getByTestId('homework-criterion').count()).toBe(homework.criteria.length);
    expect(await page.getByTestId('homework-model-answer').count()).toBe(0);
    expect(await page.getByTestId('homework-compare').count()).toBe(0);
    expect(await page.getByTestId('homework-submitted').count()).toBe(0);
    expect(await page.getByText('Образец ответа').count()).toBe(0);

    // An empty answer is not sent: the sentence says why, and the text field takes the focus.
    await page.getByTestId('homework-text').fill('   ');
    await page.getByTestId('homework-submit').click();
    await expect.poll(() => fieldError(page, 'text').textContent()).toContain('Напишите ответ');
    expect(await page.getByTestId('homework-text').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('homework-text').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(calls).not.toContain('homework.submit');

    // The answer, on several lines, and a small text file.
    const answer = '1) 480 : 12 · 5 = 200 учебников\n2) 480 : 4 = 120 книг\n3) 480 − 200 − 120 = 160 книг\n\n**Ответ:** 200, 120, 160';
    await page.getByTestId('homework-text').fill(answer);
    expect(await fieldError(page, 'text').count()).toBe(0);
    await page.getByTestId('homework-file').setInputFiles({
      name: 'решение.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Решение по действиям: 200, 120 и 160 книг.\n', 'utf8'),
    });
    await expect.poll(() => page.getByTestId('homework-chosen-file').textContent()).toContain('решение.txt');
    await running.screenshot('homework-form');

    const submitted = answerOf(page, 'homework.submit');
    await page.getByTestId('homework-submit').click();
    const sent = JSON.parse((await submitted).request().postData() ?? '{}') as {
      input: { text: string; attachment?: { name: string; mimeType: string; dataBase64: string } };
    };
    expect(sent.input.text).toBe(answer);
    expect(sent.input.attachment).toMatchObject({ name: 'решение.txt', mimeType: 'text/plain' });
    expect(Buffer.from(sent.input.attachment!.dataBase64, 'base64').toString('utf8')).toContain('200, 120 и 160');

    // «Домашнее задание сдано <дата>», the text as written (not Markdown, line breaks kept) and the file's name.
    const done = page.getByTestId('homework-submitted');
    await expect.poll(() => done.textContent()).toContain('Домашнее задание сдано');
    expect(await done.textContent()).toMatch(/сдано \d{1,2} [а-я]+ \d{4}/);
    expect(await page.getByTestId('homework-submitted-text').innerText()).toBe(answer);
    expect(await page.getByTestId('homework-submitted-text').locator('strong').count()).toBe(0);
    expect(await page.getByTestId('homework-attachment').textContent()).toContain('решение.txt');
    expect(await page.getByTestId('homework-form').count()).toBe(0);

    // The model answer is there now, behind «Сравнить с образцом», next to the criteria as a checklist.
    const model = page.getByTestId('homework-model-answer');
    expect(await model.isVisible()).toBe(false);
    await page.getByTestId('homework-compare').click();
    await expect.poll(() => model.isVisible()).toBe(true);
    expect(await model.textContent()).toContain('160');
    expect(await model.locator('.katex').count()).toBeGreaterThan(0);
    const criteria = section.getByTestId('homework-criterion');
    expect(await criteria.count()).toBe(homework.criteria.length);
    await criteria.first().locator('input[type="checkbox"]').check();
    expect(await criteria.first().getAttribute('data-checked')).toBe('true');
    expect(await page.getByTestId('homework-checked').textContent()).toContain(`Отмечено 1 из ${homework.criteria.length}`);
    await running.screenshot('homework-self-check');
    expect(calls.filter((method) => method === 'homework.submit')).toHaveLength(1);

    // After a reload the homework is still handed in, with its file; the ticks were only on screen.
    await page.reload();
    await expect.poll(() => page.getByTestId('homework-submitted').textContent()).toContain('Домашнее задание сдано');
    expect(await page.getByTestId('homework-submitted-text').innerText()).toBe(answer);
    expect(await page.getByTestId('homework-attachment').textContent()).toContain('решение.txt');
    await page.getByTestId('homework-compare').click();
    await expect.poll(() => page.getByTestId('homework-model-answer').isVisible()).toBe(true);
    expect(await section.getByTestId('homework-criterion').first().getAttribute('data-checked')).toBe('false');

    // «Изменить ответ»: the text comes back to edit, the earlier file is mentioned; the new answer replaces it.
    await page.getByTestId('homework-edit').click();
    expect(await page.getByTestId('homework-text').inputValue()).toBe(answer);
    expect(await page.getByTestId('homework-previous-file').textContent()).toContain('решение.txt');
    expect(await page.getByTestId('homework-model-answer').count()).toBe(0);
    await page.getByTestId('homework-text').fill('200, 120 и 160 книг');
    const resubmitted = answerOf(page, 'homework.submit');
    await page.getByTestId('homework-submit').click();
    await resubmitted;
    await expect.poll(() => page.getByTestId('homework-submitted-text').innerText()).toBe('200, 120 и 160 книг');
    expect(await page.getByTestId('homework-attachment').count()).toBe(0);
    expect(running.problems).toEqual([]);
  });

  it('refuses a file of another type, a file too large, and a file that is not what it claims to be', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    const calls = recordCalls(page);
    await openLessonOne(page);
    await page.getByTestId('homework-text').fill('200, 120 и 160 книг');

    // Checked on the screen before anything is read or sent.
    await page.getByTestId('homework-file').setInputFiles({ name: 'решение.docx', mimeType: 'application/msword', buffer: Buffer.from('doc') });
    await expect.poll(() => fieldError(page, 'attachment').textContent()).toContain(WRONG_TYPE);
    expect(await page.getByTestId('homework-chosen-file').count()).toBe(0);
    await page
      .getByTestId('homework-file')
      .setInputFiles({ name: 'скан.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0xff) });
    await expect.poll(() => fieldError(page, 'attachment').textContent()).toMatch(/Файл больше 700\sКБ/);
    expect(await page.getByTestId('homework-chosen-file').count()).toBe(0);
    expect(calls).not.toContain('homework.submit');

    // Text named a PDF: the screen cannot tell, the core can, and the student gets the sentence.
    await page.getByTestId('homework-file').setInputFiles({
      name: 'решение.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Это обычный текст, а не PDF', 'utf8'),
    });
    await expect.poll(() => page.getByTestId('homework-chosen-file').textContent()).toContain('решение.pdf');
    expect(await fieldError(page, 'attachment').count()).toBe(0);
    const refused = answerOf(page, 'homework.submit');
    await page.getByTestId('homework-submit').click();
    const body = (await (await refused).json()) as { ok: boolean; error?: { code: string; issues?: { path: string; message: string }[] } };
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'attachment', message: 'attachment_wrong_type' }] } });
    await expect.poll(() => fieldError(page, 'attachment').textContent()).toContain(WRONG_TYPE);
    expect(await fieldError(page, 'attachment').textContent()).toContain('решение.pdf');
    expect(await page.getByTestId('homework-submitted').count()).toBe(0);
    expect(await page.getByTestId('homework-model-answer').count()).toBe(0);
    await running.screenshot('homework-refused');

    // Nothing was kept: after a reload the homework is still open.
    await page.reload();
    await page.getByTestId('homework-form').waitFor();
    expect(await page.getByTestId('homework-submitted').count()).toBe(0);
    expect(unexpectedProblems(running)).toEqual([]);
  });
});
