import type { CoreDeps, HandlerGroup } from '../handlers';
import { clearUserAiSettings, getAiSettings, saveComputerAiSettings, savedApiKey, saveUserAiSettings } from './ai-settings';
import { AppError } from '../errors/app-error';
import { listModels } from './openai-client';
import { normaliseBaseUrl } from './openai-endpoint';
import { ProviderError } from './provider';
import { lockedBySchool } from '../school/school-policy';

type AiMethods = 'ai.getSettings' | 'ai.saveUserSettings' | 'ai.clearUserSettings' | 'ai.saveComputerSettings' | 'ai.checkConnection';

/** How long a connection check may take: it is interactive, so shorter than a reply's timeout. */
const CHECK_TIMEOUT_MS = 10_000;

export const aiHandlers = ({ db, session, secrets, school, now }: CoreDeps): HandlerGroup<AiMethods> => ({
  'ai.getSettings': async () => getAiSettings(db, session.requireUserId(), school),
  'ai.saveUserSettings': async (input) => {
    const userId = session.requireUserId();
    school.refuseIfLocked('ai');
    await saveUserAiSettings(db, secrets, userId, input, now());
    return getAiSettings(db, userId, school);
  },
  'ai.clearUserSettings': async () => {
    const userId = session.requireUserId();
    await clearUserAiSettings(db, userId);
    return getAiSettings(db, userId, school);
  },
  'ai.saveComputerSettings': async (input) => {
    // A locked teacher the school named wins over the computer's: saving one would change nothing.
    if (school.isLocked('ai') && school.ai) throw lockedBySchool('ai');
    await saveComputerAiSettings(db, secrets, input, now());
    return getAiSettings(db, session.requireUserId(), school);
  },
  'ai.checkConnection': async ({ baseUrl, apiKey, useSavedKeyOf }) => {
    const userId = session.requireUserId();
    // The computer's key is the admin's: anyone else could send it to a server of their own choosing.
    if (apiKey === undefined && useSavedKeyOf === 'computer' && session.current?.role !== 'admin') {
      throw new AppError('forbidden', 'Only an admin of this computer may use its saved key');
    }
    const key = apiKey ?? (useSavedKeyOf ? await savedApiKey(db, secrets, userId, useSavedKeyOf) : null);
    try {
      const models = await listModels(
        { baseUrl: normaliseBaseUrl(baseUrl), model: '', apiKey: key, responseTimeoutMs: CHECK_TIMEOUT_MS, idleTimeoutMs: CHECK_TIMEOUT_MS },
        AbortSignal.timeout(CHECK_TIMEOUT_MS * 2),
      );
      return { ok: true as const, models };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      const reason = error.code === 'cancelled' ? 'timeout' : error.code;
      return { ok: false as const, reason, detail: error.message.slice(0, 300) };
    }
  },
});
