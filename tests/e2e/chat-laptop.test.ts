import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { tinyGguf } from '../support/tiny-gguf';
import { CONTENT_DIR, ROOT } from '../support/test-databases';
import { answerOf, registerAccount, setUpBrowserApps } from './browser-app';
import { openFirstLesson } from './lesson-steps';

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
/** Screenshots for a person to look at (the lead, the helper): laptop sizes of the chat and the settings. */
const SCRATCH = path.join(ROOT, '.scratch');
const LAPTOPS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
] as const;

const apps = setUpBrowserApps();

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCRATCH, { recursive: true });
  await page.screenshot({ path: path.join(SCRATCH, `${name}.png`) });
}

/** Types a question and sends it with Enter; resolves when the core took it. */
async function ask(page: Page, question: string): Promise<void> {
  const box = page.getByTestId('chat-input');
  await expect.poll(() => box.isEnabled(), { timeout: 60_000 }).toBe(true);
  await box.fill(question);
  const sent = answerOf(page, 'chat.sendMessage');
  await box.press('Enter');
  await sent;
}

async function replyEnded(page: Page): Promise<string> {
  const state = page.getByTestId('chat-reply-state');
  await expect.poll(() => state.getAttribute('data-state'), { timeout: 60_000 }).not.toBe('writing');
  return (await state.getAttribute('data-state')) ?? '';
}

/** Where a test id's element is on screen, and the window's size and scroll room. */
const layoutOf = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const box = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
    const scroller = document.scrollingElement!;
    return {
      box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      width: window.innerWidth,
      height: window.innerHeight,
      pageScroll: scroller.scrollHeight - scroller.clientHeight,
    };
  }, testId);

