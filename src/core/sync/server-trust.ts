import { eq } from 'drizzle-orm';
import { localSettings } from '../db/schema';
import type { Db } from '../db/types';

/** One spelling of a server's address: scheme and host as URL writes them, the path without trailing slashes. */
export function canonicalServerUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  } catch {
    return trimmed.replace(/\/+$/, '');
  }
}

export const sameServer = (a: string, b: string) => canonicalServerUrl(a) === canonicalServerUrl(b);

/** Servers an admin of this computer trusts, besides the school configuration's. */
const TRUSTED_KEY = 'sync.trustedServers';

export interface ServerTrustView {
  schoolServerUrl: string | null;
  trusted: string[];
}

async function readTrusted(db: Db): Promise<string[]> {
  const [row] = await db.select({ value: localSettings.value }).from(localSettings).where(eq(localSettings.key, TRUSTED_KEY));
  return Array.isArray(row?.value) ? row.value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Which servers may give an account rights on this computer (a teacher's, an admin's). Only the computer's
 * administrator decides: the school configuration's server, and servers an admin trusted here. Any
 * other server — typed on the sign-in screen by whoever sits there — brings students.
 */
export function serverTrust(db: Db, schoolServerUrl: () => string | null) {
  const view = async (): Promise<ServerTrustView> => {
    const school = schoolServerUrl();
    return { schoolServerUrl: school ? canonicalServerUrl(school) : null, trusted: await readTrusted(db) };
  };
  return {
    view,
    async isTrusted(url: string): Promise<boolean> {
      const { schoolServerUrl: school, trusted } = await view();
      const wanted = canonicalServerUrl(url);
      return school === wanted || trusted.includes(wanted);
    },
    /** An admin's choice; the answer is what is trusted now. */
    async set(url: string, trusted: boolean, now: Date): Promise<ServerTrustView> {
      const wanted = canonicalServerUrl(url);
      const others = (await readTrusted(db)).filter((u) => u !== wanted);
      const next = trusted ? [...others, wanted].sort() : others;
      await db
        .insert(localSettings)
        .values({ key: TRUSTED_KEY, value: next })
        .onConflictDoUpdate({ target: localSettings.key, set: { value: next, updatedAt: now } });
      return view();
    },
  };
}

export type ServerTrust = ReturnType<typeof serverTrust>;
