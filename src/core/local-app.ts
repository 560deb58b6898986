import { rejoinAfterRestore } from './sync/rejoin-after-restore';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { CoreEvent } from '../shared/contract';
import type { Backup, RecoveryStatus } from '../shared/contract/backups';
import { readBackupArchive } from './backups/archive';
import { BACKUPS_DIR_NAME, createBackupStore, DEFAULT_BACKUPS_KEPT } from './backups/backup-store';
import { startDailyBackups, type DailyBackupOptions, type DailyBackups } from './backups/daily-backups';
import { createLocalCore, type Core, type LocalCoreOptions } from './create-core';
import { acquireDataDirLock } from './db/data-dir-lock';
import { executeRows } from './db/execute-rows';
import { DatabaseOpenError, isDatabaseOpenError, openPglite } from './db/open-pglite';
import type { Invoke } from './dispatch';
import { Fanout } from './events/fanout';
import { AppError, notFound } from './errors/app-error';
import { describeError } from './errors/to-error-data';
import { restrictDataDir } from './files/private-data-dir';
import type { CoreLogger } from './diagnostics/logger';
import { createRecoveryCore, recoveryStatusOf } from './recovery/recovery-core';
import { systemClock } from './clock';

export interface LocalAppOptions extends Omit<LocalCoreOptions, 'dataDirLockHeld' | 'restoreBackup'> {
  /** Daily backups while the app runs (on unless `false`); tests shorten the timers. */
  dailyBackups?: DailyBackupOptions | false;
}

/** What a seam needs: one `invoke` and one event stream, whichever core is behind them. */
export interface LocalApp {
  invoke: Invoke;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** The open core, or null in recovery mode (the database could not be opened). */
  readonly core: Core | null;
  /** Why the app is in recovery mode, or null when it is not. */
  recoveryStatus(): RecoveryStatus;
  close(): Promise<void>;
}

type State =
  | { kind: 'open'; core: Core; unsubscribe: () => void; daily: DailyBackups | null }
  | { kind: 'recovery'; failure: DatabaseOpenError; invoke: Invoke }
  | { kind: 'switching' }
  | { kind: 'closed' };