const overlaps = (a: { top: number; bottom: number; left: number; right: number }, b: typeof a) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the chat on a laptop screen', () => {
  it('keeps the question box in view at 1366×768 and 1280×800, reopens a lesson’s conversation, and keeps toasts off «Отправить»', async () => {
    const running = await apps.openAsStudent({ fullName: 'Лена Ноутбукова', username: 'lena', password: 'пароль-ноутбука' });
    const { page } = running;

    // «Спросить учителя» from a lesson, twice: one conversation.
    await openFirstLesson(page, maths);
    const lessonPage = page.url();
    const first = answerOf(page, 'chat.startSession');
    await page.getByTestId('ask-teacher').click();
    const sessionId = (JSON.parse(await (await first).text()) as { value: { id: string } }).value.id;
    await page.getByTestId('chat-conversation').waitFor();
    // A long conversation: the list scrolls, the box stays.
    for (const question of ['Что такое **числитель**?', 'Как сравнить дроби $\\frac{3}{4}$ и $\\frac{2}{3}$?', 'Что такое знаменатель?']) {
      await ask(page, question);
      expect(await replyEnded(page)).toBe('complete');
    }
    // The first question earned an achievement: its toast keeps clear of the box and «Отправить», wherever the focus is.
    await page.getByTestId('toast').first().waitFor();
    // Whatever has the focus (here: nothing typed into), the toasts keep clear.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const target of ['chat-send', 'chat-input']) {
      const sent = (await layoutOf(page, target)).box;
      for (const toast of await page.getByTestId('toast').all()) {
        const area = await toast.boundingBox();
        if (!area) continue;
        expect(overlaps(sent, { top: area.y, bottom: area.y + area.height, left: area.x, right: area.x + area.width }), `a toast covers ${target}`).toBe(false);
      }
    }

    await page.goto(lessonPage);
    await page.getByTestId('ask-teacher').waitFor();
    const second = answerOf(page, 'chat.startSession');
    await page.getByTestId('ask-teacher').click();
    expect((JSON.parse(await (await second).text()) as { value: { id: string } }).value.id).toBe(sessionId);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/chat/${sessionId}`);
    await expect.poll(() => page.getByTestId('chat-message').count()).toBe(6);
    expect(await page.getByTestId('chat-session').count()).toBe(1);
    // Titled by its first question, as plain text.
    expect((await page.getByTestId('chat-session').textContent()) ?? '').toContain('Что такое числитель?');

    for (const { width, height } of LAPTOPS) {
      await page.setViewportSize({ width, height });
      await expect.poll(async () => (await layoutOf(page, 'chat-input')).height).toBe(height);
      const input = await layoutOf(page, 'chat-input');
      const send = await layoutOf(page, 'chat-send');
      // The box and «Отправить» are on screen, and the page has no room to scroll into.
      expect(input.box.top).toBeGreaterThanOrEqual(0);
      expect(send.box.bottom).toBeLessThanOrEqual(height);
      expect(send.box.right).toBeLessThanOrEqual(width);
      const sizes = await page.evaluate(() =>
        ['html', 'body', '#root', '.app', '.app-main', '.chat-page', '.chat-layout', '.chat-sidebar', '.chat-main', '.chat-conversation', '.chat-messages'].map((selector) => {
          const element = document.querySelector(selector);
          return `${selector}: ${element ? Math.round(element.getBoundingClientRect().height) : 'none'}`;
        }),
      );
      expect(input.pageScroll, `the page scrolls at ${width}×${height}: ${sizes.join(', ')}`).toBeLessThanOrEqual(1);
      // The messages scroll inside their list instead.
      const list = await page.getByTestId('chat-messages').evaluate((element) => ({ scrollable: element.scrollHeight > element.clientHeight }));
      expect(list.scrollable).toBe(true);
      await page.getByTestId('toast-dismiss').first().click().catch(() => undefined);
      await shoot(page, `chat-${width}x${height}`);
    }
    expect(running.problems).toEqual([]);
  }, 180_000);

  // Real inference in the browser-mode server: scripts/make-tiny-gguf.py writes a random-weight GGUF (needs python3 with gguf and numpy).
  it('uses the embedded model chosen in the settings: size, speed, a streamed reply, Stop, Retry and a reload', async () => {
    const model = tinyGguf();
    const running = await apps.open();
    const { page } = running;
    await registerAccount(page, { fullName: 'Админ Школы', username: 'admin', password: 'пароль-админа', becomeAdmin: true });

    // Settings → «Для всех на этом компьютере»: the built-in model, its path typed (a browser cannot give one).
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('ai-form-computer');
    await form.getByTestId('ai-provider-embedded').check();
    // The hint follows the host's answer (can it open a file dialog?), which arrives after the field.
    await expect.poll(() => form.getByTestId('ai-embedded').textContent()).toContain('В браузере файл можно только вписать');
    expect(await form.getByTestId('ai-model-choose').count()).toBe(0);
    await form.getByTestId('ai-model-path').fill('/no/such/model.gguf');
    await form.getByTestId('ai-model-missing').waitFor();
    await form.getByTestId('ai-model-path').fill(model);
    await expect.poll(() => form.getByTestId('ai-model-size').textContent()).toMatch(/\d.*МБ/);
    const measured = answerOf(page, 'ai.measureEmbeddedSpeed');
    await form.getByTestId('ai-model-measure').click();
    await measured;
    await expect.poll(() => form.getByTestId('ai-model-speed').textContent(), { timeout: 60_000 }).toMatch(/токенов в секунду/);
    expect(await form.getByTestId('ai-model-name').textContent()).toBe('teacher-ai tiny test model (random weights)');
    expect(await form.getByTestId('ai-model-context').textContent()).toMatch(/\d+ токенов/);
    for (const { width, height } of LAPTOPS) {
      await page.setViewportSize({ width, height });
      await form.getByTestId('ai-model-measure').scrollIntoViewIfNeeded();
      await shoot(page, `settings-embedded-${width}x${height}`);
    }
    await form.getByTestId('ai-save-computer').click();
    await form.getByTestId('ai-saved-computer').waitFor();
    await expect.poll(() => page.getByTestId('ai-effective').getAttribute('data-provider')).toBe('embedded');

    // A real question in Russian: the prompt (instructions and the lesson passages it brings) is fitted to
    // the model's own tokenizer, which in the tiny test model spends a token on nearly every byte.
    // A conversation: the reply streams from the model; «Стоп» keeps what came; «Повторить» writes a new one.
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('chat-new').click();
    await page.getByTestId('chat-new-interactive').click();
    await page.getByTestId('chat-empty-conversation').waitFor();
    await ask(page, 'Что такое дробь?');
    const writing = page.locator('[data-testid="chat-message"][data-role="assistant"][data-streaming="true"]');
    await writing.waitFor({ timeout: 60_000 });
    await expect.poll(async () => ((await writing.getByTestId('chat-message-text').textContent()) ?? '').length, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('chat-stop').click();
    expect(await replyEnded(page)).toBe('stopped');
    const replies = page.locator('[data-testid="chat-message"][data-role="assistant"]');
    expect(((await replies.last().getByTestId('chat-message-text').textContent()) ?? '').length).toBeGreaterThan(0);
    // «Повторить»: a new reply streams in place of the stopped one (a random model writes until its token
    // limit, minutes on a busy 2-core machine, so it is stopped again once it is under way).
    await page.getByTestId('chat-retry').click();
    await writing.waitFor({ timeout: 60_000 });
    await expect.poll(async () => ((await writing.getByTestId('chat-message-text').textContent()) ?? '').length, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('chat-stop').click();
    expect(await replyEnded(page)).toBe('stopped');
    expect(await replies.last().getByTestId('chat-fallback').count()).toBe(0);
    const reply = (await replies.last().getByTestId('chat-message-text').textContent()) ?? '';
    expect(reply.length).toBeGreaterThan(0);

    // A reload: the conversation is still there, with the model's reply.
    const shown = await page.getByTestId('chat-message').count();
    await page.reload();
    await page.getByTestId('chat-conversation').waitFor();
    await expect.poll(() => page.getByTestId('chat-message').count()).toBe(shown);
    expect(await replies.last().getByTestId('chat-message-text').textContent()).toBe(reply);
    expect(running.problems).toEqual([]);
  }, 240_000);
});
