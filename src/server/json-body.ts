import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { plainInputIssue } from '../core/plain-input';
import { HttpError } from './http-errors';

const tooLarge = (maxBytes: number) => new HttpError(413, `The request body is larger than ${maxBytes} bytes.`);

/**
 * Reads and parses a JSON request body of at most `maxBytes`: 413 past the limit, 400 when the body is
 * empty, not JSON, or not plain data within the limits every input has (src/core/plain-input.ts: no NUL in
 * text, at most 64 levels deep).
 *
 * A body past the limit is still read to its end — counted and thrown away, never kept — before the 413:
 * answering while the client is still writing means closing a connection it writes to (a reset, and the
 * client never reads the 413) or leaving its writes unread (it hangs). The server's request timeout
 * bounds how long a client can keep sending.
 */
export function readJsonBody(req: Readable & { headers: IncomingHttpHeaders }, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  let tooBig = Number.isFinite(declared) && declared > maxBytes;

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
      if (received > maxBytes) tooBig = true;
      if (tooBig) chunks.length = 0;
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (tooBig) {
        reject(tooLarge(maxBytes));
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        reject(new HttpError(400, 'A JSON request body is required.'));
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
        return;
      }
      const issue = plainInputIssue(value);
      if (issue) {
        reject(new HttpError(400, 'The request body is not valid.', undefined, {}, { issues: [issue] }));
        return;
      }
      resolve(value);
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
