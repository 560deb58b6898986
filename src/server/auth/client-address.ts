import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** `::ffff:10.0.0.5` is 10.0.0.5: one client, one spelling. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * Who is asking, for the per-client limits: the connecting address — or, when that is one of the
 * operator's reverse proxies, the nearest address before them in X-Forwarded-For. A client's own
 * X-Forwarded-For is never believed, or it could be a new client with every request.
 */
export function clientAddress(req: Pick<IncomingMessage, 'socket' | 'headers'>, trustedProxies: ReadonlySet<string>): string {
  const peer = plain(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(hops[i]!)) return hops[i]!;
  }
  return peer;
}

/** The limits' key of a client: its address hashed (addresses are not kept in clear). */
export const clientKey = (address: string) => `client:${createHash('sha256').update(address).digest('hex')}`;
