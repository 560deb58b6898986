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

  it('answers 413 from the declared length without reading anything', async () => {
    const { req, pulled } = body(['x'], { 'content-length': '101' });
    const error = await failure(readJsonBody(req, 100));
    expect([error.status, error.code]).toEqual([413, 'payload_too_large']);
    expect(pulled()).toBe(0);
  });

  it('answers 413 as soon as a streamed body passes the limit, without reading the rest', async () => {
    const chunks = Array.from({ length: 1000 }, () => 'x'.repeat(40));
    const { req, pulled } = body(chunks);
    const error = await failure(readJsonBody(req, 100));
    expect(error.status).toBe(413);
    expect(pulled()).toBeLessThan(10);
  });
});
