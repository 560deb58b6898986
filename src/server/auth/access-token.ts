import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Access tokens live minutes: a stolen one expires soon, and a revoked device is refused on every request anyway. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** The only header this server makes or accepts: no `alg` negotiation, so no `none` or key confusion. */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export interface AccessClaims {
  /** The student. */
  userId: string;
  /** The device the token was issued to. */
  deviceId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const payloadSchema = z
  .object({
    sub: z.uuid(),
    dev: z.uuid(),
    iat: z.number().int(),
    exp: z.number().int(),
    typ: z.literal('access'),
  })
  .strict();

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

const sign = (secret: string, input: string) => createHmac('sha256', secret).update(input).digest();

/** A compact HMAC-SHA256 token (JWT layout): `header.payload.signature`, each base64url. */
export function signAccessToken(
  secret: string,
  claims: { userId: string; deviceId: string },
  now: Date = new Date(),
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const payload = base64url(JSON.stringify({ sub: claims.userId, dev: claims.deviceId, iat, exp, typ: 'access' }));
  const signature = sign(secret, `${HEADER}.${payload}`).toString('base64url');
  return { token: `${HEADER}.${payload}.${signature}`, expiresAt: new Date(exp * 1000) };
}

/** The token's claims when it is ours, untouched and not expired; null otherwise (the caller answers 401). */
export function verifyAccessToken(secret: string, token: string, now: Date = new Date()): AccessClaims | null {
  if (token.length > 2048) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER || !/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return null;
  const expected = sign(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  // Compared in constant time; the length is not a secret (it is always 32 bytes).
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  if (parsed.data.exp * 1000 <= now.getTime()) return null;
  return { userId: parsed.data.sub, deviceId: parsed.data.dev, expiresAt: parsed.data.exp };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
