import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { HttpError } from './http-errors';

const tooLarge = (maxBytes: number) =>
  // The client may still be sending: close the connection after the answer rather than read the rest.
  new HttpError(413, `The request body is larger than ${maxBytes} bytes.`, undefined, { Connection: 'close' });

/**
 * Reads and parses a JSON request body of at most `maxBytes`. Fails with 413 as soon as the limit is
 * passed (the rest is never buffered) and with 400 when the body is empty or not JSON.
 */
export function readJsonBody(req: Readable & { headers: IncomingHttpHeaders }, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        cleanup();
        req.pause(); // stop reading; the connection closes once the 413 is sent
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        reject(new HttpError(400, 'A JSON request body is required.'));
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
