import { describe, expect, it } from 'vitest';
import { createHealthHandler } from './health';

const base = { version: '1.2.3', startedAt: 1_000, now: () => 61_500 };

describe('health handler', () => {
  it('is ok when SELECT 1 answers', async () => {
    const handler = createHealthHandler({ ...base, ping: async () => ({ rows: [1] }) });
    expect(await handler()).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', version: '1.2.3', uptimeSeconds: 60 },
    });
  });

  it('is degraded (503) when the database refuses', async () => {
    const handler = createHealthHandler({ ...base, ping: () => Promise.reject(new Error('ECONNREFUSED')) });
    expect(await handler()).toMatchObject({ status: 503, body: { status: 'degraded', database: 'unavailable' } });
  });

  it('is degraded (503) when the database does not answer within the timeout', async () => {
    const handler = createHealthHandler({ ...base, timeoutMs: 50, ping: () => new Promise(() => {}) });
    expect(await handler()).toMatchObject({ status: 503, body: { status: 'degraded', database: 'unavailable' } });
  });
});
