import type { AppErrorData, ErrorCode } from '../../../shared/errors';

export interface ApiErrorIssue {
  path: string;
  message: string;
}

/**
 * A contract call that failed. `code` is one of ERROR_CODES and is what the UI translates;
 * `message` is English for developers and logs, never shown to the student.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly issues: readonly ApiErrorIssue[];
  /** For `rate_limited`: how long until the next attempt is allowed. */
  readonly retryAfterSeconds: number | null;

  constructor(code: ErrorCode, message: string, issues: readonly ApiErrorIssue[] = [], retryAfterSeconds: number | null = null) {
    super(message);
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static fromData(data: AppErrorData): ApiError {
    return new ApiError(data.code, data.message, data.issues ?? [], data.retryAfterSeconds ?? null);
  }

  static unavailable(cause?: unknown): ApiError {
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return new ApiError('unavailable', `The app core could not be reached${detail}`);
  }
}

/** Any failure as an ApiError, so the UI always has a code to translate. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
