import { AppError } from '../core/errors/app-error';
import type { ErrorCode } from '../shared/errors';

/** The statuses the server answers with on failure, each with a stable machine-readable code. */
export const ERROR_CODES = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'unavailable',
} as const;
export type ErrorStatus = keyof typeof ERROR_CODES;

/** Thrown by handlers (or the body reader) to answer with a JSON reason instead of a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly code: string = ERROR_CODES[status],
    readonly headers: Record<string, string> = {},
    /** Extra machine-readable fields next to code and message (validation issues, the last applied id). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Every error response has the same shape: `{ error: { code, message, ...details } }`. */
export const errorBody = (error: HttpError) => ({ error: { ...error.details, code: error.code, message: error.message } });

/** How the core's own error codes read over HTTP (a service refusal is the client's problem, not a 500). */
const STATUS_OF_APP_ERROR: Record<ErrorCode, ErrorStatus> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A core AppError as the HTTP answer it stands for; anything else is not ours to explain (null). */
export function httpErrorOfAppError(error: unknown): HttpError | null {
  if (!(error instanceof AppError)) return null;
  const status = STATUS_OF_APP_ERROR[error.code];
  const headers: Record<string, string> =
    error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
  const details = error.issues ? { issues: error.issues } : {};
  return new HttpError(status, error.message, status === 500 ? ERROR_CODES[500] : error.code, headers, details);
}
