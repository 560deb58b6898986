import { eq } from 'drizzle-orm';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { AiSettings, AiSettingsInput, AiSettingsView } from '../../shared/contract';
import type { AiProvider } from '../../shared/domain';
import type { SchoolAi } from '../../shared/school-config';
import { localSettings, userAiSettings } from '../db/schema';
import type { Db } from '../db/types';
import { invalidInput } from '../errors/app-error';
import { normaliseBaseUrl, type OpenAiEndpoint } from './openai-endpoint';
import type { SecretBox } from './secret-box';
import type { SchoolPolicy } from '../school/school-policy';

const COMPUTER_KEY = 'ai.computer';
const DEFAULT_TIMEOUT_SECONDS = 60;

interface StoredChoice {
  provider: AiProvider;
  baseUrl: string | null;
  model: string | null;
  apiKeyEncrypted: string | null;
  timeoutSeconds: number;
  /** The embedded model's GGUF (the computer's setting only; the user table has no such column). */
  modelPath?: string | null;
}

/** The school's say in the AI teacher: its default (or, when locked, the only choice). */
export type SchoolAiRule = Pick<SchoolPolicy, 'ai' | 'isLocked'>;

const NO_SCHOOL: SchoolAiRule = { ai: null, isLocked: () => false };

type Chosen =
  | { source: 'user' | 'computer'; stored: StoredChoice }
  | { source: 'school'; ai: SchoolAi }
  | { source: 'default' };

/**
 * Who decides (README: "School-wide configuration"): the school when it locked the teacher and named
 * one; else the student's own choice (ignored while locked); else the computer's, saved by an admin in
 * the app; else the school's default; else the built-in offline teacher.
 */
function choose(user: StoredChoice | null, computer: StoredChoice | null, school: SchoolAiRule): Chosen {
  const locked = school.isLocked('ai');
  if (locked && school.ai) return { source: 'school', ai: school.ai };
  if (user && !locked) return { source: 'user', stored: user };
  if (computer) return { source: 'computer', stored: computer };
  if (school.ai) return { source: 'school', ai: school.ai };
  return { source: 'default' };
}

const schoolView = (ai: SchoolAi): AiSettingsView => ({
  provider: ai.provider,
  baseUrl: ai.baseUrl,
  model: ai.model,
  hasApiKey: ai.apiKey !== null,
  timeoutSeconds: ai.timeoutSeconds,
  ...(ai.modelPath || ai.modelsFolder ? { modelPath: ai.modelPath ?? ai.modelsFolder } : {}),
});

/** Which teacher answers: a configured endpoint, or the offline teacher (and why, if one was chosen). */
export type TeacherChoice =
  | { provider: 'openai'; endpoint: OpenAiEndpoint }
  | { provider: 'embedded'; modelPath: string }
  | { provider: 'offline'; missing: boolean };

const toView = (stored: StoredChoice): AiSettingsView => ({
  provider: stored.provider,
  baseUrl: stored.baseUrl,
  model: stored.model,
  hasApiKey: stored.apiKeyEncrypted !== null,
  timeoutSeconds: stored.timeoutSeconds,
  ...(stored.modelPath ? { modelPath: stored.modelPath } : {}),
});

async function readComputer(db: Db): Promise<StoredChoice | null> {
  const [row] = await db.select({ value: localSettings.value }).from(localSettings).where(eq(localSettings.key, COMPUTER_KEY));
  return (row?.value as StoredChoice | undefined) ?? null;
}

async function readUser(db: Db, userId: string): Promise<StoredChoice | null> {
  const [row] = await db.select().from(userAiSettings).where(eq(userAiSettings.userId, userId));
  return row ? { ...row, provider: row.provider as AiProvider } : null;
}

export async function getAiSettings(db: Db, userId: string, school: SchoolAiRule = NO_SCHOOL): Promise<AiSettings> {
  const [user, computer] = await Promise.all([readUser(db, userId), readComputer(db)]);
  const chosen = choose(user, computer, school);
  const effective =
    chosen.source === 'default'
      ? { provider: 'offline' as const, baseUrl: null, model: null, hasApiKey: false, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, source: 'default' as const }
      : { ...(chosen.source === 'school' ? schoolView(chosen.ai) : toView(chosen.stored)), source: chosen.source };
  return {
    effective,
    user: user && toView(user),
    computer: computer && toView(computer),
    school: school.ai && schoolView(school.ai),
    locked: school.isLocked('ai'),
  };
}

