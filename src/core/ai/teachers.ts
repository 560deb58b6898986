import type { Db } from '../db/types';
import { fitToBudget, tokenBudget } from './conversation-window';
import type { EmbeddedEngine } from './embedded/embedded-engine';
import { embeddedTeacher } from './embedded/embedded-teacher';
import { createContextProbe, type ContextProbe } from './model-context';
import { streamChatCompletion } from './openai-client';
import type { OpenAiEndpoint } from './openai-endpoint';
import { createOfflineTeacher } from './offline-teacher';
import type { TeacherProvider } from './provider';
import { buildModelMessages } from './teaching-policy';

/**
 * A model behind an OpenAI-compatible endpoint, taught by our policy: the system prompt is ours alone.
 * The prompt is cut to the model's context, leaving room for a reply of at most `max_tokens`.
 */
export function openAiTeacher(endpoint: OpenAiEndpoint, fetchImpl: typeof fetch = fetch, probe: ContextProbe = createContextProbe(fetchImpl)): TeacherProvider {
  return {
    kind: 'openai',
    async *streamReply({ context, history, signal, onTruncated }) {
      const contextTokens = await probe.contextTokens(endpoint, endpoint.contextTokens ?? null, signal);
      const budget = tokenBudget(contextTokens);
      const [system, ...turns] = buildModelMessages(context, history);
      const messages = fitToBudget(system!, turns, budget.promptTokens);
      yield* streamChatCompletion(endpoint, messages, signal, fetchImpl, { maxTokens: budget.replyTokens, onTruncated });
    },
  };
}

export interface TeacherFactory {
  openai(endpoint: OpenAiEndpoint): TeacherProvider;
  offline(): TeacherProvider;
  /** A GGUF file run in-process; absent where no engine is wired (tests about storage, the web server). */
  embedded?(modelPath: string): TeacherProvider;
}

export function defaultTeachers(db: Db, engine?: EmbeddedEngine): TeacherFactory {
  // One probe for the app's life: a server's context size is asked once every few minutes, not per reply.
  const probe = createContextProbe();
  return {
    openai: (endpoint) => openAiTeacher(endpoint, fetch, probe),
    offline: () => createOfflineTeacher(db),
    ...(engine ? { embedded: (modelPath: string) => embeddedTeacher(db, engine, modelPath) } : {}),
  };
}
