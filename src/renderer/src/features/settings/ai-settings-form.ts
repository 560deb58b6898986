import type { AiSettingsView, MethodInput } from '../../../../shared/contract';
import { AI_TIMEOUT_MAX_SECONDS, AI_TIMEOUT_MIN_SECONDS } from '../../../../shared/contract/ai';
import type { AiProvider } from '../../../../shared/domain';
import type { TextKey } from '../../i18n';

/** Whose setting a form edits: the student's own, or the default of every account on this computer. */
export type AiScope = 'user' | 'computer';

export const DEFAULT_TIMEOUT_SECONDS = 60;
const BASE_URL_MAX = 500;
const MODEL_MAX = 200;
const KEY_MAX = 500;

/** Addresses of the usual local servers, offered as examples. */
export const BASE_URL_EXAMPLES = [
  { name: 'llama.cpp', url: 'http://localhost:8080/v1' },
  { name: 'Ollama', url: 'http://localhost:11434/v1' },
  { name: 'LM Studio', url: 'http://localhost:1234/v1' },
] as const;

/** What the form holds, as typed. The saved key is never here: only whether there is one. */
export interface AiDraft {
  provider: AiProvider;
  baseUrl: string;
  model: string;
  /** A new key typed in; empty keeps the saved one (if any). */
  apiKey: string;
  /** «Удалить ключ» was pressed: saving removes the saved key. */
  removeKey: boolean;
  timeout: string;
  /** The embedded model's GGUF file (an admin's setting for the computer). */
  modelPath: string;
}

export function draftFrom(view: AiSettingsView | null): AiDraft {
  return {
    provider: view?.provider ?? 'offline',
    baseUrl: view?.baseUrl ?? '',
    model: view?.model ?? '',
    apiKey: '',
    removeKey: false,
    timeout: String(view?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
    modelPath: view?.modelPath ?? '',
  };
}

export type DraftField = 'baseUrl' | 'model' | 'apiKey' | 'timeout';
export type DraftIssues = Partial<Record<DraftField, TextKey>>;

export const isBaseUrl = (text: string): boolean => text.trim().length <= BASE_URL_MAX && /^https?:\/\/\S+$/i.test(text.trim());

function parseTimeout(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const seconds = Number(text);
  return seconds >= AI_TIMEOUT_MIN_SECONDS && seconds <= AI_TIMEOUT_MAX_SECONDS ? seconds : null;
}

/** What is wrong with the form before it is sent, field by field (the core checks the same). */
export function draftIssues(draft: AiDraft): DraftIssues {
  const issues: DraftIssues = {};
  if (draft.provider !== 'openai') return issues;
  if (parseTimeout(draft.timeout) === null) issues.timeout = 'aiSettings.issue.timeout';
  if (draft.apiKey.trim().length > KEY_MAX) issues.apiKey = 'aiSettings.issue.apiKey';
  if (draft.baseUrl.trim() === '') issues.baseUrl = 'aiSettings.issue.baseUrlRequired';
  else if (!isBaseUrl(draft.baseUrl)) issues.baseUrl = 'aiSettings.issue.baseUrl';
  if (draft.model.trim() === '') issues.model = 'aiSettings.issue.modelRequired';
  else if (draft.model.trim().length > MODEL_MAX) issues.model = 'aiSettings.issue.model';
  return issues;
}

/**
 * The form as `ai.save…Settings` takes it. The offline teacher keeps a valid address and model too,
 * so switching back is one click. The key: a new one replaces, «Удалить ключ» sends null, nothing keeps.
 */
export function toSettingsInput(draft: AiDraft): MethodInput<'ai.saveUserSettings'> {
  const baseUrl = draft.baseUrl.trim();
  const model = draft.model.trim();
  const apiKey = draft.apiKey.trim();
  return {
    provider: draft.provider,
    ...(isBaseUrl(baseUrl) ? { baseUrl } : {}),
    ...(model !== '' && model.length <= MODEL_MAX ? { model } : {}),
    ...(apiKey !== '' ? { apiKey } : draft.removeKey ? { apiKey: null } : {}),
    timeoutSeconds: parseTimeout(draft.timeout) ?? DEFAULT_TIMEOUT_SECONDS,
    ...(draft.modelPath.trim() !== '' ? { modelPath: draft.modelPath.trim() } : {}),
  };
}

/** «Проверить подключение» with the key typed in, else the saved one of this scope (which the page never sees). */
export function toCheckInput(draft: AiDraft, scope: AiScope, hasSavedKey: boolean): MethodInput<'ai.checkConnection'> | null {
  const baseUrl = draft.baseUrl.trim();
  if (!isBaseUrl(baseUrl)) return null;
  const apiKey = draft.apiKey.trim();
  if (apiKey !== '') return { baseUrl, apiKey };
  if (hasSavedKey && !draft.removeKey) return { baseUrl, useSavedKeyOf: scope };
  return { baseUrl };
}
