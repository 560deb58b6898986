import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devicesResponseSchema, tokensResponseSchema } from '../shared/sync';
import { signAccessToken } from './auth/access-token';
import { CLIENT_LIMIT, FREE_FAILURES, REGISTRATION_LIMIT } from './auth/sign-in-limits';
import { registerStudent, signInOnNewDevice, startTestServer, TEST_SECRET, type TestServer } from './test-harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe('POST /auth/register', () => {
  it('creates the account under the device’s id, with preferences, a device and tokens', async () => {
    const userId = randomUUID();
    const student = await registerStudent(t.api, { userId, email: '  Ada@Example.ORG ', username: 'Ada_L' });
    expect(student.userId).toBe(userId);
    expect(tokensResponseSchema.parse(student.tokens)).toMatchObject({
      deviceId: student.deviceId,
      user: { id: student.userId, email: 'ada@example.org', username: 'ada_l', role: 'student' },
    });
    const { rows } = await t.admin.query(
      `SELECT u.password_hash, p.theme, d.name FROM users u
       JOIN user_preferences p ON p.user_id = u.id JOIN sync_devices d ON d.user_id = u.id WHERE u.id = $1`,
      [student.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].password_hash).toMatch(/^\$2[aby]\$04\$/); // bcrypt, at the tests' cost
    expect(rows[0].password_hash).not.toContain(student.password);
    expect(rows[0].theme).toBe('system');
    // The refresh token is stored only as its hash.
    const tokens = await t.admin.query('SELECT token_hash FROM sync_refresh_tokens WHERE user_id = $1', [student.userId]);
    expect(tokens.rows).toHaveLength(1);
    expect(tokens.rows[0].token_hash).not.toBe(student.tokens.refreshToken);
    expect(tokens.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 409 when the email, the username or the device is taken', async () => {
    const first = await registerStudent(t.api);
    const again = (overrides: Record<string, unknown>) =>
      t.api.post('/auth/register', {
        userId: randomUUID(),
        email: `other${randomUUID().slice(0, 8)}@example.org`,
        username: `other${randomUUID().slice(0, 8)}`,
        fullName: 'Other',
        password: 'another password',
        device: { id: randomUUID(), name: 'PC' },
        ...overrides,
      });
    expect(await again({ email: first.email.toUpperCase() })).toMatchObject({ status: 409, body: { error: { code: 'email_taken' } } });
    expect(await again({ username: first.username })).toMatchObject({ status: 409, body: { error: { code: 'username_taken' } } });
    expect(await again({ device: { id: first.deviceId, name: 'PC' } })).toMatchObject({ status: 409, body: { error: { code: 'device_taken' } } });
  });

  it('an id someone already has proves nothing: the newcomer gets a fresh id, and whoever came first keeps theirs (no squatting, no hijack)', async () => {
    // The attack of the security review: a client chooses the id of another person's (local) account.
    const victimId = randomUUID();
    const squatter = await registerStudent(t.api, { userId: victimId, username: `squat${randomUUID().slice(0, 8)}` });
    expect(squatter.userId).toBe(victimId); // a free id is given as asked: devices keep their rows' owner
    // The real owner of that id links later: not locked out, a fresh id of its own.
    const victim = await registerStudent(t.api, { userId: victimId });
    expect(victim.userId).not.toBe(victimId);
    expect(victim.tokens.user).toMatchObject({ id: victim.userId, username: victim.username, role: 'student' });
    // …and the other way round: an id taken by a real account cannot be registered onto it.
    const hijacker = await registerStudent(t.api, { userId: victim.userId, username: `hijack${randomUUID().slice(0, 8)}` });
    expect(hijacker.userId).not.toBe(victim.userId);
    const { rows } = await t.admin.query(`SELECT id, username FROM users WHERE id = ANY($1::uuid[]) ORDER BY username`, [[victimId, victim.userId, hijacker.userId]]);
    expect(rows).toEqual(
      [
        { id: victimId, username: squatter.username },
        { id: victim.userId, username: victim.username },
        { id: hijacker.userId, username: hijacker.username },
      ].sort((x, y) => x.username.localeCompare(y.username)),
    );
    // Each signs in to their own account only.
    const victimIn = await t.api.post('/auth/sign-in', { login: victim.username, password: victim.password, device: { id: randomUUID(), name: 'PC' } });
    expect(victimIn.body.user.id).toBe(victim.userId);
  });

  it('answers 400 with the issues for an invalid body, never echoing the password', async () => {
    const answer = await t.api.post('/auth/register', { userId: 'nope', email: 'x', username: 'a', fullName: '', password: 'short', device: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_request');
    expect(answer.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['userId', 'email', 'username', 'fullName', 'password', 'device.id']),
    );
    expect(JSON.stringify(answer.body)).not.toContain('"short"');
    expect(await t.api.post('/auth/register', { ...{ extra: 1 } })).toMatchObject({ status: 400 });
  });
});

