import { describe, expect, it } from 'vitest';
import { describeError, isDatabaseUnavailable, sqlStateOf, withTransientRetry } from './db-errors';
import { HttpError } from './http-errors';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
/** How drizzle wraps a driver error: the statement and its parameters in the message. */
const wrapped = (cause: Error) => Object.assign(new Error(`Failed query: insert into users values ($1)\nparams: $2a$10$secret-hash`), { cause });

describe('database errors', () => {
  it('finds the SQLSTATE through drizzle’s wrapper', () => {
    expect(sqlStateOf(wrapped(pgError('40001')))).toBe('40001');
    expect(sqlStateOf(new Error('plain'))).toBeNull();
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeNull();
  });

  it('retries a transaction that lost a race, then succeeds', async () => {
    let calls = 0;
    const result = await withTransientRetry(async () => {
      calls++;
      if (calls < 3) throw wrapped(pgError(calls === 1 ? '40001' : '40P01'));
      return 'done';
    });
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('gives up with 503 and Retry-After when the race keeps being lost, or the database is away', async () => {
    let calls = 0;
    const lost = await withTransientRetry(async () => {
      calls++;
      throw pgError('40001');
    }).catch((error: unknown) => error);
    expect(calls).toBe(3);
    expect(lost).toBeInstanceOf(HttpError);
    expect(lost).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    const away = await withTransientRetry(() => Promise.reject(new Error('timeout exceeded when trying to connect'))).catch((e: unknown) => e);
    expect(away).toMatchObject({ status: 503 });
    expect(isDatabaseUnavailable(pgError('57P01'))).toBe(true);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const error = await withTransientRetry(async () => {
      calls++;
      throw pgError('23505');
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toMatchObject({ code: '23505' });
  });

  it('describes an error for the log without the statement’s parameters', () => {
    const described = describeError(wrapped(pgError('23505', 'duplicate key value violates unique constraint "users_email_unique"')));
    expect(described).toMatchObject({ message: 'duplicate key value violates unique constraint "users_email_unique"', sqlState: '23505' });
    expect(JSON.stringify(described)).not.toContain('secret-hash');
  });
});
