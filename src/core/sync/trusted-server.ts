import { eq } from 'drizzle-orm';
import type { SchoolConfig } from '../../shared/school-config';
import { localSettings, syncAccounts } from '../db/schema';
import { formatCursor, parseCursor } from './cursor';
import type { Db } from '../db/types';

/**
 * The `local_settings` key holding the servers an admin of this computer trusted explicitly: a JSON
 * array of addresses. Only an admin may write it (the accounts area owns that setting).
 */
export const TRUSTED_SERVERS_SETTING = 'sync.trustedServers';

/**
 * One spelling of a server address, so `HTTP://School.Local:80/sync/` and `http://school.local/sync`
 * are the same server: scheme and host lower-cased, the default port dropped, no trailing slash, no
 * query or fragment. Null for anything that is not an http(s) address (never trusted).
 */
export function normaliseServerUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** Where the school's server is named: the school configuration (SchoolPolicy has it). */
export interface TrustSource {
  readonly config: SchoolConfig | null;
}

/** The addresses an admin trusted, as stored; anything malformed in the setting counts as nothing. */
export async function adminTrustedServers(db: Db): Promise<string[]> {
  const [row] = await db.select({ value: localSettings.value }).from(localSettings).where(eq(localSettings.key, TRUSTED_SERVERS_SETTING));
  const value = row?.value;
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Is this the computer's trusted server — the school configuration's sync server, or one an admin of
 * this computer trusted? Only such a server may change what everyone on the computer shares (the
 * catalogue) or grant rights here; any other server a student links to syncs that student's own rows.
 */
export async function isTrustedServer(db: Db, school: TrustSource, serverUrl: string): Promise<boolean> {
  const server = normaliseServerUrl(serverUrl);
  if (!server) return false;
  const schoolServer = school.config?.syncServerUrl;
  if (schoolServer && normaliseServerUrl(schoolServer) === server) return true;
  return (await adminTrustedServers(db)).some((trusted) => normaliseServerUrl(trusted) === server);
}

/**
 * When an admin comes to trust a server: the links to it pull its whole catalogue again at their next
 * sync. What an untrusted server sent was skipped, and its cursor had moved past it.
 */
export async function pullCatalogueAgainFrom(db: Db, serverUrl: string): Promise<number> {
  const server = normaliseServerUrl(serverUrl);
  if (!server) return 0;
  const links = await db.select({ userId: syncAccounts.userId, serverUrl: syncAccounts.serverUrl, cursor: syncAccounts.cursor }).from(syncAccounts);
  let reset = 0;
  for (const link of links.filter((l) => normaliseServerUrl(l.serverUrl) === server)) {
    const cursor = formatCursor({ ...parseCursor(link.cursor), catalogue: 0 });
    if (cursor === link.cursor) continue;
    await db.update(syncAccounts).set({ cursor }).where(eq(syncAccounts.userId, link.userId));
    reset++;
  }
  return reset;
}
