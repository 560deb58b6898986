import { createServer } from 'node:net';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps } from './browser-app';
import { openFirstLesson } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const firstLesson = maths.lessons[0]!;

const QUESTION = 'Как сравнить дроби с разными знаменателями?';
/** Long enough that a slow model is still writing when «Стоп» is pressed. */
const SLOW_REPLY =
  'Чтобы сравнить дроби с разными знаменателями, сначала приведи их к общему знаменателю. ' +
  'Потом сравни числители: больше та дробь, у которой числитель больше. Попробуй на примере три четвёртых и две третьих.';

let fake: FakeOpenAiServer | undefined;

const student = { fullName: 'Оля Смирнова', username: 'olya', password: 'пароль-для-чата' };

// After hooks run last registered first: the app closes before the server it may be talking to.
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const apps = setUpBrowserApps();

/** A port nobody listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const messages = (page: Page): Locator => page.getByTestId('chat-message');
const replies = (page: Page): Locator => page.locator('[data-testid="chat-message"][data-role="assistant"]');
const lastReply = (page: Page): Locator => replies(page).last();
const textOf = async (locator: Locator): Promise<string> => (await locator.getByTestId('chat-message-text').textContent()) ?? '';

/** Types a question into the box and sends it with Enter, as a student does. */
async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByTestId('chat-input');
  await expect.poll(() => box.isEnabled()).toBe(true);
  await box.fill(question);
  const sent = answerOf(page, 'chat.sendMessage');
  await box.press('Enter');
  await sent;
}

/** Waits until no reply is being written (the state under the conversation says how the last one ended). */
async function replyEnded(page: Page): Promise<string> {
  const state = page.getByTestId('chat-reply-state');
  await expect.poll(() => state.getAttribute('data-state'), { timeout: 30_000 }).not.toBe('writing');
  await expect.poll(() => page.locator('[data-testid="chat-message"][data-streaming="true"]').count()).toBe(0);
  return (await state.getAttribute('data-state')) ?? '';
}

