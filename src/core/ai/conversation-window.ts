import type { ChatTurn } from './provider';

/**
 * What of a conversation a model is shown. Chat templates of many models (Mistral, Gemma …) refuse
 * anything but system, user, assistant, user … user; and every model has a context of fixed size.
 */

/**
 * User and assistant turns strictly alternating, starting and ending with the student's:
 * an empty reply is left out, a later reply replaces the one before it (a stopped or retried reply),
 * questions left without a reply are joined into one, and a trailing reply is dropped (a retry answers
 * the last question anew; many servers would continue a trailing assistant turn instead).
 */
export function alternatingTurns(turns: readonly ChatTurn[]): ChatTurn[] {
  const out: ChatTurn[] = [];
  for (const turn of turns) {
    if (turn.role === 'system' || turn.content.trim() === '') continue;
    const previous = out.at(-1);
    if (turn.role === 'assistant' && previous === undefined) continue;
    if (previous?.role === turn.role) {
      out[out.length - 1] = turn.role === 'user' ? { role: 'user', content: `${previous.content}\n\n${turn.content}` } : turn;
    } else {
      out.push({ role: turn.role, content: turn.content });
    }
  }
  if (out.at(-1)?.role === 'assistant') out.pop();
  return out;
}

const encoder = new TextEncoder();
/** Per message: the template's role markers and separators. */
const TURN_OVERHEAD = 8;

/**
 * Bytes per token when the model's tokenizer is not at hand: real tokenizers give about 4 bytes of
 * English or 2–3 bytes of Russian per token, so 2.5 overestimates both. The embedded model measures
 * its own (a small model may spell Russian byte by byte).
 */
export const DEFAULT_BYTES_PER_TOKEN = 2.5;

/** Tokens a text may take, on the high side. */
export function estimateTokens(text: string, bytesPerToken = DEFAULT_BYTES_PER_TOKEN): number {
  return Math.ceil(encoder.encode(text).length / bytesPerToken) + TURN_OVERHEAD;
}

/** How a model's context is shared: the reply gets its part (`max_tokens`), the prompt the rest. */
export interface TokenBudget {
  /** The reply's most tokens, sent as `max_tokens`. */
  replyTokens: number;
  /** The prompt's most tokens (estimated), system message included. */
  promptTokens: number;
}

export function tokenBudget(contextTokens: number): TokenBudget {
  const replyTokens = Math.max(64, Math.min(2048, Math.floor(contextTokens / 4)));
  // A margin for what the estimate cannot see (BOS, generation prompt).
  const promptTokens = Math.max(64, Math.floor((contextTokens - replyTokens) * 0.95) - 16);
  return { replyTokens, promptTokens };
}

/**
 * The system message and as many of the latest turns as fit in `promptTokens`, still starting with a
 * question. The student's last question always goes; when it and the system message alone do not
 * fit, the system message is shortened in the middle (its start says who the teacher is, its end the
 * rule that must hold) and, if need be, the question keeps its end.
 */
export function fitToBudget(system: ChatTurn, turns: readonly ChatTurn[], promptTokens: number, bytesPerToken = DEFAULT_BYTES_PER_TOKEN): ChatTurn[] {
  const last = turns.at(-1);
  if (!last) return [system];
  const estimate = (text: string) => estimateTokens(text, bytesPerToken);
  let used = estimate(system.content) + estimate(last.content);
  let first = turns.length - 1;
  while (first > 0) {
    const cost = estimate(turns[first - 1]!.content);
    if (used + cost > promptTokens) break;
    used += cost;
    first--;
  }
  while (first < turns.length - 1 && turns[first]!.role !== 'user') first++;
  const kept = turns.slice(first);
  if (used <= promptTokens) return [system, ...kept];
  const questionShare = Math.min(estimate(last.content), Math.floor(promptTokens / 2));
  const question = { role: last.role, content: keepEnd(last.content, questionShare, bytesPerToken) };
  return [{ role: system.role, content: shortenMiddle(system.content, promptTokens - questionShare, bytesPerToken) }, question];
}

/** Characters that surely fit in `tokens` by `estimateTokens` (a Cyrillic character is 2 bytes). */
const charsFor = (tokens: number, bytesPerToken: number) => Math.max(0, Math.floor(((tokens - TURN_OVERHEAD) * bytesPerToken) / 2) - 8);

function shortenMiddle(text: string, tokens: number, bytesPerToken: number): string {
  if (estimateTokens(text, bytesPerToken) <= tokens) return text;
  const chars = charsFor(tokens, bytesPerToken);
  const tail = Math.min(Math.floor(chars / 3), text.length - text.lastIndexOf('\n\n'));
  return `${text.slice(0, chars - tail).trimEnd()}\n\n[…]\n\n${text.slice(text.length - tail).trimStart()}`;
}

function keepEnd(text: string, tokens: number, bytesPerToken: number): string {
  if (estimateTokens(text, bytesPerToken) <= tokens) return text;
  return `[…] ${text.slice(text.length - charsFor(tokens, bytesPerToken))}`;
}
