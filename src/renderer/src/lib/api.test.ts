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