describe('POST /auth/sign-in', () => {
  it('signs in by email or by username on a new device, and a known device again', async () => {
    const student = await registerStudent(t.api);
    const device = { id: randomUUID(), name: 'Home computer' };
    const byEmail = await t.api.post('/auth/sign-in', { login: student.email.toUpperCase(), password: student.password, device });
    expect(byEmail.status).toBe(200);
    expect(tokensResponseSchema.parse(byEmail.body)).toMatchObject({ deviceId: device.id, user: { id: student.userId } });
    const byUsername = await t.api.post('/auth/sign-in', { login: student.username, password: student.password, device });
    expect(byUsername.status).toBe(200);
    expect((await t.api.post('/auth/refresh', { refreshToken: byUsername.body.refreshToken })).status).toBe(200);
    // A new sign-in on a known device started a new chain: the previous refresh token is revoked, and
    // presenting it counts as reuse.
    expect(await t.api.post('/auth/refresh', { refreshToken: byEmail.body.refreshToken })).toMatchObject({
      status: 401,
      body: { error: { code: 'refresh_reused' } },
    });
  });

  it('answers 401 for a wrong password and for an unknown login, alike', async () => {
    const student = await registerStudent(t.api);
    const device = { id: randomUUID(), name: 'PC' };
    const wrong = await t.api.post('/auth/sign-in', { login: student.username, password: 'not the password', device });
    const unknown = await t.api.post('/auth/sign-in', { login: 'nobody-here', password: 'not the password', device });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'wrong_credentials', message: 'Wrong login or password.' } } });
    expect(unknown).toMatchObject({ status: 401, body: wrong.body });
    // The failed attempt left no device behind.
    expect((await t.admin.query('SELECT 1 FROM sync_devices WHERE id = $1', [device.id])).rowCount).toBe(0);
  });

  it(`blocks a login after ${FREE_FAILURES} wrong passwords with 429 and Retry-After, even for the right password`, async () => {
    const student = await registerStudent(t.api);
    const attempt = (login: string, password: string) =>
      t.api.post('/auth/sign-in', { login, password, device: { id: randomUUID(), name: 'PC' } });
    for (let i = 1; i < FREE_FAILURES; i++) expect((await attempt(student.username, `wrong-${i}`)).status).toBe(401);
    // Email and username share one count: they are one account.
    const blocked = await attempt(student.email, 'wrong-5');
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'rate_limited', retryAfterSeconds: 30 } } });
    expect(blocked.headers.get('retry-after')).toBe('30');
    const right = await attempt(student.username, student.password);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not affected.
    const other = await registerStudent(t.api);
    expect((await attempt(other.username, other.password)).status).toBe(200);
    // Logins that do not exist are limited too.
    for (let i = 1; i < FREE_FAILURES; i++) expect((await attempt('ghost-login', 'x-password')).status).toBe(401);
    expect((await attempt('ghost-login', 'x-password')).status).toBe(429);
  });

  it('refuses a device id of another account (409) and a revoked device id (403)', async () => {
    const a = await registerStudent(t.api);
    const b = await registerStudent(t.api);
    expect(await t.api.post('/auth/sign-in', { login: b.username, password: b.password, device: { id: a.deviceId, name: 'x' } })).toMatchObject({
      status: 409,
      body: { error: { code: 'device_taken' } },
    });
    const second = await signInOnNewDevice(t.api, a);
    expect((await t.api.post('/devices/revoke', { deviceId: second.deviceId }, a.tokens.accessToken)).status).toBe(200);
    expect(await t.api.post('/auth/sign-in', { login: a.username, password: a.password, device: { id: second.deviceId, name: 'x' } })).toMatchObject({
      status: 403,
      body: { error: { code: 'device_revoked' } },
    });
  });
});

