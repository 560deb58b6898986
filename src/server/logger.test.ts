import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './logger';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { log: createLogger(stream, () => new Date('2025-01-02T03:04:05.000Z')), lines };
}

describe('logger', () => {
  it('writes one JSON object per line with time, level and msg', () => {
    const { log, lines } = capture();
    log.info('request', { method: 'GET', status: 200 });
    log.error('boom');
    expect(lines).toEqual([
      { time: '2025-01-02T03:04:05.000Z', level: 'info', msg: 'request', method: 'GET', status: 200 },
      { time: '2025-01-02T03:04:05.000Z', level: 'error', msg: 'boom' },
    ]);
  });

  it('drops sensitive keys anywhere in the fields', () => {
    const { log, lines } = capture();
    log.warn('sign-in', {
      user: 'ada',
      password: 'p1',
      nested: { TOKEN_SECRET: 's1', refreshToken: 't1', list: [{ Authorization: 'Bearer x', apiKey: 'k1', api_key: 'k2', ok: 1 }] },
    });
    expect(lines[0]).toEqual({
      time: '2025-01-02T03:04:05.000Z',
      level: 'warn',
      msg: 'sign-in',
      user: 'ada',
      nested: { list: [{ ok: 1 }] },
    });
    expect(JSON.stringify(lines)).not.toMatch(/p1|s1|t1|Bearer|k1|k2/);
  });

  it('never lets a field overwrite time, level or msg', () => {
    const { log, lines } = capture();
    log.info('real', { msg: 'fake', level: 'error', time: 'then' });
    expect(lines[0]).toEqual({ time: '2025-01-02T03:04:05.000Z', level: 'info', msg: 'real' });
  });

  it('keeps an error message and survives cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact({ error: new Error('bad'), cyclic })).toMatchObject({
      error: { name: 'Error', message: 'bad' },
      cyclic: { a: 1, self: '[circular]' },
    });
  });
});
