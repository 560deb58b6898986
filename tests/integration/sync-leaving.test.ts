import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Db } from '../../src/core/db/types';
import { SEND_BEFORE_LEAVING_MS } from '../../src/core/sync/sync-engine';
import { NetworkError } from '../support/faulty-fetch';
import { TEST_PASSWORD, type TestCore } from '../support/test-core';
import { createSyncWorld, openDevice, type Device, type SyncWorld } from '../support/sync-world';

/*
 * Issue 18, item 5: on a shared school computer signing out (or closing the app) ends the sitting. What the
 * student did just before must reach the server — at once when it can, in the background when it cannot —
 * and leaving never waits longer than a short bound. Background syncs are held: nothing is sent unless a
 * step of the test (sign-out, close, the engine's periodic sendWaiting) sends it.
 */

let world: SyncWorld;
let computer: Device;
const cores: TestCore[] = [];

beforeAll(async () => {
  world = await createSyncWorld();
  computer = await openDevice(world);
}, 90_000);

afterEach(async () => {
  computer.net.reset();
  computer.net.offline(false);
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

afterAll(async () => {
  await computer?.db.close();
  await world?.close();
});

async function linkedStudent(): Promise<TestCore> {
  const core = await computer.core();
  cores.push(core);
  await core.call('sync.linkRegister', { serverUrl: world.serverUrl, password: TEST_PASSWORD });
  return core;
}

const onServer = async (sessionId: string) =>
  (await executeRows<{ n: number }>(world.serverDb, sql`SELECT count(*)::int AS n FROM chat_sessions WHERE id = ${sessionId}`))[0]!.n === 1;
const pendingOf = async (db: Db, userId: string) =>
  (await executeRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM outbox WHERE user_id = ${userId}`))[0]!.n;

describe('changes made just before leaving reach the server', () => {
  it('a change, then «Выйти»: the change is on the server when sign-out answers', async () => {
    const a = await linkedStudent();
    const session = await a.call('chat.startSession', { sessionType: 'interactive' });
    expect(await onServer(session.id)).toBe(false);

    await a.call('accounts.signOut');
    expect(await onServer(session.id)).toBe(true);
    expect(await pendingOf(computer.db.db, a.user!.id)).toBe(0);
  });

  it('closing the app sends the signed-in student’s change first', async () => {
    const a = await linkedStudent();
    const session = await a.call('chat.startSession', { sessionType: 'interactive' });
    await a.close();
    expect(await onServer(session.id)).toBe(true);
  });

  it('A signs out offline; B signs in on the same computer; A’s change reaches the server without A', async () => {
    const a = await linkedStudent();
    const userA = a.user!;
    const other = await computer.core();
    const userB = other.user!;
    await other.close();

    const session = await a.call('chat.startSession', { sessionType: 'interactive' });
    computer.net.offline(true);
    await a.call('accounts.signOut');
    expect(await pendingOf(computer.db.db, userA.id)).toBeGreaterThan(0);
    computer.net.offline(false);

    await a.call('accounts.signIn', { login: userB.username, password: TEST_PASSWORD });
    // The engine's period timer fires (held here): it pushes the outboxes of accounts nobody is signed in to.
    await a.sync.sendWaiting();
    expect(await onServer(session.id)).toBe(true);
    expect(await pendingOf(computer.db.db, userA.id)).toBe(0);
    // Only pushed: A's next sign-in still pulls, and B was never linked by any of this.
    expect(await a.call('sync.status')).toMatchObject({ state: 'unlinked' });
  });

  it('the server not answering: sign-out returns within the bound and the change stays queued', async () => {
    const a = await linkedStudent();
    const session = await a.call('chat.startSession', { sessionType: 'interactive' });
    const pending = await pendingOf(computer.db.db, a.user!.id);
    const real = computer.net.fetch;
    // A server that accepts the connection and never answers (until the app closes).
    computer.net.fetch = ((_input: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new NetworkError('aborted'))))) as typeof fetch;
    try {
      const started = Date.now();
      await a.call('accounts.signOut');
      const took = Date.now() - started;
      expect(took).toBeLessThan(SEND_BEFORE_LEAVING_MS + 1_000);
      expect(took).toBeGreaterThanOrEqual(SEND_BEFORE_LEAVING_MS - 50);
      expect(await a.call('accounts.current')).toMatchObject({ user: null });
      expect(await pendingOf(computer.db.db, a.user!.id)).toBe(pending);
      expect(await onServer(session.id)).toBe(false);
    } finally {
      computer.net.fetch = real;
    }
  }, 20_000);

  it('the server unreachable: sign-out returns at once and keeps the change queued', async () => {
    const a = await linkedStudent();
    await a.call('chat.startSession', { sessionType: 'interactive' });
    const pending = await pendingOf(computer.db.db, a.user!.id);
    computer.net.offline(true);
    const started = Date.now();
    await a.call('accounts.signOut');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pendingOf(computer.db.db, a.user!.id)).toBe(pending);
  });
});
