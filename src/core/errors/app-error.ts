import type { AppErrorData, ErrorCode } from '../../shared/errors';

/** A failure the user can be told about. Anything else that escapes a handler is reported as `internal`. */
export class AppError extends Error {
  /** For `rate_limited`. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AppErrorData['issues'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const invalidInput = (message: string, issues?: AppErrorData['issues']) => new AppError('invalid_input', message, issues);
