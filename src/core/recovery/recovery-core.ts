import type { Backup, RecoveryReason, RecoveryStatus } from '../../shared/contract/backups';
import type { AppErrorData } from '../../shared/errors';
import { createPartialDispatcher, type DispatchLogger, type Invoke } from '../dispatch';
import type { Handlers } from '../handlers';
import type { DatabaseOpenError } from '../db/open-pglite';

/** The methods a core without a database can answer. */
type RecoveryMethod = 'recovery.status' | 'recovery.restore' | 'recovery.retry' | 'app.info';

export interface RecoveryCoreDeps {
  appVersion: string;
  dataDir: string;
  failure: DatabaseOpenError;
  backups: () => Backup[];
  /** Restores a backup and opens the app on it (the app shell's work). */
  restore: (id: string) => Promise<Backup>;
  /** Tries to open the database again; resolves with the status afterwards. */
  retry: () => Promise<RecoveryStatus>;
}

/** As before the shared dispatcher: recovery mode's refusals are answers, not log lines. */
const SILENT: DispatchLogger = { error: () => {} };
/** Nobody is signed in while the database is closed; the recovery methods are public. */
const NOBODY = { current: null };

export function recoveryReasonOf(failure: DatabaseOpenError): RecoveryReason {
  if (failure.stage === 'migrate') return 'migration_failed';
  if (failure.stage === 'backup') return 'backup_failed';
  return 'database_damaged';
}

export function recoveryStatusOf(deps: Pick<RecoveryCoreDeps, 'failure' | 'dataDir' | 'backups'>): RecoveryStatus {
  return {
    active: true,
    reason: recoveryReasonOf(deps.failure),
    detail: deps.failure.detail.slice(0, 4000),
    dataDir: deps.dataDir,
    backups: deps.backups(),
  };
}

/**
 * The core that runs when the database could not be opened at start: no database, no sessions, only
 * what the recovery screen needs. Every other method answers `unavailable`. Inputs and outputs are
 * checked by the same dispatcher as the full core's.
 */
export function createRecoveryCore(deps: RecoveryCoreDeps): { invoke: Invoke } {
  const handlers: Pick<Handlers, RecoveryMethod> = {
    'recovery.status': async () => recoveryStatusOf(deps),
    'recovery.restore': async ({ id }) => ({ restored: await deps.restore(id) }),
    'recovery.retry': async () => deps.retry(),
    'app.info': async () => ({ version: deps.appVersion, pendingChanges: 0 }),
  };
  const unavailable: AppErrorData = { code: 'unavailable', message: 'The database could not be opened: the app is in recovery mode' };
  return { invoke: createPartialDispatcher(handlers, SILENT, NOBODY, unavailable) };
}
