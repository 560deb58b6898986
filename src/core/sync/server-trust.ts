import { localSettings } from '../db/schema';
import type { Db } from '../db/types';
import { adminTrustedServers, normaliseServerUrl, pullCatalogueAgainFrom, TRUSTED_SERVERS_SETTING } from './trusted-server';

/** One spelling of a server's address: scheme and host as URL writes them, the path without trailing slashes. */
export function canonicalServerUrl(url: string): string {
  // The same spelling as the catalogue's trust check (trusted-server.ts), so the two never disagree.
  return normaliseServerUrl(url) ?? url.trim().replace(/\/+$/, '');
}

export const sameServer = (a: string, b: string) => canonicalServerUrl(a) === canonicalServerUrl(b);

export interface ServerTrustView {
  schoolServerUrl: string | null;
  trusted: string[];
}

/** Servers an admin of this computer trusts, besides the school configuration's. */
const readTrusted = async (db: Db) => (await adminTrustedServers(db)).map(canonicalServerUrl);

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
        .values({ key: TRUSTED_SERVERS_SETTING, value: next })
        .onConflictDoUpdate({ target: localSettings.key, set: { value: next, updatedAt: now } });
      // What it sent while untrusted was skipped: its links take its catalogue again at their next sync.
      if (trusted) await pullCatalogueAgainFrom(db, wanted);
      return view();
    },
  };
}

export type ServerTrust = ReturnType<typeof serverTrust>;