/** What every endpoint is built from (`http://host:11434` becomes `http://host:11434/v1`). */
function normalisedBaseUrl(input: string): string {
  try {
    return normaliseBaseUrl(input);
  } catch {
    throw invalidInput('The server address is not a valid URL', [{ path: 'baseUrl', message: 'base_url_invalid' }]);
  }
}

/** The new stored choice: an absent key keeps the saved one, `null` removes it. */
function merge(previous: StoredChoice | null, input: AiSettingsInput, secrets: SecretBox): StoredChoice {
  const apiKeyEncrypted =
    input.apiKey === undefined ? (previous?.apiKeyEncrypted ?? null) : input.apiKey === null ? null : secrets.seal(input.apiKey);
  return {
    provider: input.provider,
    baseUrl: input.baseUrl !== undefined ? normalisedBaseUrl(input.baseUrl) : (previous?.baseUrl ?? null),
    model: input.model ?? previous?.model ?? null,
    apiKeyEncrypted,
    timeoutSeconds: input.timeoutSeconds,
    modelPath: input.modelPath ?? previous?.modelPath ?? null,
  };
}

export async function saveUserAiSettings(db: Db, secrets: SecretBox, userId: string, input: AiSettingsInput, now: Date): Promise<void> {
  // The model file is the admin's choice: a student choosing «Встроенная модель» uses the computer's.
  const { modelPath: _ignored, ...next } = merge(await readUser(db, userId), input, secrets);
  await db
    .insert(userAiSettings)
    .values({ userId, ...next })
    .onConflictDoUpdate({ target: userAiSettings.userId, set: { ...next, updatedAt: now } });
}

export async function clearUserAiSettings(db: Db, userId: string): Promise<void> {
  await db.delete(userAiSettings).where(eq(userAiSettings.userId, userId));
}

export async function saveComputerAiSettings(db: Db, secrets: SecretBox, input: AiSettingsInput, now: Date): Promise<void> {
  const next = merge(await readComputer(db), input, secrets);
  await db
    .insert(localSettings)
    .values({ key: COMPUTER_KEY, value: next })
    .onConflictDoUpdate({ target: localSettings.key, set: { value: next, updatedAt: now } });
}

/** A saved key, for checking a connection without the page ever holding it. */
export async function savedApiKey(db: Db, secrets: SecretBox, userId: string, of: 'user' | 'computer'): Promise<string | null> {
  const stored = of === 'user' ? await readUser(db, userId) : await readComputer(db);
  return stored?.apiKeyEncrypted ? secrets.open(stored.apiKeyEncrypted) : null;
}

export async function resolveTeacher(db: Db, secrets: SecretBox, userId: string, school: SchoolAiRule = NO_SCHOOL): Promise<TeacherChoice> {
  const [user, computer] = await Promise.all([readUser(db, userId), readComputer(db)]);
  const chosen = choose(user, computer, school);
  if (chosen.source === 'default') return { provider: 'offline', missing: false };
  const setting = chosen.source === 'school' ? chosen.ai : chosen.stored;
  if (setting.provider === 'offline') return { provider: 'offline', missing: false };
  if (setting.provider === 'embedded') {
    const modelPath = (chosen.source === 'school' ? null : chosen.stored.modelPath) ?? computer?.modelPath ?? (await schoolModel(school.ai));
    return modelPath ? { provider: 'embedded', modelPath } : { provider: 'offline', missing: true };
  }
  if (!setting.baseUrl || !setting.model) return { provider: 'offline', missing: true };
  const timeoutMs = setting.timeoutSeconds * 1000;
  const apiKey =
    chosen.source === 'school' ? chosen.ai.apiKey : chosen.stored.apiKeyEncrypted ? secrets.open(chosen.stored.apiKeyEncrypted) : null;
  return {
    provider: 'openai',
    endpoint: {
      baseUrl: setting.baseUrl,
      model: setting.model,
      apiKey,
      responseTimeoutMs: timeoutMs,
      idleTimeoutMs: timeoutMs,
      contextTokens: chosen.source === 'school' ? chosen.ai.contextTokens : null,
    },
  };
}

/** The school's model: its file, or the first `.gguf` (by name) in its models folder. */
async function schoolModel(ai: SchoolAi | null): Promise<string | null> {
  if (!ai) return null;
  if (ai.modelPath) return ai.modelPath;
  if (!ai.modelsFolder) return null;
  try {
    const files = (await readdir(ai.modelsFolder)).filter((name) => name.toLowerCase().endsWith('.gguf')).sort();
    return files[0] ? path.join(ai.modelsFolder, files[0]) : null;
  } catch {
    return null;
  }
}