const DB_DIR = 'db';
const ASIDE_PREFIX = `${DB_DIR}.before-restore-`;
const stampOf = (at: Date) => `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;

/**
 * A restore that a crash interrupted. The backup is unpacked into `db.restoring`, which becomes
 * `db.restored` once it is complete (unpacked, migrated, closed); then `db` moves aside and
 * `db.restored` takes its place. So: `db.restoring` is always half-made — delete it; `db.restored` with
 * `db` missing is the restored database, ready — finish the swap; with `db` still there the restore
 * never happened — delete it (the backup can be restored again).
 */
export function finishInterruptedRestore(dbDir: string): void {
  fs.rmSync(`${dbDir}.restoring`, { recursive: true, force: true });
  const restored = `${dbDir}.restored`;
  if (!fs.existsSync(restored)) return;
  if (fs.existsSync(dbDir)) fs.rmSync(restored, { recursive: true, force: true });
  else fs.renameSync(restored, dbDir);
}

/**
 * The local app (desktop and browser mode) over its data directory: the core on the database, or —
 * when the database cannot be opened — the recovery core, and the switch between them when a backup is
 * restored. Holds the data directory's lock for its whole life, across the switches.
 *
 * Restoring (`backups.restore` from Settings, `recovery.restore` from the recovery screen):
 * 1. the backup is read and checked whole (a damaged one fails here, nothing has changed);
 * 2. with a database open: a `before-restore` backup of it, then the core closes;
 * 3. the backup is unpacked into `db.restoring` by PGlite (`loadDataDir`), migrated and checked, and
 *    renamed `db.restored` (complete);
 * 4. `db` becomes `db.before-restore-<time>`, `db.restored` becomes `db`, and the core opens on it;
 * 5. if it does not open, the previous `db` is put back (and opened again); if it does, the aside copy
 *    is deleted — except when it was a database that could not be opened (recovery mode), which no
 *    backup holds: the newest such copy is kept for a person who wants to look into it.
 * Calls that arrive meanwhile wait for the switch. Everybody is signed out afterwards.
 */
export async function openLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const lock = acquireDataDirLock(options.dataDir);
  const now = options.now ?? systemClock;
  const logger = options.logger ?? { error: (message: string, data?: Record<string, unknown>) => console.error(`[app] ${message}`, data ?? '') };
  const store = createBackupStore(path.join(options.dataDir, BACKUPS_DIR_NAME), {
    keep: options.keepBackups ?? DEFAULT_BACKUPS_KEPT,
    now,
  });
  const dbDir = path.join(options.dataDir, DB_DIR);
  // The page's listeners outlive each core (a restore swaps it): the open core's events are relayed.
  const pageEvents = new Fanout<CoreEvent>();
  const emit = (event: CoreEvent) => pageEvents.emit(event);
  let state: State = { kind: 'switching' };
  let switching: Promise<unknown> | null = null;

  /**
   * Owner-only data directory (src/core/files/private-data-dir.ts): before opening (an older install's
   * 0666 files, said in the log), after opening (a first start's copy of the template), after a restore,
   * and on close (what PGlite created while it ran).
   */
  const keepPrivate = (when: 'start' | 'opened' | 'restore' | 'close') => {
    try {
      const changed = restrictDataDir(options.dataDir);
      if (changed > 0 && when === 'start') {
        const warn = (logger as Partial<CoreLogger>).warn?.bind(logger) ?? logger.error.bind(logger);
        warn('the data directory was readable by other users of the computer: made owner-only', { changed });
      }
    } catch (error) {
      logger.error('the data directory could not be made owner-only', { when, error: describeError(error) });
    }
  };

  const status = (): RecoveryStatus =>
    state.kind === 'recovery' ? recoveryStatusOf({ failure: state.failure, dataDir: options.dataDir, backups: () => store.list() }) : { active: false };

  /**
   * Opens the core on `db`, or the recovery core when the database refuses. Any other failure is thrown
   * at start (`startup`: the app cannot run at all); later (a retry, a restore) it too leaves the app in
   * recovery mode, so there is always something answering.
   */
  async function open(startup = false): Promise<void> {
    try {
      const core = await createLocalCore({ ...options, dataDirLockHeld: true, restoreBackup: (id) => restore(id) });
      const daily =
        options.dailyBackups === false || !core.backups
          ? null
          : startDailyBackups(
              {
                backups: core.backups,
                hasAccounts: async () => (await executeRows<{ any: boolean }>(core.db, sql`SELECT EXISTS (SELECT 1 FROM users) AS any`))[0]?.any === true,
                now,
                onError: (error) => logger.error('daily backup failed', { error: describeError(error) }),
              },
              options.dailyBackups,
            );
      state = { kind: 'open', core, unsubscribe: core.subscribe(emit), daily };
    } catch (caught) {
      if (!isDatabaseOpenError(caught) && startup) throw caught;
      const error = isDatabaseOpenError(caught)
        ? caught
        : new DatabaseOpenError('open', describeError(caught), describeError(caught), { cause: caught });
      logger.error('the database could not be opened: recovery mode', { stage: error.stage, detail: error.detail });
      const recovery = createRecoveryCore({
        appVersion: options.appVersion,
        dataDir: options.dataDir,
        failure: error,
        backups: () => store.list(),
        restore: (id) => restore(id),
        retry: () => retry(),
      });
      state = { kind: 'recovery', failure: error, invoke: recovery.invoke };
    }
  }

  /** The open core now (a function, so that TypeScript does not keep a narrowing across an `await open()`). */
  const openCore = (): Core | null => (state.kind === 'open' ? state.core : null);

  async function closeCurrent(): Promise<void> {
    const current = state;
    state = { kind: 'switching' };
    if (current.kind !== 'open') return;
    await current.daily?.stop();
    current.unsubscribe();
    await current.core.close();
  }

  /** Runs a switch of cores; calls that arrive meanwhile wait for it. One at a time. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (switching) return Promise.reject(new AppError('conflict', 'A restore is already in progress'));
    const run = work();
    switching = run;
    const clear = () => {
      if (switching === run) switching = null;
    };
    run.then(clear, clear);
    return run;
  }

  const retry = () =>
    exclusive(async () => {
      if (state.kind === 'recovery') {
        state = { kind: 'switching' };
        await open();
      }
      return status();
    });

  const restore = (id: string): Promise<Backup> => logRestore(id, restoreNow(id));

  /** Every restore, done or refused, is in the log with its reason (support asks "what happened to my data?"). */
  const logRestore = (id: string, restoring: Promise<Backup>) =>
    restoring.then(
      (backup) => {
        logger.info?.('backup restored', { backup: id, createdAt: backup.createdAt, reason: backup.reason });
        return backup;
      },
      (error: unknown) => {
        logger.warn?.('backup not restored', { backup: id, error: describeError(error) });
        throw error;
      },
    );

  const restoreNow = (id: string): Promise<Backup> =>
    exclusive(async () => {
      const backup = store.find(id);
      if (!backup) throw notFound('The backup');
      const tar = await readBackupArchive(store.archivePath(id), id);
      const from = state.kind;
      // Whoever is signed in stays signed in if the restore fails and the same database opens again.
      const signedIn = state.kind === 'open' ? state.core.session.current : null;
      if (state.kind === 'open') {
        // The database being replaced is itself kept, as a backup that can be restored like any other.
        await state.core.backups?.create('before-restore', { prune: false });
      }
      await closeCurrent();

      const restoring = `${dbDir}.restoring`;
      const restored = `${dbDir}.restored`;
      fs.rmSync(restoring, { recursive: true, force: true });
      fs.rmSync(restored, { recursive: true, force: true });
      try {
        const database = await openPglite({
          dataDir: restoring,
          migrationsFolder: options.migrationsFolder,
          loadDataDir: new Blob([tar], { type: 'application/x-tar' }),
        });
        try {
          await executeRows(database.db, sql`SELECT count(*) FROM users`);
          await rejoinAfterRestore(database.db);
        } finally {
          await database.close();
        }
        fs.renameSync(restoring, restored);
      } catch (error) {
        fs.rmSync(restoring, { recursive: true, force: true });
        fs.rmSync(restored, { recursive: true, force: true });
        await open();
        if (signedIn) openCore()?.session.signIn(signedIn);
        const why = error instanceof DatabaseOpenError ? error.detail.split('\n')[0] : describeError(error);
        throw new AppError('invalid_input', `The backup ${id} could not be restored: ${why}`);
      }

      const aside = path.join(options.dataDir, `${ASIDE_PREFIX}${stampOf(now())}`);
      const hadDatabase = fs.existsSync(dbDir);
      if (hadDatabase) fs.renameSync(dbDir, aside);
      fs.renameSync(restored, dbDir);
      await open();
      if (state.kind !== 'open') {
        // The restored database did not open: back to the one that was there.
        const why = state.kind === 'recovery' ? state.failure.detail.split('\n')[0] : 'unknown';
        await closeCurrent();
        fs.rmSync(dbDir, { recursive: true, force: true });
        if (hadDatabase) fs.renameSync(aside, dbDir);
        await open();
        if (signedIn) openCore()?.session.signIn(signedIn);
        throw new AppError('invalid_input', `The backup ${id} was unpacked but the app could not open it: ${why}`);
      }

      const keepAside = from === 'recovery' && hadDatabase ? path.basename(aside) : null;
      for (const name of fs.readdirSync(options.dataDir)) {
        if (name.startsWith(ASIDE_PREFIX) && name !== keepAside) fs.rmSync(path.join(options.dataDir, name), { recursive: true, force: true });
      }
      store.prune();
      keepPrivate('restore');
      // Every window starts afresh: the sessions of the replaced database are gone.
      emit({ name: 'session.changed', payload: { userId: null } });
      return backup;
    });

  store.removeTemporary();
  finishInterruptedRestore(dbDir);
  keepPrivate('start');
  try {
    await open(true);
  } catch (error) {
    lock.release();
    throw error;
  }
  keepPrivate('opened');

  const current = (): Invoke => {
    if (state.kind === 'open') return state.core.invoke;
    if (state.kind === 'recovery') return state.invoke;
    return async () => ({ ok: false, error: { code: 'unavailable', message: 'The app is closed' } });
  };

  return {
    invoke: async (method, input) => {
      // A call that arrives while a backup is being restored waits for the app on the restored database.
      while (switching) await switching.catch(() => undefined);
      return current()(method, input);
    },
    subscribe: (listener) => pageEvents.subscribe(listener),
    get core() {
      return openCore();
    },
    recoveryStatus: status,
    close: async () => {
      while (switching) await switching.catch(() => undefined);
      try {
        await closeCurrent();
      } finally {
        state = { kind: 'closed' };
        keepPrivate('close');
        lock.release();
      }
    },
  };
}
