import type { PGlite } from '@electric-sql/pglite';
import path from 'node:path';
import type { Backup, BackupReason } from '../../shared/contract/backups';
import { AppError } from '../errors/app-error';
import type { DispatchLogger } from '../dispatch';
import { BACKUPS_DIR_NAME, createBackupStore, type BackupStore } from './backup-store';
import { appliedMigrations, dumpDatabase, pendingMigrations } from './dump';

/** Backups of the open local database, as the core's handlers and the app shell see them. */
export interface BackupsService {
  readonly keep: number;
  /** Newest first. */
  list(): Backup[];
  /** Dumps the live database into a new backup; then deletes all but the newest `keep` unless told not to. */
  create(reason: BackupReason, options?: { prune?: boolean }): Promise<Backup>;
  /**
   * Replaces the database with a backup. Only the app shell can do it (the core must be closed and
   * opened again), so it is handed in; without one this refuses.
   */
  restore(id: string): Promise<Backup>;
}

export type RestoreBackup = (id: string) => Promise<Backup>;

export interface BackupServiceOptions {
  client: PGlite;
  store: BackupStore;
  appVersion: string;
  restore?: RestoreBackup | null;
}

export function createBackupService({ client, store, appVersion, restore }: BackupServiceOptions): BackupsService {
  // One backup at a time: two dumps would only queue inside PGlite anyway, and the names must not race.
  let queue: Promise<unknown> = Promise.resolve();
  const create = (reason: BackupReason, { prune = true }: { prune?: boolean } = {}) => {
    const run = queue.then(async () => {
      const migrations = (await appliedMigrations(client))?.count ?? null;
      const archive = await dumpDatabase(client);
      const backup = store.write(reason, archive, { appVersion, migrations });
      if (prune) store.prune();
      return backup;
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    keep: store.keep,
    list: () => store.list(),
    create,
    restore: async (id) => {
      if (!restore) throw new AppError('unavailable', 'Restoring a backup needs the app to reopen its database, which this core cannot do');
      return restore(id);
    },
  };
}

export interface LocalBackupsOptions {
  /** The app's data directory: backups go to `<dataDir>/backups`. */
  dataDir: string;
  appVersion: string;
  migrationsFolder: string;
  /** How many backups to keep (7 when not given). */
  keepBackups?: number;
  now?: () => Date;
  restoreBackup?: RestoreBackup | null;
  logger?: DispatchLogger;
}

/** Thrown by `beforeMigrate` when the safety copy before a migration could not be written. */
export class BackupBeforeMigrationFailed extends Error {
  override readonly name = 'BackupBeforeMigrationFailed';
}

/** The local core's backups: the store in the data directory, the pre-migration hook, the service. */
export function localBackups(options: LocalBackupsOptions) {
  const store = createBackupStore(path.join(options.dataDir, BACKUPS_DIR_NAME), { keep: options.keepBackups, now: options.now });
  const serviceFor = (client: PGlite) =>
    createBackupService({ client, store, appVersion: options.appVersion, restore: options.restoreBackup ?? null });
  return {
    store,
    serviceFor,
    /**
     * Before migrating a database that was already there (not one created on this start), when the
     * migrations folder holds migrations it has not applied: a `migration` backup of it as it is.
     */
    beforeMigrate: async (client: PGlite, context: { existed: boolean }) => {
      if (!context.existed) return;
      const { applied, pending } = await pendingMigrations(client, options.migrationsFolder);
      if (applied === 0 || pending.length === 0) return;
      try {
        const backup = await serviceFor(client).create('migration');
        options.logger?.info?.('migrating the database', { applied, pending, backup: backup.id });
      } catch (error) {
        throw new BackupBeforeMigrationFailed(
          `Could not back up the database before applying ${pending.length} migration(s) (${pending.join(', ')}): ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    },
  };
}
