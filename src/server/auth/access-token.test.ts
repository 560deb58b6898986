import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, bearerToken, signAccessToken, verifyAccessToken } from './access-token';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';
const claims = { userId: '7d4f0c2e-9b1a-4e8f-a6c3-2b5d8e1f0a94', deviceId: '3c9e5a71-0d2b-4f6e-8a14-c7b2e9d05f38' };
const at = new Date('2025-09-01T09:30:00.000Z');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  it('carry the user, the device and a 15-minute expiry', async () => {
    const { token, expiresAt } = await signAccessToken(SECRET, claims, at);
    expect(expiresAt.toISOString()).toBe('2025-09-01T09:45:00.000Z');
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(900);
    expect(await verifyAccessToken(SECRET, token, new Date(at.getTime() + 60_000))).toEqual({ ...claims, expiresAt: expiresAt.getTime() / 1000 });
  });

  it('expire', async () => {
    const { token } = await signAccessToken(SECRET, claims, at);
    expect(await verifyAccessToken(SECRET, token, new Date('2025-09-01T09:44:59.000Z'))).not.toBeNull();
    expect(await verifyAccessToken(SECRET, token, new Date('2025-09-01T09:45:00.000Z'))).toBeNull();
  });

  it('refuse another secret, a changed payload, header or signature, and malformed tokens', async () => {
    const { token } = await signAccessToken(SECRET, claims, at);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const later = new Date(at.getTime() + 1000);
    expect(await verifyAccessToken('another-secret-that-is-long-enough-0123456789', token, later)).toBeNull();
    const forged = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: claims.deviceId });
    expect(await verifyAccessToken(SECRET, `${header}.${forged}.${signature}`, later)).toBeNull();
    expect(await verifyAccessToken(SECRET, `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, later)).toBeNull();
    expect(await verifyAccessToken(SECRET, `${header}.${payload}.${signature.slice(0, -2)}`, later)).toBeNull();
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(await verifyAccessToken(SECRET, `${header}.${payload}.${flipped}`, later)).toBeNull();
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', `${header}.${payload}`, 'x'.repeat(5000)]) {
      expect(await verifyAccessToken(SECRET, bad, later), bad).toBeNull();
    }
  });

  it('refuse a correctly signed payload of the wrong shape', async () => {
    const { createHmac } = await import('node:crypto');
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const sign = (payload: unknown) => {
      const body = `${header}.${b64(payload)}`;
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };
    const exp = at.getTime() / 1000 + 600;
    expect(await verifyAccessToken(SECRET, sign({ sub: claims.userId, dev: claims.deviceId, iat: 0, exp, typ: 'access' }), at)).not.toBeNull();
    expect(await verifyAccessToken(SECRET, sign({ sub: claims.userId, dev: claims.deviceId, iat: 0, exp, typ: 'refresh' }), at)).toBeNull();
    expect(await verifyAccessToken(SECRET, sign({ sub: 'admin', dev: claims.deviceId, iat: 0, exp, typ: 'access' }), at)).toBeNull();
    expect(await verifyAccessToken(SECRET, sign({ sub: claims.userId, iat: 0, exp, typ: 'access' }), at)).toBeNull();
  });

  it('are the same bytes the hand-written HMAC signer made: tokens issued before the move to jose stay valid, both ways', async () => {
    const { createHmac } = await import('node:crypto');
    const iat = at.getTime() / 1000;
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: claims.userId, dev: claims.deviceId, iat, exp: iat + 900, typ: 'access' })}`;
    const before = `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    expect((await signAccessToken(SECRET, claims, at)).token).toBe(before);
  });

  it('are read from an Authorization: Bearer header only', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