describe('limits per client (the Hole of «anyone can lock anyone out» and «register tells who exists»)', () => {
  // A server behind the school's reverse proxy: X-Forwarded-For names the client, so a test can be many.
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(async () => {
    await proxied?.close();
  });

  const from = (server: TestServer, client: string) => async (path: string, body: unknown) => {
    const response = await fetch(`${server.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  };
  const signInAs = (post: ReturnType<typeof from>, login: string, password: string) =>
    post('/auth/sign-in', { login, password, device: { id: randomUUID(), name: 'PC' } });
  const registration = (overrides: Record<string, unknown> = {}) => {
    const n = randomUUID().slice(0, 8);
    return { userId: randomUUID(), email: `r${n}@example.org`, username: `r${n}`, fullName: 'R', password: 'a fine password', device: { id: randomUUID(), name: 'PC' }, ...overrides };
  };

  it('a stranger’s wrong passwords never lock the owner out: the stranger waits, the owner signs in from their own computer', async () => {
    const owner = await registerStudent(proxied.api);
    const stranger = from(proxied, '203.0.113.10');
    for (let i = 1; i < FREE_FAILURES; i++) expect((await signInAs(stranger, owner.username, `wrong-${i}`)).status).toBe(401);
    expect((await signInAs(stranger, owner.username, 'wrong-5')).status).toBe(429);
    // The stranger waits, even with the right password (it is a guesser's client).
    expect((await signInAs(stranger, owner.username, owner.password)).status).toBe(429);
    // A second stranger's address gets one guess: once it failed here, the account's count holds it back too.
    const second = from(proxied, '203.0.113.11');
    expect((await signInAs(second, owner.username, 'wrong-6')).status).not.toBe(200);
    expect((await signInAs(second, owner.username, owner.password)).status).toBe(429);
    // The owner, from a computer that never failed: in.
    const home = from(proxied, '198.51.100.20');
    const signedIn = await signInAs(home, owner.username, owner.password);
    expect(signedIn.status).toBe(200);
  });

  it(`one client guessing across accounts waits after ${CLIENT_LIMIT.free} wrong passwords, whatever the logins; other clients do not`, async () => {
    const guesser = from(proxied, '203.0.113.20');
    const someone = await registerStudent(proxied.api);
    for (let i = 1; i < CLIENT_LIMIT.free; i++) expect((await signInAs(guesser, `nobody-${i}`, 'a guessed password')).status).toBe(401);
    expect((await signInAs(guesser, 'nobody-last', 'a guessed password')).status).toBe(429);
    expect((await signInAs(guesser, someone.username, someone.password)).status).toBe(429);
    expect((await signInAs(from(proxied, '198.51.100.21'), someone.username, someone.password)).status).toBe(200);
  });

  it('«that email / username is taken» costs a client like a wrong password: listing who has an account waits', async () => {
    const known = await registerStudent(proxied.api);
    const lister = from(proxied, '203.0.113.30');
    for (let i = 1; i < CLIENT_LIMIT.free; i++) {
      const taken = i % 2 ? { email: known.email } : { username: known.username };
      expect((await lister('/auth/register', registration(taken))).status).toBe(409);
    }
    expect(await lister('/auth/register', registration({ email: known.email }))).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // Blocked for every registration now, and for sign-ins too (one budget).
    expect((await lister('/auth/register', registration())).status).toBe(429);
    expect((await signInAs(lister, known.username, known.password)).status).toBe(429);
    expect((await from(proxied, '198.51.100.30')('/auth/register', registration())).status).toBe(201);
  });

  it(`a client registers at most ${REGISTRATION_LIMIT.free} accounts an hour`, async () => {
    const farm = from(proxied, '203.0.113.40');
    for (let i = 1; i < REGISTRATION_LIMIT.free; i++) expect((await farm('/auth/register', registration())).status).toBe(201);
    expect((await farm('/auth/register', registration())).status).toBe(201);
    expect((await farm('/auth/register', registration())).status).toBe(429);
    expect((await from(proxied, '198.51.100.40')('/auth/register', registration())).status).toBe(201);
  });

  it('a client’s own X-Forwarded-For is not believed where no proxy is trusted: it stays one client', async () => {
    const student = await registerStudent(t.api);
    for (let i = 1; i < FREE_FAILURES; i++) expect((await signInAs(from(t, `203.0.113.${i}`), student.username, `wrong-${i}`)).status).toBe(401);
    expect((await signInAs(from(t, '203.0.113.99'), student.username, 'wrong-5')).status).toBe(429);
    expect((await signInAs(from(t, '198.51.100.99'), student.username, student.password)).status).toBe(429);
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: every use returns a new pair, and the new access token works', async () => {
    const student = await registerStudent(t.api);
    const first = await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    expect(first.status).toBe(200);
    expect(tokensResponseSchema.parse(first.body).refreshToken).not.toBe(student.tokens.refreshToken);
    const second = await t.api.post('/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect((await t.api.get('/devices', second.body.accessToken)).status).toBe(200);
  });

  it('answers a retried rotation (its answer was lost) with the same successor, once, while that is unused', async () => {
    const student = await registerStudent(t.api);
    const rotated = await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    const retried = await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    expect(retried.status).toBe(200);
    expect(retried.body.refreshToken).toBe(rotated.body.refreshToken);
    expect((await t.api.post('/auth/refresh', { refreshToken: retried.body.refreshToken })).status).toBe(200);
  });

  it('revokes the whole chain when an old refresh token is used again: the newest one stops working too', async () => {
    const student = await registerStudent(t.api);
    const rotated = await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    expect(rotated.status).toBe(200);
    const newest = await t.api.post('/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(newest.status).toBe(200);
    // The first token again, after its successor was used: two parties hold this chain.
    const reused = await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    expect(reused).toMatchObject({ status: 401, body: { error: { code: 'refresh_reused' } } });
    expect(await t.api.post('/auth/refresh', { refreshToken: newest.body.refreshToken })).toMatchObject({
      status: 403,
      body: { error: { code: 'device_revoked' } },
    });
    expect(t.logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'refresh token reused; the device was signed out', deviceId: student.deviceId }),
    );
    // The device is burnt: signing in again comes back as a new device with a fresh chain.
    const device = { id: student.deviceId, name: 'x' };
    expect(await t.api.post('/auth/sign-in', { login: student.username, password: student.password, device })).toMatchObject({
      status: 403,
      body: { error: { code: 'device_revoked' } },
    });
    const again = await t.api.post('/auth/sign-in', { login: student.username, password: student.password, device: { id: randomUUID(), name: 'x' } });
    expect(again.status).toBe(200);
    expect((await t.api.post('/auth/refresh', { refreshToken: again.body.refreshToken })).status).toBe(200);
  });

  it('refuses the revoked device’s still-unexpired access token at once: push, pull, devices and the REST API', async () => {
    const student = await registerStudent(t.api);
    const token = student.tokens.accessToken;
    expect((await t.api.get('/devices', token)).status).toBe(200);
    const rotated = await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    const newest = await t.api.post('/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(newest.status).toBe(200);
    expect(await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken })).toMatchObject({ status: 401, body: { error: { code: 'refresh_reused' } } });

    const revoked = { status: 403, body: { error: { code: 'device_revoked' } } };
    for (const accessToken of [token, rotated.body.accessToken as string, newest.body.accessToken as string]) {
      expect(await t.api.get('/devices', accessToken)).toMatchObject(revoked);
      expect(await t.api.get('/sync/pull?cursor=0.0', accessToken)).toMatchObject(revoked);
      const push = { deviceId: student.deviceId, schemaVersion: 1, mutations: [{ id: 1, name: 'profile.update', args: { fullName: 'X', at: new Date().toISOString() } }] };
      expect(await t.api.post('/sync/push', push, accessToken)).toMatchObject(revoked);
      expect(await t.api.post('/api/chat/sessions', { sessionType: 'interactive' }, accessToken)).toMatchObject(revoked);
    }
    // Nothing was written through it.
    const [row] = (await t.admin.query('SELECT full_name, (SELECT count(*)::int FROM chat_sessions WHERE user_id = $1) AS sessions FROM users WHERE id = $1', [student.userId])).rows;
    expect(row).toEqual({ full_name: student.tokens.user.fullName, sessions: 0 });
  });

  it('answers 401 for an unknown or expired refresh token and 400 for a malformed body', async () => {
    expect(await t.api.post('/auth/refresh', { refreshToken: 'x'.repeat(43) })).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_refresh_token' } },
    });
    const student = await registerStudent(t.api);
    await t.admin.query(`UPDATE sync_refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [student.userId]);
    expect(await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken })).toMatchObject({
      status: 401,
      body: { error: { code: 'refresh_expired' } },
    });
    expect((await t.api.post('/auth/refresh', { token: 'abc' })).status).toBe(400);
  });
});

