import { SYNC_ISSUE_PATH, type SyncFailure } from '../../shared/contract/sync';
import type { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors/app-error';
import { SyncError } from './sync-http';

/** A sync or link that did not work, with the reason the student is told. */
export class SyncFailed extends Error {
  constructor(
    readonly reason: SyncFailure,
    message: string,
    /** For rate_limited. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SyncFailed';
  }
}

/** What the device was doing: the same HTTP answer means different things (401 at sign-in is a wrong password). */
export type SyncStage = 'credentials' | 'refresh' | 'sync' | 'register';

const SCHEMA_CODE = /schema|version|upgrade/i;

/** The reason behind a failure at some stage of talking to the server (anything unexpected: `internal`). */
export function toSyncFailed(error: unknown, stage: SyncStage): SyncFailed {
  if (error instanceof SyncFailed) return error;
  if (!(error instanceof SyncError)) {
    return new SyncFailed('internal', error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unexpected failure');
  }
  const failed = (reason: SyncFailure) => new SyncFailed(reason, error.message, error.retryAfter);
  switch (error.kind) {
    case 'offline':
      return failed('server_unreachable');
    case 'unauthorized':
      return failed(stage === 'credentials' || stage === 'register' ? 'wrong_password' : 'sign_in_again');
    case 'revoked':
      return failed('device_revoked');
    case 'rate_limited':
      return failed('rate_limited');
    case 'invalid_response':
      return failed('invalid_response');
    case 'conflict':
      if (error.code === 'mutation_gap' || error.code === 'gap') return failed('gap');
      if (error.code && SCHEMA_CODE.test(error.code)) return failed('update_required');
      return failed(stage === 'register' ? 'account_exists' : 'server_error');
    case 'server':
      if (error.code && SCHEMA_CODE.test(error.code)) return failed('update_required');
      return failed('server_error');
  }
}

const CODES: Record<SyncFailure, ErrorCode> = {
  server_unreachable: 'unavailable',
  wrong_password: 'unauthenticated',
  rate_limited: 'rate_limited',
  account_exists: 'conflict',
  local_account_exists: 'conflict',
  device_revoked: 'forbidden',
  sign_in_again: 'unauthenticated',
  gap: 'conflict',
  update_required: 'unavailable',
  server_error: 'unavailable',
  invalid_response: 'unavailable',
  not_linked: 'not_found',
  already_linked: 'conflict',
  internal: 'internal',
};

/** The AppError the student's page gets: its code, and the reason as the `sync` issue (plus the field, for a password). */
export function toAppError(failure: SyncFailed): AppError {
  const issues = [{ path: SYNC_ISSUE_PATH, message: failure.reason }];
  if (failure.reason === 'wrong_password') issues.push({ path: 'password', message: 'wrong_password' });
  const error = new AppError(CODES[failure.reason], failure.message, issues);
  if (failure.reason === 'rate_limited') error.retryAfterSeconds = Math.max(1, Math.ceil(failure.retryAfterSeconds ?? 60));
  return error;
}

