import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../shared/contract';
import {
  canRetry,
  conversationReducer,
  initialConversation,
  isBusy,
  knowsMessage,
  lastOutcome,
  streamingReply,
  visibleMessages,
  type ConversationAction,
  type ConversationState,
  type ReplyOutcome,
} from './conversation-state';

const SESSION = '00000000-0000-4000-8000-000000000001';
const QUESTION = '00000000-0000-4000-8000-0000000000a1';
const REPLY = '00000000-0000-4000-8000-0000000000b1';
const RETRY = '00000000-0000-4000-8000-0000000000b2';

const message = (id: string, role: ChatMessage['role'], content: string, streaming = false): ChatMessage => ({
  id,
  sessionId: SESSION,
  role,
  content,
  ttsPlayed: false,
  createdAt: '2025-11-25T10:00:00.000Z',
  streaming,
});

const complete: ReplyOutcome = { status: 'complete', provider: 'offline', failureReason: null, fallbackReason: null, detail: null };
const run = (...actions: ConversationAction[]): ConversationState =>
  actions.reduce(conversationReducer, initialConversation(SESSION));
const question = message(QUESTION, 'user', 'Как сравнить дроби?');

describe('conversationReducer', () => {
  it('grows the reply token by token after sendMessage answered', () => {
    const state = run(
      { type: 'loaded', messages: [] },
      { type: 'sending' },
      { type: 'sent', message: question, replyId: REPLY },
      { type: 'token', messageId: REPLY, token: 'Приведи ' },
      { type: 'token', messageId: REPLY, token: 'к общему знаменателю.' },
    );
    expect(state.messages.map((m) => [m.role, m.content, m.streaming])).toEqual([
      ['user', 'Как сравнить дроби?', false],
      ['assistant', 'Приведи к общему знаменателю.', true],
    ]);
    expect(isBusy(state)).toBe(true);
    expect(streamingReply(state)?.id).toBe(REPLY);
    const done = conversationReducer(state, { type: 'finished', messageId: REPLY, outcome: complete });
    expect(streamingReply(done)).toBeNull();
    expect(isBusy(done)).toBe(false);
    expect(lastOutcome(done)).toEqual({ messageId: REPLY, outcome: complete });
    expect(canRetry(done)).toBe(false);
  });

  it('keeps tokens (and even the end) that outrun sendMessage', () => {
    const early = run(
      { type: 'sending' },
      { type: 'token', messageId: REPLY, token: 'Сначала ' },
      { type: 'token', messageId: REPLY, token: 'подумай.' },
    );
    expect(early.messages).toEqual([]);
    expect(isBusy(early)).toBe(true);
    expect(knowsMessage(early, REPLY)).toBe(true);
    const ended = conversationReducer(early, { type: 'finished', messageId: REPLY, outcome: complete });
    const sent = conversationReducer(ended, { type: 'sent', message: question, replyId: REPLY });
    expect(sent.messages.at(-1)).toMatchObject({ id: REPLY, content: 'Сначала подумай.', streaming: false });
    expect(sent.early).toEqual({});
    expect(isBusy(sent)).toBe(false);
  });

  it('is busy while tokens come for a reply it cannot place yet, even without a send of its own', () => {
    const state = run({ type: 'loaded', messages: [question] }, { type: 'token', messageId: REPLY, token: 'x' });
    expect(isBusy(state)).toBe(true);
    expect(canRetry(state)).toBe(false);
  });

  it('keeps appending to a reply that was still being written when the page was reloaded', () => {
    const state = run(
      { type: 'loaded', messages: [question, message(REPLY, 'assistant', 'Половина ', true)] },
      { type: 'token', messageId: REPLY, token: 'ответа.' },
    );
    expect(state.messages[1]).toMatchObject({ content: 'Половина ответа.', streaming: true });
  });

  it('merges a list that arrives after tokens without losing or doubling them', () => {
    const beforeList = run({ type: 'token', messageId: REPLY, token: 'два' });
    const listedWithout = conversationReducer(beforeList, { type: 'loaded', messages: [question, message(REPLY, 'assistant', 'раз ', true)] });
    expect(listedWithout.messages[1]?.content).toBe('раз два');
    const listedWith = conversationReducer(beforeList, { type: 'loaded', messages: [question, message(REPLY, 'assistant', 'раз два', true)] });
    expect(listedWith.messages[1]?.content).toBe('раз два');
    expect(listedWith.early).toEqual({});

    // A refresh made from an older snapshot does not cut the text already on screen.
    const onScreen = run({ type: 'loaded', messages: [question, message(REPLY, 'assistant', 'раз два три', true)] });
    const stale = conversationReducer(onScreen, { type: 'loaded', messages: [question, message(REPLY, 'assistant', 'раз', true)] });
    expect(stale.messages[1]?.content).toBe('раз два три');
  });

  it('keeps messages sent after the list was made', () => {
    const state = run({ type: 'sent', message: question, replyId: REPLY }, { type: 'loaded', messages: [] });
    expect(state.messages.map((m) => m.id)).toEqual([QUESTION, REPLY]);
  });

  it('offers «Повторить» after a stopped or failed reply, and streams the new one', () => {
    const stopped = run(
      { type: 'sent', message: question, replyId: REPLY },
      { type: 'token', messageId: REPLY, token: 'Нача' },
      { type: 'finished', messageId: REPLY, outcome: { ...complete, status: 'stopped' } },
    );
    expect(stopped.messages[1]).toMatchObject({ content: 'Нача', streaming: false });
    expect(canRetry(stopped)).toBe(true);

    const retrying = conversationReducer(stopped, { type: 'sending' });
    expect(canRetry(retrying)).toBe(false);
    const retried = conversationReducer(retrying, { type: 'retried', replyId: RETRY, at: '2025-11-25T10:01:00.000Z' });
    expect(retried.sending).toBe(false);
    expect(streamingReply(retried)?.id).toBe(RETRY);
    expect(lastOutcome(retried)).toBeNull();

    const failed = run(
      { type: 'sent', message: question, replyId: REPLY },
      { type: 'finished', messageId: REPLY, outcome: { ...complete, status: 'failed', failureReason: 'timeout' } },
    );
    expect(canRetry(failed)).toBe(true);
    // A reply that failed before its first word is not shown as an empty bubble.
    expect(visibleMessages(failed).map((m) => m.id)).toEqual([QUESTION]);
  });

  it('offers «Повторить» when the last message is the student’s and no reply is coming', () => {
    expect(canRetry(run({ type: 'loaded', messages: [question] }))).toBe(true);
    expect(canRetry(run({ type: 'loaded', messages: [] }))).toBe(false);
  });

  it('ends a reply the core says is not being written any more', () => {
    const state = run({ type: 'loaded', messages: [question, message(REPLY, 'assistant', 'x', true)] }, { type: 'notStreaming' });
    expect(isBusy(state)).toBe(false);
  });

  it('puts older pages before what is shown, once each', () => {
    const older = message('00000000-0000-4000-8000-0000000000c1', 'user', 'раньше');
    const state = run(
      { type: 'loaded', messages: [question] },
      { type: 'olderLoaded', messages: [older, question] },
    );
    expect(state.messages.map((m) => m.content)).toEqual(['раньше', 'Как сравнить дроби?']);
  });

  it('hides system messages', () => {
    const state = run({ type: 'loaded', messages: [message('00000000-0000-4000-8000-0000000000d1', 'system', 'prompt'), question] });
    expect(visibleMessages(state).map((m) => m.role)).toEqual(['user']);
  });

  it('returns to idle when sending failed', () => {
    expect(isBusy(run({ type: 'sending' }, { type: 'sendFailed' }))).toBe(false);
  });
});
