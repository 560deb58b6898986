import { HttpError } from './http-errors';

/** The SQLSTATE of a PostgreSQL error, looking through drizzle's wrapper (`DrizzleQueryError.cause`). */
export function sqlStateOf(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** A transaction that lost a race (serialization failure, deadlock): running it again may well succeed. */
export const isRetryable = (error: unknown): boolean => {
  const state = sqlStateOf(error);
  return state === '40001' || state === '40P01';
};

/** PostgreSQL is unreachable, shutting down or out of connections: the client should come back later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state && (/^08/.test(state) || /^57P0[1-3]$/.test(state) || state === '53300')) return true;
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  );
}

export const RETRY_ATTEMPTS = 3;

/**
 * Run a whole transaction again when PostgreSQL aborted it for a race (at most RETRY_ATTEMPTS times);
 * when it keeps losing, or the database is unavailable, the client gets a 503 with Retry-After.
 */
export async function withTransientRetry<T>(work: () => Promise<T>, attempts = RETRY_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (isRetryable(error) && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
        continue;
      }
      if (isRetryable(error) || isDatabaseUnavailable(error)) {
        throw new HttpError(503, 'The database is busy; try again shortly.', undefined, { 'Retry-After': '1' });
      }
      throw error;
    }
  }
}

/**
 * An error as a log may show it: drizzle's query errors carry the statement's parameters in their
 * message (password hashes, token hashes), so only the database's own message and code are kept.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const wrapped = error.message.startsWith('Failed query:') && error.cause instanceof Error;
  const inner = wrapped ? (error.cause as Error) : error;
  return {
    name: inner.name,
    message: inner.message,
    ...(sqlStateOf(error) ? { sqlState: sqlStateOf(error) } : {}),
    stack: inner.stack,
  };
}
