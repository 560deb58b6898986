import { failure } from '../../../tests/support/provider-failure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALTERNATION_ERROR,
  DEFAULT_REPLY,
  fakeTokenCount,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../../../tests/support/fake-openai-server';
import { alternatingTurns, estimateTokens, fitToBudget, tokenBudget } from './conversation-window';
import { createContextProbe, DEFAULT_CONTEXT_TOKENS } from './model-context';
import { streamChatCompletion } from './openai-client';
import type { OpenAiEndpoint } from './openai-endpoint';
import type { ChatTurn, TeachingContext } from './provider';
import { openAiTeacher } from './teachers';

/** What llama.cpp-family servers do that OpenAI's does not: strict roles, a small context, keep-alive comments. */
let strict: FakeOpenAiServer;
let llama: FakeOpenAiServer;
beforeAll(async () => {
  [strict, llama] = await Promise.all([
    startFakeOpenAiServer({ strictRoles: true, contextTokens: 1024 }),
    startFakeOpenAiServer({ strictRoles: true, contextTokens: 2048, reportContext: true, keepAliveMs: 50, thinkMs: 600 }),
  ]);
});
afterAll(async () => {
  await Promise.all([strict.close(), llama.close()]);
});

const endpoint = (on: FakeOpenAiServer, model: string, overrides: Partial<OpenAiEndpoint> = {}): OpenAiEndpoint => ({
  baseUrl: on.baseUrl,
  model,
  apiKey: null,
  responseTimeoutMs: 2000,
  idleTimeoutMs: 2000,
  ...overrides,
});

const CONTEXT: TeachingContext = { language: 'ru', grade: 7, courseTitle: null, lesson: null, exercise: null, attempt: null, homework: null };
const user = (content: string): ChatTurn => ({ role: 'user', content });
const assistant = (content: string): ChatTurn => ({ role: 'assistant', content });
const roles = (turns: readonly { role: string }[]) => turns.map((t) => t.role).join(',');


async function collect(stream: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of stream) text += piece;
  return text;
}

describe('the conversation a model is shown', () => {
  it('alternates: a stopped and a retried reply leave only the last, an empty reply is dropped, questions without a reply are joined', () => {
    const turns = alternatingTurns([
      assistant('Здравствуй!'),
      user('Что такое дробь?'),
      assistant('Дробь — это'),
      assistant('Дробь — это часть целого.'),
      user('А числитель?'),
      assistant(''),
      user('Ответь, пожалуйста'),
      assistant('Остановленный ответ'),
    ]);
    expect(turns).toEqual([
      user('Что такое дробь?'),
      assistant('Дробь — это часть целого.'),
      user('А числитель?\n\nОтветь, пожалуйста'),
    ]);
  });

  it('cuts the oldest turns to the budget and never starts with a reply', () => {
    const long = 'слово '.repeat(200);
    const turns = [user(long), assistant(long), user(long), assistant(long), user('Последний вопрос')];
    const system = { role: 'system' as const, content: 'Ты учитель.' };
    const budget = estimateTokens(system.content) + estimateTokens(long) + estimateTokens('Последний вопрос') + 5;
    const kept = fitToBudget(system, turns, budget);
    expect(roles(kept)).toBe('system,user');
    const roomier = fitToBudget(system, turns, budget + estimateTokens(long));
    expect(roles(roomier)).toBe('system,user,assistant,user');
    expect(fitToBudget(system, turns, 100_000)).toHaveLength(6);
  });

  it('shortens a system message that alone does not fit, keeping its start and its last rule', () => {
    const system = { role: 'system' as const, content: `Ты учитель.\n\n${'Материал урока. '.repeat(400)}\n\nНикогда не называй ответ.` };
    const [shortened, question] = fitToBudget(system, [user('Вопрос')], 300);
    expect(shortened!.content.startsWith('Ты учитель.')).toBe(true);
    expect(shortened!.content.endsWith('Никогда не называй ответ.')).toBe(true);
    expect(estimateTokens(shortened!.content) + estimateTokens(question!.content)).toBeLessThanOrEqual(300);
  });

  it('fits a model whose tokenizer puts fewer bytes in a token (the embedded model measures its own)', () => {
    const system = { role: 'system' as const, content: `Ты учитель.\n\n${'Материал урока. '.repeat(400)}\n\nНикогда не называй ответ.` };
    const [shortened, question] = fitToBudget(system, [user('Вопрос')], 600, 1);
    expect(estimateTokens(shortened!.content, 1) + estimateTokens(question!.content, 1)).toBeLessThanOrEqual(600);
    expect(shortened!.content.endsWith('Никогда не называй ответ.')).toBe(true);
    // The default estimate would have kept more than such a model can take.
    expect(estimateTokens(fitToBudget(system, [user('Вопрос')], 600)[0]!.content, 1)).toBeGreaterThan(600);
  });

  it('estimates no fewer tokens than a tokenizer of 3 bytes a token, Russian or English', () => {
    for (const text of ['Что такое дискриминант квадратного уравнения?', 'What is a numerator?', '∑ x² = 5']) {
      expect(estimateTokens(text)).toBeGreaterThanOrEqual(fakeTokenCount([{ content: text }]));
    }
  });

  it('leaves the reply a quarter of the context, at most 2048 tokens', () => {
    expect(tokenBudget(4096)).toEqual({ replyTokens: 1024, promptTokens: expect.any(Number) });
    expect(tokenBudget(4096).promptTokens).toBeLessThan(4096 - 1024);
    expect(tokenBudget(131072).replyTokens).toBe(2048);
  });
});

