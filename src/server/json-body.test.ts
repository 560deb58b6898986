import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpError } from './http-errors';
import { readJsonBody } from './json-body';

/** A request-like stream that counts how many chunks were pulled from it. */
function body(chunks: string[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        pulled++;
        yield Buffer.from(chunk);
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  );
  return { req: Object.assign(stream, { headers }), pulled: () => pulled };
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

describe('readJsonBody', () => {
  it('parses JSON', async () => {
    const { req } = body(['{"a":', '[1,2]}']);
    await expect(readJsonBody(req, 100)).resolves.toEqual({ a: [1, 2] });
  });

  it('answers 400 for bad or missing JSON', async () => {
    expect((await failure(readJsonBody(body(['{nope']).req, 100))).status).toBe(400);
    expect((await failure(readJsonBody(body([]).req, 100))).status).toBe(400);
  });

  it('answers 413 for a body over its declared or its actual length, after reading the rest without keeping it', async () => {
    const declared = body(['x', 'y'], { 'content-length': '101' });
    const error = await failure(readJsonBody(declared.req, 100));
    expect([error.status, error.code]).toEqual([413, 'payload_too_large']);
    expect(declared.pulled()).toBe(2);

    const streamed = body(Array.from({ length: 1000 }, () => 'x'.repeat(40)));
    expect((await failure(readJsonBody(streamed.req, 100))).status).toBe(413);
    expect(streamed.pulled()).toBe(1000);
  });

  it('answers 400 for JSON that is not plain data within the limits: NUL in text, too deep, lone surrogates', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    for (const text of ['{"content":"a\\u0000b"}', '{"k\\u0000":1}', deep, '["\\ud800"]']) {
      const error = await failure(readJsonBody(body([text]).req, 1_000_000));
      expect(error.status).toBe(400);
      expect(error.details).toMatchObject({ issues: [{ message: expect.stringMatching(/^(text_nul|too_deep|text_not_unicode)$/) }] });
    }
  });
});
