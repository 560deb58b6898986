import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import type { Backup, RecoveryReason, RecoveryStatus } from '../../shared/contract/backups';
import type { InvokeResult } from '../../shared/errors';
import type { Invoke } from '../dispatch';
import { toErrorData } from '../errors/to-error-data';
import type { DatabaseOpenError } from '../db/open-pglite';

/** The methods a core without a database can answer. */
const RECOVERY_METHODS = ['recovery.status', 'recovery.restore', 'recovery.retry', 'app.info'] as const satisfies readonly MethodName[];
type RecoveryMethod = (typeof RECOVERY_METHODS)[number];

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

const isRecoveryMethod = (method: MethodName): method is RecoveryMethod => (RECOVERY_METHODS as readonly string[]).includes(method);

/**
 * The core that runs when the database could not be opened at start: no database, no sessions, only
 * what the recovery screen needs. Every other method answers `unavailable`. Inputs and outputs are
 * checked against the same contract as the full core's.
 */
export function createRecoveryCore(deps: RecoveryCoreDeps): { invoke: Invoke } {
  const handlers: { [M in RecoveryMethod]: (input: z.output<(typeof contract)[M]['input']>) => Promise<unknown> } = {
    'recovery.status': async () => recoveryStatusOf(deps),
    'recovery.restore': async ({ id }) => ({ restored: await deps.restore(id) }),
    'recovery.retry': async () => deps.retry(),
    'app.info': async () => ({ version: deps.appVersion, pendingChanges: 0 }),
  };
  const invoke: Invoke = async (method, rawInput): Promise<InvokeResult> => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(method).slice(0, 100)}` } };
    }
    if (!isRecoveryMethod(method)) {
      return { ok: false, error: { code: 'unavailable', message: 'The database could not be opened: the app is in recovery mode' } };
    }
    const spec = contract[method];
    const input = spec.input.safeParse(rawInput ?? undefined);
    if (!input.success) return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}` } };
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const output = spec.output.safeParse(await handler(input.data));
      if (!output.success) return { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app' } };
      return { ok: true, value: output.data };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  };
  return { invoke };
}