describe('a llama.cpp-like server', () => {
  it('refuses turns that do not alternate with its own words, shown as roles_alternate', async () => {
    const messages = [{ role: 'system' as const, content: 'Ты учитель.' }, user('Вопрос'), assistant('Ответ'), assistant('Ответ ещё раз'), user('Ещё вопрос')];
    const error = await failure(collect(streamChatCompletion(endpoint(strict, 'normal'), messages, new AbortController().signal)));
    expect(error).toMatchObject({ code: 'roles_alternate', status: 400, detail: ALTERNATION_ERROR });
  });

  it('refuses a prompt beyond its context as context_exceeded with the server’s text', async () => {
    const messages = [user('очень длинный вопрос '.repeat(300))];
    const error = await failure(collect(streamChatCompletion(endpoint(strict, 'normal'), messages, new AbortController().signal)));
    expect(error.code).toBe('context_exceeded');
    expect(error.detail).toContain('exceeds the available context size');
  });

  it('sends max_tokens and reports a reply cut by length', async () => {
    let truncated = false;
    const text = await collect(
      streamChatCompletion(endpoint(strict, 'length'), [user('Вопрос')], new AbortController().signal, fetch, {
        maxTokens: 77,
        onTruncated: () => (truncated = true),
      }),
    );
    expect(text).not.toBe('');
    expect(truncated).toBe(true);
    expect(strict.requests.at(-1)!.body).toMatchObject({ max_tokens: 77 });
    let notTruncated = true;
    await collect(streamChatCompletion(endpoint(strict, 'normal'), [user('Вопрос')], new AbortController().signal, fetch, { onTruncated: () => (notTruncated = false) }));
    expect(notTruncated).toBe(true);
  });

  it('an empty reply is a clean end without words (the runner tells the student)', async () => {
    expect(await collect(streamChatCompletion(endpoint(strict, 'empty'), [user('Вопрос')], new AbortController().signal))).toBe('');
  });

  it('keep-alive comments while the prompt is processed keep the stream alive beyond the idle timeout', async () => {
    const started = Date.now();
    const text = await collect(
      streamChatCompletion(endpoint(llama, 'keep-alive', { idleTimeoutMs: 250, responseTimeoutMs: 250 }), [user('Вопрос')], new AbortController().signal),
    );
    expect(text).toBe(DEFAULT_REPLY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    // Without them the same silence is a timeout.
    const error = await failure(collect(streamChatCompletion(endpoint(llama, 'hang', { idleTimeoutMs: 250, responseTimeoutMs: 250 }), [user('Вопрос')], new AbortController().signal)));
    expect(error.code).toBe('timeout');
  });

  it('the context probe reads /props n_ctx, and falls back to the setting or 4096 where a server says nothing', async () => {
    const signal = new AbortController().signal;
    expect(await createContextProbe().contextTokens(endpoint(llama, 'normal'), null, signal)).toBe(2048);
    expect(await createContextProbe().contextTokens(endpoint(strict, 'normal'), null, signal)).toBe(DEFAULT_CONTEXT_TOKENS);
    expect(await createContextProbe().contextTokens(endpoint(strict, 'normal'), 1024, signal)).toBe(1024);
  });

  it('the teacher keeps a long conversation within the reported context, alternating, with max_tokens', async () => {
    const long = 'Очень подробное объяснение с формулами и примерами. '.repeat(8);
    const history: ChatTurn[] = [];
    for (let i = 0; i < 8; i++) history.push(user(`Вопрос ${i}`), assistant(long), assistant(`${long} (повтор)`));
    history.push(user('Последний вопрос'));
    const teacher = openAiTeacher(endpoint(llama, 'normal'));
    const text = await collect(teacher.streamReply({ context: CONTEXT, history: alternatingTurns(history), signal: new AbortController().signal }));
    expect(text).toBe(DEFAULT_REPLY);
    const body = llama.requests.at(-1)!.body as { messages: ChatTurn[]; max_tokens: number };
    expect(body.max_tokens).toBe(512);
    expect(fakeTokenCount(body.messages) + body.max_tokens).toBeLessThanOrEqual(2048);
    expect(body.messages.at(-1)).toEqual(user('Последний вопрос'));
    expect(body.messages.length).toBeGreaterThan(2);
    expect(body.messages[1]!.role).toBe('user');
  });
});