describe('the chat with the teacher', () => {
  it('asks the offline teacher about a lesson, keeps the conversation over a reload, and finds it in the history', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;

    // The chat section before any conversation: its empty state.
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('chat-empty').waitFor();
    expect(await page.getByTestId('chat-empty').textContent()).toContain('Разговоров пока нет');

    // A lesson of «Математика 5»: «Спросить учителя» opens a conversation about it.
    await page.getByTestId('nav-courses').click();
    await openFirstLesson(page, maths);
    expect(await page.getByTestId('exercise-ask-teacher').count()).toBe(firstLesson.exercises.length);
    const started = answerOf(page, 'chat.startSession');
    await page.getByTestId('ask-teacher').click();
    const session = JSON.parse(await (await started).text()) as { ok: boolean; value: { id: string; sessionType: string; lessonId: string } };
    expect(session.value.sessionType).toBe('lesson');
    const sessionId = session.value.id;
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/chat/${sessionId}`);
    await page.getByTestId('chat-empty-conversation').waitFor();
    expect(await page.getByTestId('chat-example').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('chat-open-lesson').getAttribute('href')).toBe(`#/lessons/${session.value.lessonId}`);

    // The question, and the reply growing into the conversation.
    await ask(page, QUESTION);
    expect(await textOf(messages(page).first())).toBe(QUESTION);
    expect(await page.getByTestId('chat-input').inputValue()).toBe('');
    expect(await replyEnded(page)).toBe('complete');
    const reply = await textOf(lastReply(page));
    expect(reply.length).toBeGreaterThan(20);
    // The built-in teacher says who it is and points at a lesson of the course.
    expect(reply.toLowerCase()).toMatch(/офлайн/);
    expect(maths.lessons.some((lesson) => reply.includes(lesson.title))).toBe(true);
    // Model text never becomes markup that runs or loads anything.
    expect(await page.getByTestId('chat-messages').locator('script, iframe, img, object, embed, style').count()).toBe(0);
    // The list shows the conversation, marked as the open one and as a lesson one.
    const listed = page.locator(`[data-testid="chat-session"][data-session-id="${sessionId}"]`);
    await listed.waitFor();
    expect(await listed.getAttribute('aria-current')).toBe('page');
    expect(await listed.getAttribute('data-type')).toBe('lesson');
    // «Прочитать вслух» is there; without voices on this computer it says so instead of failing silently.
    const readButton = lastReply(page).getByTestId('chat-read-aloud');
    expect(await readButton.count()).toBe(1);
    if ((await readButton.getAttribute('data-available')) === 'false') {
      expect(await page.getByTestId('chat-no-voices').textContent()).toContain('На этом компьютере нет голосов для чтения вслух');
    }
    await running.screenshot('chat-lesson-reply');

    // A reload reopens the same conversation with both messages.
    await page.reload();
    await page.getByTestId('chat-conversation').waitFor();
    await expect.poll(() => messages(page).count()).toBe(2);
    expect(await page.getByTestId('chat-conversation').getAttribute('data-session-id')).toBe(sessionId);
    expect(await textOf(messages(page).first())).toBe(QUESTION);
    expect(await textOf(lastReply(page))).toBe(reply);
    expect(await page.locator(`[data-testid="chat-session"][data-session-id="${sessionId}"]`).count()).toBe(1);

    // The history search finds the question, highlights the words, and opens the message.
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('chat-pick').waitFor();
    await page.getByTestId('chat-search-input').fill('знаменателями');
    // The student's question is found; the teacher's reply (which says «знаменателями» too) may be as well.
    const hit = page.locator('[data-testid="chat-search-hit"][data-role="user"]');
    await hit.waitFor();
    expect(await hit.getAttribute('data-session-id')).toBe(sessionId);
    expect(await hit.locator('mark').allTextContents()).toEqual(['знаменателями']);
    // The core's markers became the highlight: none is left in the text.
    const snippet = (await hit.getByTestId('chat-hit-snippet').textContent()) ?? '';
    expect(snippet).toContain('Как сравнить дроби с разными знаменателями');
    expect(snippet).not.toMatch(/[«»]/);
    await running.screenshot('chat-search');
    const messageId = await hit.getAttribute('data-message-id');
    await hit.click();
    const found = page.locator(`[data-testid="chat-message"][data-message-id="${messageId}"]`);
    await expect.poll(() => found.getAttribute('data-highlighted')).toBe('true');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/chat/${sessionId}`);

    expect(running.problems).toEqual([]);
  });

  it('reviews a submitted homework with the offline teacher, and keeps the review', async () => {
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await openFirstLesson(page, maths);
    await page.getByTestId('homework').waitFor();
    // No review before there is an answer to review.
    expect(await page.getByTestId('homework-feedback').count()).toBe(0);
    await page.getByTestId('homework-text').fill('Ответ: 200 учебников, 120 книг и 160 книг.');
    await page.getByTestId('homework-submit').click();
    await page.getByTestId('homework-submitted').waitFor();

    await page.getByTestId('homework-feedback-request').click();
    const review = page.getByTestId('homework-feedback-review');
    await review.waitFor({ timeout: 60_000 });
    expect(await review.getAttribute('data-provider')).toBe('offline');
    expect(await page.getByTestId('homework-feedback-meta').textContent()).toMatch(/^офлайн-учитель, \d{1,2} [а-я]+ \d{4}/);
    const text = (await page.getByTestId('homework-feedback-text').textContent()) ?? '';
    expect(text.length).toBeGreaterThan(20);
    expect(await page.getByTestId('homework-feedback-error').count()).toBe(0);
    await running.screenshot('homework-feedback');

    await page.reload();
    await page.getByTestId('homework-feedback-review').waitFor();
    expect(await page.getByTestId('homework-feedback-text').textContent()).toBe(text);
    expect(running.problems).toEqual([]);
  });

  it('answers through an OpenAI-compatible server: streams, stops, retries, and falls back to the offline teacher', async () => {
    fake = await startFakeOpenAiServer({ reply: SLOW_REPLY, tokenDelayMs: 150 });
    const running = await apps.openAsStudent(student);
    const { page } = running;

    // Settings: point the teacher at the server, check it, pick the slow model from its list, save.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('ai-settings').waitFor();
    expect(await page.getByTestId('ai-effective').getAttribute('data-provider')).toBe('offline');
    // A student sees no setting for the whole computer.
    expect(await page.getByTestId('ai-computer').count()).toBe(0);
    const form = page.getByTestId('ai-form-user');
    await form.getByTestId('ai-provider-openai').check();
    await form.getByTestId('ai-base-url').fill(fake.baseUrl);
    await form.getByTestId('ai-check').click();
    const checked = form.getByTestId('ai-check-result');
    await expect.poll(() => checked.getAttribute('data-ok')).toBe('true');
    const models = await form.getByTestId('ai-model-list').locator('option').allTextContents();
    expect(models).toEqual(expect.arrayContaining(['normal', 'slow']));
    await form.getByTestId('ai-model-list').selectOption('slow');
    expect(await form.getByTestId('ai-model').inputValue()).toBe('slow');
    await running.screenshot('chat-settings-connected');
    await form.getByTestId('ai-save-user').click();
    await form.getByTestId('ai-saved-user').waitFor();
    await expect.poll(() => page.getByTestId('ai-effective').getAttribute('data-provider')).toBe('openai');
    expect(await page.getByTestId('ai-effective').getAttribute('data-source')).toBe('user');

    // A new written conversation: the reply comes token by token; «Стоп» keeps what arrived.
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('chat-new').click();
    await page.getByTestId('chat-new-interactive').click();
    await page.getByTestId('chat-empty-conversation').waitFor();
    await ask(page, QUESTION);
    const writing = page.locator('[data-testid="chat-message"][data-role="assistant"][data-streaming="true"]');
    await writing.waitFor();
    await expect.poll(async () => (await textOf(writing)).split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('chat-input').isDisabled()).toBe(true);
    expect(await page.getByTestId('chat-writing').textContent()).toContain('Учитель пишет');
    await running.screenshot('chat-streaming');
    await page.getByTestId('chat-stop').click();
    expect(await replyEnded(page)).toBe('stopped');
    const partial = await textOf(lastReply(page));
    expect(partial.length).toBeGreaterThan(0);
    expect(SLOW_REPLY.startsWith(partial.trim())).toBe(true);
    expect(partial.trim().length).toBeLessThan(SLOW_REPLY.length);
    expect(await page.getByTestId('chat-reply-problem').textContent()).toContain('Ответ остановлен');
    await running.screenshot('chat-stopped');

    // «Повторить»: a new reply to the same question streams to its end.
    await page.getByTestId('chat-retry').click();
    await writing.waitFor();
    expect(await replyEnded(page)).toBe('complete');
    expect((await textOf(lastReply(page))).trim()).toBe(SLOW_REPLY);
    expect(await lastReply(page).getByTestId('chat-fallback').count()).toBe(0);
    const asked = fake.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(asked.length).toBe(2);
    expect(asked.every((request) => (request.body as { model?: string }).model === 'slow')).toBe(true);

    // The server goes away: the offline teacher answers, and a calm notice says why.
    await page.getByTestId('nav-settings').click();
    await form.getByTestId('ai-base-url').fill(`http://127.0.0.1:${await closedPort()}/v1`);
    await form.getByTestId('ai-save-user').click();
    await form.getByTestId('ai-saved-user').waitFor();
    await page.goBack();
    await page.getByTestId('chat-conversation').waitFor();
    await ask(page, 'А как сложить дроби?');
    expect(await replyEnded(page)).toBe('complete');
    const notice = lastReply(page).getByTestId('chat-fallback');
    await notice.waitFor();
    expect(await notice.getAttribute('data-reason')).toBe('unreachable');
    expect(await notice.textContent()).toContain('Не удаётся подключиться к серверу по этому адресу');
    expect((await textOf(lastReply(page))).length).toBeGreaterThan(20);
    await running.screenshot('chat-fallback');

    // Chromium reports the refused connection of nobody: the page itself had no errors.
    expect(running.problems.filter((problem) => !problem.startsWith('console: Failed to load resource'))).toEqual([]);
  });

  it('works with a llama.cpp-like server: strict roles, an empty reply with Retry, a reply cut by length with «Продолжить»', async () => {
    fake = await startFakeOpenAiServer({ reply: SLOW_REPLY, strictRoles: true, contextTokens: 4096, reportContext: true });
    const running = await apps.openAsStudent(student);
    const { page } = running;
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('ai-form-user');
    await form.getByTestId('ai-provider-openai').check();
    expect(await form.getByTestId('ai-url-example').allTextContents()).toContain('http://localhost:8080/v1');
    await form.getByTestId('ai-base-url').fill(fake.baseUrl);
    await form.getByTestId('ai-model').fill('normal');
    await form.getByTestId('ai-save-user').click();
    await form.getByTestId('ai-saved-user').waitFor();
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('chat-new').click();
    await page.getByTestId('chat-new-interactive').click();
    await page.getByTestId('chat-empty-conversation').waitFor();

    // The model ends without a word: a notice and «Повторить», not a silent nothing.
    fake.setNextBehaviour('empty');
    await ask(page, QUESTION);
    expect(await replyEnded(page)).toBe('failed');
    const problem = page.getByTestId('chat-reply-problem');
    expect(await problem.getAttribute('data-reason')).toBe('empty_reply');
    expect(await problem.textContent()).toContain('не написав ни слова');
    await running.screenshot('chat-empty-reply');
    await page.getByTestId('chat-retry').click();
    expect(await replyEnded(page)).toBe('complete');
    expect((await textOf(lastReply(page))).trim()).toBe(SLOW_REPLY);

    // Cut by its length limit: marked, and «Продолжить» asks the model to go on.
    fake.setNextBehaviour('length');
    await ask(page, 'А как сложить дроби?');
    expect(await replyEnded(page)).toBe('truncated');
    expect(await page.getByTestId('chat-reply-truncated').textContent()).toContain('Ответ обрезан');
    await running.screenshot('chat-truncated');
    const sent = answerOf(page, 'chat.sendMessage');
    await page.getByTestId('chat-continue').click();
    await sent;
    expect(await replyEnded(page)).toBe('complete');
    expect(await lastReply(page).getByTestId('chat-fallback').count()).toBe(0);

    // Every request the strict server took alternated (it refuses anything else) and had max_tokens.
    const asked = fake.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(asked.length).toBe(4);
    const last = asked.at(-1)!.body as { messages: { role: string }[]; max_tokens: number };
    expect(last.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(last.max_tokens).toBe(1024);
    expect(running.problems).toEqual([]);
  });
});
