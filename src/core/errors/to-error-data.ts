import type { AppErrorData } from '../../shared/errors';
import { AppError } from './app-error';

/** PostgreSQL's SQLSTATE of the error or of its cause (drizzle wraps driver errors). */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * What a caller is told about a failure. Database constraint violations become the input or conflict
 * errors they are; anything unexpected is `internal`, with no SQL or stack leaking out.
 */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  switch (sqlState(error)) {
    case '23505':
      return { code: 'conflict', message: 'That already exists' };
    case '23503':
      return { code: 'not_found', message: 'A referenced item does not exist' };
    case '23514':
    case '23502':
    case '22P02':
    case '22003':
      return { code: 'invalid_input', message: 'The data breaks a rule of the data model' };
    default:
      return { code: 'internal', message: 'Something went wrong inside the app' };
  }
}

/**
 * For logs: the innermost cause's name and message. Drizzle's own message embeds the query's
 * parameters (a student's message, say), which must never reach a log file.
 */
export function describeError(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 3 && (e as { cause?: unknown })?.cause; depth++) e = (e as { cause: unknown }).cause;
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
  return String(e).slice(0, 500);
}
