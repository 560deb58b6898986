import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createApi } from './api';
import type { Transport } from './transport';

const transportAnswering = (answer: Transport['invoke']): Transport => ({ invoke: answer, subscribe: () => () => {} });

describe('api.call', () => {
  it('resolves with the value of a successful call', async () => {
    const api = createApi(() => transportAnswering(async () => ({ ok: true, value: [] })));
    await expect(api.call('courses.list')).resolves.toEqual([]);
  });

  it('throws an ApiError with the code and issues of a failed call', async () => {
    const issues = [{ path: 'courseId', message: 'Invalid UUID' }];
    const api = createApi(() =>
      transportAnswering(async () => ({ ok: false, error: { code: 'invalid_input', message: 'Invalid input', issues } })),
    );
    const error = await api.call('courses.get', { courseId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', issues });
  });

  it('reports a transport that cannot reach the core as unavailable', async () => {
    const api = createApi(() =>
      transportAnswering(async () => {
        throw new Error('IPC channel closed');
      }),
    );
    await expect(api.call('app.info')).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('api.signOutWith', () => {
  const deferred = () => {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
  const settledWithin = async (promise: Promise<unknown>) => {
    let settled = false;
    void promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    return settled;
  };

  it('holds a page’s call made during a sign-out, and drops it once the student is gone; the sign-in screen’s calls go ahead', async () => {
    const sent: string[] = [];
    const api = createApi(() =>
      transportAnswering(async (method) => {
        sent.push(method);
        return { ok: true, value: [] };
      }),
    );
    const signOut = deferred();
    const leaving = api.signOutWith(() => signOut.promise);
    const pageCall = api.call('courses.list');
    await expect(api.call('accounts.signInScreen')).resolves.toEqual([]);
    signOut.resolve();
    await leaving;
    expect(await settledWithin(pageCall)).toBe(false);
    expect(sent).toEqual(['accounts.signInScreen']);
    // Whoever signs in next calls as usual.
    await expect(api.call('courses.list')).resolves.toEqual([]);
    expect(sent).toEqual(['accounts.signInScreen', 'courses.list']);
  });

  it('lets the held calls go ahead when the sign-out failed', async () => {
    const sent: string[] = [];
    const api = createApi(() =>
      transportAnswering(async (method) => {
        sent.push(method);
        return { ok: true, value: [] };
      }),
    );
    const signOut = deferred();
    const leaving = api.signOutWith(() => signOut.promise);
    const pageCall = api.call('courses.list');
    signOut.reject(new Error('unavailable'));
    await expect(leaving).rejects.toThrow('unavailable');
    await expect(pageCall).resolves.toEqual([]);
    expect(sent).toEqual(['courses.list']);
  });
});
