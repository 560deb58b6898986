import type http from 'node:http';

/**
 * The request body as text, or 'too_large' past `maxBytes`. A body over the limit is still read to its end
 * (and thrown away) before the caller answers: closing a connection the client is still writing to resets
 * it, and the client would see a reset instead of the 413. The server's request timeout bounds how long
 * that can take.
 */
export function readRequestBody(req: http.IncomingMessage, maxBytes: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > maxBytes ? 'too_large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
