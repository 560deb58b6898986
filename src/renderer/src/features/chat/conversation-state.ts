import type { ChatMessage, ReplyStatus } from '../../../../shared/contract';
import type { AiFailureReason } from '../../../../shared/contract/ai';
import type { AiProvider } from '../../../../shared/domain';

/** How a reply ended, as `chat.replyFinished` says. */
export interface ReplyOutcome {
  status: ReplyStatus;
  provider: AiProvider;
  failureReason: AiFailureReason | null;
  fallbackReason: AiFailureReason | null;
  /** The server's own words about the failure or the fallback. */
  detail: string | null;
}

/**
 * One conversation as the screen holds it. A reply grows token by token; its tokens (and even its
 * end) may arrive before `chat.sendMessage` has answered with its id, so they wait in `early`.
 */
export interface ConversationState {
  sessionId: string;
  /** Oldest first; a reply being written has `streaming: true`. */
  messages: ChatMessage[];
  /** Text of replies not in `messages` yet, by reply id. */
  early: Readonly<Record<string, string>>;
  /** How replies ended, by reply id (only those that ended while the screen was open). */
  outcomes: Readonly<Record<string, ReplyOutcome>>;
  /** The student's message (or «Повторить») is on its way to the core. */
  sending: boolean;
}

export type ConversationAction =
  | { type: 'loaded'; messages: readonly ChatMessage[] }
  | { type: 'olderLoaded'; messages: readonly ChatMessage[] }
  | { type: 'sending' }
  | { type: 'sendFailed' }
  | { type: 'sent'; message: ChatMessage; replyId: string }
  | { type: 'retried'; replyId: string; at: string }
  | { type: 'token'; messageId: string; token: string }
  | { type: 'finished'; messageId: string; outcome: ReplyOutcome }
  /** `chat.stop` said nothing was being written: the reply is over, whatever the screen thought. */
  | { type: 'notStreaming' };

export const initialConversation = (sessionId: string): ConversationState => ({
  sessionId,
  messages: [],
  early: {},
  outcomes: {},
  sending: false,
});

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/** The teacher's reply as the screen shows it before the core has listed it. */
function replyPlaceholder(state: ConversationState, id: string, at: string): ChatMessage {
  return {
    id,
    sessionId: state.sessionId,
    role: 'assistant',
    content: state.early[id] ?? '',
    ttsPlayed: false,
    createdAt: at,
    streaming: !(id in state.outcomes),
  };
}

function addReply(state: ConversationState, replyId: string, at: string): ConversationState {
  if (state.messages.some((message) => message.id === replyId)) return state;
  return { ...state, messages: [...state.messages, replyPlaceholder(state, replyId, at)], early: without(state.early, replyId) };
}

/**
 * A message as the core listed it, reconciled with what the screen already has: tokens that came
 * meanwhile are kept (the longer text wins when one continues the other), an end seen here holds.
 */
function reconcile(state: ConversationState, listed: ChatMessage, local: ChatMessage | undefined): ChatMessage {
  let content = listed.content;
  if (local && local.content.length > content.length && local.content.startsWith(content)) content = local.content;
  const early = state.early[listed.id];
  if (early !== undefined && listed.streaming && !content.endsWith(early)) content += early;
  const streaming = listed.streaming && !(listed.id in state.outcomes) && (local?.streaming ?? true);
  return { ...listed, content, streaming };
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'loaded': {
      const local = new Map(state.messages.map((message) => [message.id, message]));
      const listedIds = new Set(action.messages.map((message) => message.id));
      const messages = action.messages.map((message) => reconcile(state, message, local.get(message.id)));
      // Sent or started here after the core made its list: still ours to show.
      const newer = state.messages.filter((message) => !listedIds.has(message.id));
      let early = state.early;
      for (const id of listedIds) if (id in early) early = without(early, id);
      return { ...state, messages: [...messages, ...newer], early };
    }
    case 'olderLoaded': {
      const known = new Set(state.messages.map((message) => message.id));
      const older = action.messages.filter((message) => !known.has(message.id));
      return { ...state, messages: [...older, ...state.messages] };
    }
    case 'sending':
      return { ...state, sending: true };
    case 'sendFailed':
      return { ...state, sending: false };
    case 'sent': {
      const hasMessage = state.messages.some((message) => message.id === action.message.id);
      const withMessage = hasMessage ? state : { ...state, messages: [...state.messages, action.message] };
      return { ...addReply(withMessage, action.replyId, action.message.createdAt), sending: false };
    }
    case 'retried':
      return { ...addReply(state, action.replyId, action.at), sending: false };
    case 'token': {
      const index = state.messages.findIndex((message) => message.id === action.messageId);
      if (index === -1) return { ...state, early: { ...state.early, [action.messageId]: (state.early[action.messageId] ?? '') + action.token } };
      const messages = [...state.messages];
      const message = messages[index] as ChatMessage;
      messages[index] = { ...message, content: message.content + action.token };
      return { ...state, messages };
    }
    case 'finished': {
      const messages = state.messages.map((message) => (message.id === action.messageId ? { ...message, streaming: false } : message));
      return { ...state, messages, outcomes: { ...state.outcomes, [action.messageId]: action.outcome } };
    }
    case 'notStreaming':
      return { ...state, messages: state.messages.map((message) => (message.streaming ? { ...message, streaming: false } : message)) };
  }
}

/** The reply being written now, if any. */
export const streamingReply = (state: ConversationState): ChatMessage | null =>
  state.messages.findLast((message) => message.role === 'assistant' && message.streaming) ?? null;

/** Tokens arrive for a reply the screen has not placed yet (its id comes with `chat.sendMessage`'s answer). */
const replyOnItsWay = (state: ConversationState): boolean => Object.keys(state.early).some((id) => !(id in state.outcomes));

/** While a message is sent or a reply is written, the student waits (and may stop it). */
export const isBusy = (state: ConversationState): boolean => state.sending || streamingReply(state) !== null || replyOnItsWay(state);

/** Whether the screen knows this message (a reply's end for an unknown one means the list is out of date). */
export const knowsMessage = (state: ConversationState, messageId: string): boolean =>
  state.messages.some((message) => message.id === messageId) || messageId in state.early;

/** What the conversation shows: no system prompts, and no empty replies that never got a word. */
export const visibleMessages = (state: ConversationState): ChatMessage[] =>
  state.messages.filter((message) => message.role === 'user' || (message.role === 'assistant' && (message.streaming || message.content !== '')));

/** The last reply's ending, when it ended while the screen was open. */
export function lastOutcome(state: ConversationState): { messageId: string; outcome: ReplyOutcome } | null {
  const reply = state.messages.findLast((message) => message.role === 'assistant');
  if (!reply) return null;
  const outcome = state.outcomes[reply.id];
  return outcome ? { messageId: reply.id, outcome } : null;
}

/**
 * «Повторить» answers the last question again: after a stopped or failed reply, or when the last
 * message is the student's and no reply is coming (it failed before a word, or the app was closed).
 */
export function canRetry(state: ConversationState): boolean {
  if (isBusy(state)) return false;
  const last = state.messages.findLast((message) => message.role !== 'system');
  if (!last) return false;
  if (last.role === 'user') return true;
  const status = state.outcomes[last.id]?.status;
  return status === 'stopped' || status === 'failed';
}
