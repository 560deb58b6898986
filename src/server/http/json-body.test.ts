import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ServerApp } from './app';
import { testApp } from './test-app';

const apps: ServerApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** An app with one route that echoes its JSON body, and one whose body must be an object with a number `a`. */
function echo(maxBodyBytes: number) {
  const { app } = testApp((a) => {
    a.post('/echo', async (req) => ({ echo: req.body }));
    a.post('/typed', { schema: { body: z.object({ a: z.number() }) } }, async (req) => ({ a: req.body.a }));
  }, maxBodyBytes);
  apps.push(app);
  return async (payload: string | Readable, headers: Record<string, string> = { 'content-type': 'application/json' }, url = '/echo') => {
    const response = await app.inject({ method: 'POST', url, payload, headers });
    return { status: response.statusCode, body: response.json() };
  };
}

/** A body that arrives in chunks, without a declared length. */
const chunked = (chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)), { objectMode: false });

describe('JSON request bodies', () => {
  it('parses JSON, whatever Content-Type the client sent', async () => {
    const post = echo(100);
    expect(await post('{"a":[1,2]}')).toEqual({ status: 200, body: { echo: { a: [1, 2] } } });
    expect(await post('{"a":[1,2]}', { 'content-type': 'text/plain;charset=UTF-8' })).toEqual({ status: 200, body: { echo: { a: [1, 2] } } });
    expect(await post(chunked(['{"a":', '[1,2]}']))).toEqual({ status: 200, body: { echo: { a: [1, 2] } } });
  });

  it('answers 400 for bad or missing JSON', async () => {
    const post = echo(100);
    expect(await post('{nope')).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'The request body is not valid JSON.' } } });
    expect(await post('')).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'A JSON request body is required.' } } });
    // No body at all, not even a Content-Type, on a route that needs one.
    expect(await post('', {}, '/typed')).toMatchObject({ status: 400, body: { error: { message: 'A JSON request body is required.' } } });
    expect(await post('{"a":"x"}', {}, '/typed')).toMatchObject({ status: 400, body: { error: { message: 'The request body is not valid.', issues: [{ path: 'a' }] } } });
  });

  it('answers 413 for a body over its declared or its actual length', async () => {
    const post = echo(100);
    expect(await post('x'.repeat(101))).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large', message: 'The request body is larger than 100 bytes.' } } });
    expect(await post(chunked(Array.from({ length: 1000 }, () => 'x'.repeat(40))))).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('answers 400 for JSON that is not plain data within the limits: NUL in text, too deep, lone surrogates', async () => {
    const post = echo(1_000_000);
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    for (const text of ['{"content":"a\\u0000b"}', '{"k\\u0000":1}', deep, '["\\ud800"]']) {
      expect(await post(text)).toMatchObject({
        status: 400,
        body: { error: { code: 'bad_request', issues: [{ message: expect.stringMatching(/^(text_nul|too_deep|text_not_unicode)$/) }] } },
      });
    }
  });

  it('refuses prototype poisoning instead of parsing it', async () => {
    const post = echo(1000);
    for (const text of ['{"__proto__":{"admin":true}}', '{"a":{"constructor":{"prototype":{"admin":true}}}}']) {
      expect(await post(text)).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    }
  });
});