describe('access tokens', () => {
  it('answers 401 without a token, with a tampered, foreign or expired one', async () => {
    const student = await registerStudent(t.api);
    expect(await t.api.get('/devices')).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    const [header, payload, signature] = student.tokens.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url');
    expect((await t.api.get('/devices', `${header}.${forged}.${signature}`)).status).toBe(401);
    const foreign = await signAccessToken('another-secret-that-is-long-enough-xxxxxxxx', { userId: student.userId, deviceId: student.deviceId });
    expect((await t.api.get('/devices', foreign.token)).status).toBe(401);
    const expired = await signAccessToken(TEST_SECRET, { userId: student.userId, deviceId: student.deviceId }, new Date(Date.now() - 16 * 60_000));
    expect(await t.api.get('/devices', expired.token)).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    expect((await t.api.get('/devices', student.tokens.accessToken)).status).toBe(200);
  });
});

describe('devices', () => {
  it('lists the student’s own devices with the current one marked', async () => {
    const student = await registerStudent(t.api);
    const second = await signInOnNewDevice(t.api, student);
    const answer = await t.api.get('/devices', second.tokens.accessToken);
    expect(answer.status).toBe(200);
    const { devices } = devicesResponseSchema.parse(answer.body);
    expect(devices.map((d) => [d.id, d.current, d.revokedAt])).toEqual([
      [student.deviceId, false, null],
      [second.deviceId, true, null],
    ]);
  });

  it('revokes an own device: it can no longer refresh, push, pull or list (403)', async () => {
    const student = await registerStudent(t.api);
    const lost = await signInOnNewDevice(t.api, student, 'Lost laptop');
    const answer = await t.api.post('/devices/revoke', { deviceId: lost.deviceId }, student.tokens.accessToken);
    expect(answer.status).toBe(200);
    expect(answer.body.devices.find((d: { id: string }) => d.id === lost.deviceId).revokedAt).toEqual(expect.any(String));

    const token = lost.tokens.accessToken;
    expect(await t.api.get('/devices', token)).toMatchObject({ status: 403, body: { error: { code: 'device_revoked' } } });
    expect((await t.api.get('/sync/pull?cursor=0.0', token)).status).toBe(403);
    const push = { deviceId: lost.deviceId, schemaVersion: 1, mutations: [{ id: 1, name: 'profile.update', args: { fullName: 'X', at: new Date().toISOString() } }] };
    expect((await t.api.post('/sync/push', push, token)).status).toBe(403);
    expect(await t.api.post('/auth/refresh', { refreshToken: lost.tokens.refreshToken })).toMatchObject({
      status: 403,
      body: { error: { code: 'device_revoked' } },
    });
    // The other device carries on.
    expect((await t.api.get('/devices', student.tokens.accessToken)).status).toBe(200);
  });

  it('a student cannot revoke another student’s device (404, and nothing changes); an admin can', async () => {
    const a = await registerStudent(t.api);
    const b = await registerStudent(t.api);
    expect(await t.api.post('/devices/revoke', { deviceId: a.deviceId }, b.tokens.accessToken)).toMatchObject({
      status: 404,
      body: { error: { code: 'device_not_found' } },
    });
    expect((await t.api.get('/devices', a.tokens.accessToken)).status).toBe(200);

    const admin = await registerStudent(t.api);
    await t.admin.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.userId]);
    const revoked = await t.api.post('/devices/revoke', { deviceId: a.deviceId }, admin.tokens.accessToken);
    expect(revoked.status).toBe(200);
    expect(revoked.body.devices.map((d: { id: string }) => d.id)).toEqual([admin.deviceId]); // only the admin's own
    expect((await t.api.get('/devices', a.tokens.accessToken)).status).toBe(403);
    expect((await t.api.post('/devices/revoke', { deviceId: randomUUID() }, admin.tokens.accessToken)).status).toBe(404);
  });
});

describe('logs', () => {
  it('never contain passwords, tokens or the secret', async () => {
    const student = await registerStudent(t.api);
    await t.api.post('/auth/sign-in', { login: student.username, password: 'a wrong password!', device: { id: randomUUID(), name: 'x' } });
    await t.api.post('/auth/refresh', { refreshToken: student.tokens.refreshToken });
    const text = t.logs.text();
    expect(text).not.toContain(student.password);
    expect(text).not.toContain('a wrong password!');
    expect(text).not.toContain(student.tokens.refreshToken);
    expect(text).not.toContain(student.tokens.accessToken);
    expect(text).not.toContain(TEST_SECRET);
    expect(text).not.toMatch(/\$2[aby]\$/); // no password hash either
  });
});
