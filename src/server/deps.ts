import type { PasswordHasher } from '../core/accounts/password-hasher';
import type { Db } from '../core/db/types';
import type { Logger } from './logger';

/** What the routes share: the pool's database and a few settings. No state lives between requests. */
export interface ServerDeps {
  db: Db;
  tokenSecret: string;
  passwords: PasswordHasher;
  log: Logger;
  now: () => Date;
  /** How many migrations this server's schema holds (a device newer than that is refused). */
  schemaVersion: number;
  /** The fewest migrations a pushing device may have (see OLDEST_DEVICE_MIGRATION). */
  oldestDeviceSchemaVersion: number;
  /** Reverse proxies whose X-Forwarded-For names the client (config TRUSTED_PROXIES). */
  trustedProxies: ReadonlySet<string>;
  /** Rows per pull page (about). */
  pullPageRows: number;
}
