import { eq } from 'drizzle-orm';
import type { AiSettings, AiSettingsInput, AiSettingsView } from '../../shared/contract';
import type { AiProvider } from '../../shared/domain';
import { localSettings, userAiSettings } from '../db/schema';
import type { Db } from '../db/types';
import { invalidInput } from '../errors/app-error';
import { normaliseBaseUrl, type OpenAiEndpoint } from './openai-endpoint';
import type { SecretBox } from './secret-box';

const COMPUTER_KEY = 'ai.computer';
const DEFAULT_TIMEOUT_SECONDS = 60;

interface StoredChoice {
  provider: AiProvider;
  baseUrl: string | null;
  model: string | null;
  apiKeyEncrypted: string | null;
  timeoutSeconds: number;
}

/** Which teacher answers: a configured endpoint, or the offline teacher (and why, if one was chosen). */
export type TeacherChoice =
  | { provider: 'openai'; endpoint: OpenAiEndpoint }
  | { provider: 'offline'; missing: boolean };

const toView = (stored: StoredChoice): AiSettingsView => ({
  provider: stored.provider,
  baseUrl: stored.baseUrl,
  model: stored.model,
  hasApiKey: stored.apiKeyEncrypted !== null,
  timeoutSeconds: stored.timeoutSeconds,
});

async function readComputer(db: Db): Promise<StoredChoice | null> {
  const [row] = await db.select({ value: localSettings.value }).from(localSettings).where(eq(localSettings.key, COMPUTER_KEY));
  return (row?.value as StoredChoice | undefined) ?? null;
}

async function readUser(db: Db, userId: string): Promise<StoredChoice | null> {
  const [row] = await db.select().from(userAiSettings).where(eq(userAiSettings.userId, userId));
  return row ? { ...row, provider: row.provider as AiProvider } : null;
}

export async function getAiSettings(db: Db, userId: string): Promise<AiSettings> {
  const [user, computer] = await Promise.all([readUser(db, userId), readComputer(db)]);
  const chosen = user ?? computer;
  const effective = chosen
    ? { ...toView(chosen), source: user ? ('user' as const) : ('computer' as const) }
    : { provider: 'offline' as const, baseUrl: null, model: null, hasApiKey: false, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, source: 'default' as const };
  return { effective, user: user && toView(user), computer: computer && toView(computer) };
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
  };
}

export async function saveUserAiSettings(db: Db, secrets: SecretBox, userId: string, input: AiSettingsInput): Promise<void> {
  const next = merge(await readUser(db, userId), input, secrets);
  await db
    .insert(userAiSettings)
    .values({ userId, ...next })
    .onConflictDoUpdate({ target: userAiSettings.userId, set: { ...next, updatedAt: new Date() } });
}

export async function clearUserAiSettings(db: Db, userId: string): Promise<void> {
  await db.delete(userAiSettings).where(eq(userAiSettings.userId, userId));
}

export async function saveComputerAiSettings(db: Db, secrets: SecretBox, input: AiSettingsInput): Promise<void> {
  const next = merge(await readComputer(db), input, secrets);
  await db
    .insert(localSettings)
    .values({ key: COMPUTER_KEY, value: next })
    .onConflictDoUpdate({ target: localSettings.key, set: { value: next, updatedAt: new Date() } });
}

/** A saved key, for checking a connection without the page ever holding it. */
export async function savedApiKey(db: Db, secrets: SecretBox, userId: string, of: 'user' | 'computer'): Promise<string | null> {
  const stored = of === 'user' ? await readUser(db, userId) : await readComputer(db);
  return stored?.apiKeyEncrypted ? secrets.open(stored.apiKeyEncrypted) : null;
}

export async function resolveTeacher(db: Db, secrets: SecretBox, userId: string): Promise<TeacherChoice> {
  const chosen = (await readUser(db, userId)) ?? (await readComputer(db));
  if (!chosen || chosen.provider === 'offline') return { provider: 'offline', missing: false };
  if (!chosen.baseUrl || !chosen.model) return { provider: 'offline', missing: true };
  const timeoutMs = chosen.timeoutSeconds * 1000;
  return {
    provider: 'openai',
    endpoint: {
      baseUrl: chosen.baseUrl,
      model: chosen.model,
      apiKey: chosen.apiKeyEncrypted ? secrets.open(chosen.apiKeyEncrypted) : null,
      responseTimeoutMs: timeoutMs,
      idleTimeoutMs: timeoutMs,
    },
  };
}
