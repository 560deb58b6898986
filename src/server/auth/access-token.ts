import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/** Access tokens live minutes: a stolen one expires soon, and a revoked device is refused on every request anyway. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Longer than any token this server signs: a bigger one is not worth decoding. */
const MAX_TOKEN_LENGTH = 2048;

export interface AccessClaims {
  /** The student. */
  userId: string;
  /** The device the token was issued to. */
  deviceId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** Our claims and nothing else: `typ` keeps a token minted for another purpose from passing as an access token. */
const payloadSchema = z
  .object({
    sub: z.uuid(),
    dev: z.uuid(),
    iat: z.number().int(),
    exp: z.number().int(),
    typ: z.literal('access'),
  })
  .strict();

/** The HMAC key: the configured secret's UTF-8 bytes. */
const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A JWT signed with HS256 under the token secret, for one user on one device. */
export async function signAccessToken(
  secret: string,
  claims: { userId: string; deviceId: string },
  now: Date = new Date(),
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ sub: claims.userId, dev: claims.deviceId, iat, exp, typ: 'access' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * The token's claims when it is ours, untouched and not expired; null otherwise (the caller answers 401).
 * Only HS256 is accepted: no `alg` negotiation, so no `none` and no key confusion.
 */
export async function verifyAccessToken(secret: string, token: string, now: Date = new Date()): Promise<AccessClaims | null> {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], typ: 'JWT', currentDate: now, requiredClaims: ['exp'] }));
  } catch {
    return null; // malformed, forged, tampered with or expired: jose says which, the client learns only 401
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  return { userId: parsed.data.sub, deviceId: parsed.data.dev, expiresAt: parsed.data.exp };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
