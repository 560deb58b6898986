import type { Db } from '../db/types';
import { streamChatCompletion } from './openai-client';
import type { OpenAiEndpoint } from './openai-endpoint';
import { createOfflineTeacher } from './offline-teacher';
import type { TeacherProvider } from './provider';
import { buildModelMessages } from './teaching-policy';

/** A model behind an OpenAI-compatible endpoint, taught by our policy: the system prompt is ours alone. */
export function openAiTeacher(endpoint: OpenAiEndpoint, fetchImpl?: typeof fetch): TeacherProvider {
  return {
    kind: 'openai',
    streamReply: ({ context, history, signal }) =>
      streamChatCompletion(endpoint, buildModelMessages(context, history), signal, fetchImpl),
  };
}

export interface TeacherFactory {
  openai(endpoint: OpenAiEndpoint): TeacherProvider;
  offline(): TeacherProvider;
}

export const defaultTeachers = (db: Db): TeacherFactory => ({
  openai: (endpoint) => openAiTeacher(endpoint),
  offline: () => createOfflineTeacher(db),
});
