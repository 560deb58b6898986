import { describe, expect, it } from 'vitest';
import { expectConverged, heal, linkedStudent, type Device, studentActivity, studentSnapshot, twoComputers } from '../support/sync-world';

/*
 * Sync under faults (issue 7): the real central server on PostgreSQL 15, two devices on PGlite, faults
 * injected at each device's HTTP client. After healing, every case must end the same way: identical
 * rows everywhere, each change applied once, outboxes empty, points as the facts imply.
 */

const computers = twoComputers();

const pushOnly = (device: Device) => device.net.only('/sync/push');

describe('sync under faults: after healing, identical rows everywhere, each change once', () => {
  it('a dropped request', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    await act.complete(a, 0, 80);
    await act.ask(a, 'Что такое дробь?');
    pushOnly(computers.first);
    computers.first.net.plan('drop');
    const failed = await a.call('sync.now');
    expect(failed.state).not.toBe('synced');
    expect(failed.pending).toBeGreaterThan(0);
    await heal([a, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  });

  it('the response lost after the server committed', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    await act.complete(a, 1, 100);
    await act.ask(a, 'Как сократить дробь?');
    pushOnly(computers.first);
    computers.first.net.plan('lose-response');
    await a.call('sync.now');
    await heal([a, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  });

  it('the same batch delivered five times', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    await act.complete(a, 2, 90);
    await act.ask(a, 'Зачем нужен общий знаменатель?');
    pushOnly(computers.first);
    computers.first.net.plan('duplicate');
    await a.call('sync.now');
    await heal([a, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  });

  it('batches out of order: a later batch computers.first is refused as a gap, nothing is lost', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    for (let i = 0; i < 3; i++) await act.ask(a, `Вопрос ${i}`);
    await act.complete(a, 3, 70);
    // Intercept the device's push: send its computers.second half computers.first, then the computers.first half, then the computers.second again.
    const original = computers.first.net.fetch;
    let reordered = false;
    computers.first.net.fetch = (async (input: string, init: RequestInit) => {
      if (reordered || !String(input).endsWith('/sync/push')) return original(input, init);
      reordered = true;
      const body = JSON.parse(String(init.body)) as { mutations: unknown[] };
      const half = Math.ceil(body.mutations.length / 2);
      const send = (mutations: unknown[]) => original(input, { ...init, body: JSON.stringify({ ...body, mutations }) });
      const late = await send(body.mutations.slice(half));
      expect(late.status).toBe(409);
      expect(((await late.json()) as { error: { code: string } }).error.code).toBe('mutation_gap');
      await (await send(body.mutations.slice(0, half))).arrayBuffer();
      return send(body.mutations.slice(half));
    }) as typeof fetch;
    try {
      await a.call('sync.now');
    } finally {
      computers.first.net.fetch = original;
    }
    expect(reordered).toBe(true);
    await heal([a, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  });

  it('the server restarted in the middle of a push', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    await act.complete(a, 4, 60);
    await act.ask(a, 'Что такое скорость?');
    const extra = await computers.world.startInstance();
    const original = computers.first.net.fetch;
    let restarted = false;
    computers.first.net.fetch = (async (input: string, init: RequestInit) => {
      if (restarted || !String(input).endsWith('/sync/push')) return original(input, init);
      restarted = true;
      const inFlight = original(input, init);
      // Every instance goes down while the push is on its way; the device hears nothing back.
      const port = extra.port;
      await computers.world.stopInstance(extra);
      await inFlight.then((r) => r.arrayBuffer()).catch(() => {});
      await computers.world.startInstance(port);
      throw new TypeError('fetch failed (server restarted)');
    }) as typeof fetch;
    try {
      await a.call('sync.now');
    } finally {
      computers.first.net.fetch = original;
    }
    await heal([a, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
    for (const instance of computers.world.instances.slice(1)) await computers.world.stopInstance(instance);
  });

  it('the device killed between the server’s acknowledgement and the outbox cleanup', async () => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    await act.complete(a, 5, 100);
    await act.ask(a, 'Почему так?');
    pushOnly(computers.first);
    computers.first.net.plan('lose-response'); // the server committed; the device never deleted its outbox
    await a.call('sync.now');
    await a.close();
    // The app starts again on the same data: the student signs in, sync resumes.
    const again = await computers.first.core({ as: null });
    again.session.signIn(a.user!);
    await heal([again, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  });

  it.each([
    ['a day ahead', 86_400_000],
    ['a day behind', -86_400_000],
  ])('the device’s clock %s', async (_label, offset) => {
    const { a, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const skewed = await computers.first.core({ as: null, clockOffsetMs: offset });
    skewed.session.signIn(a.user!);
    const b = await computers.second.core({ as: null });
    b.session.signIn(a.user!);
    const act = studentActivity(computers.lessons);
    await act.complete(skewed, 6, 100);
    await act.ask(skewed, 'Который час?');
    await act.ask(b, 'А у меня?');
    await heal([skewed, b]);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
  });

  it.each([
    ['computers.first device computers.first', 0],
    ['computers.second device computers.first', 1],
  ])('two devices complete the same lesson and chat offline, then sync (%s)', async (_label, starter) => {
    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    computers.first.net.offline(true);
    computers.second.net.offline(true);
    await act.complete(a, 7, 70);
    await act.complete(b, 7, 100);
    await act.complete(b, 8, 90);
    await act.ask(a, 'Вопрос с первого компьютера');
    await act.ask(b, 'Вопрос со второго компьютера');
    expect((await a.call('sync.now')).state).toBe('offline');
    computers.first.net.offline(false);
    computers.second.net.offline(false);
    const order = starter === 0 ? [a, b] : [b, a];
    await heal(order);
    await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
    const snapshot = await studentSnapshot(computers.world.serverDb, userId);
    const lesson7 = (snapshot.user_lessons as { lesson_id: string; score: number }[]).find((l) => l.lesson_id === computers.lessons[7]);
    expect(lesson7?.score).toBe(100);
  });

  it('two server instances over one database, devices alternating between them', async () => {
    const extra = await computers.world.startInstance();
    try {
      const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
      const act = studentActivity(computers.lessons);
      for (let i = 0; i < 4; i++) {
        await act.ask(i % 2 ? a : b, `Вопрос ${i}`);
        await act.complete(i % 2 ? b : a, 9 + (i % 3), 80 + i * 5);
        await (i % 2 ? a : b).call('sync.now');
      }
      const served = new Set(computers.first.net.log.concat(computers.second.net.log).slice(-12).map((r) => r.status));
      expect(served.has(200)).toBe(true);
      await heal([a, b]);
      await expectConverged(computers.world, [computers.first, computers.second], userId, act.expected);
    } finally {
      await computers.world.stopInstance(extra);
    }
  });

  it('another student’s rows are never returned or changed', async () => {
    const bystander = await linkedStudent(computers.world, computers.first, computers.second);
    const act = studentActivity(computers.lessons);
    await act.complete(bystander.a, 0, 100);
    await act.ask(bystander.a, 'Мой личный вопрос');
    await heal([bystander.a, bystander.b]);
    const before = await studentSnapshot(computers.world.serverDb, bystander.userId);

    const { a, b, userId } = await linkedStudent(computers.world, computers.first, computers.second);
    const mine = studentActivity(computers.lessons);
    await mine.complete(a, 1, 90);
    await mine.ask(b, 'Чужие данные мне не нужны');
    const pulls: unknown[] = [];
    const original = computers.second.net.fetch;
    computers.second.net.fetch = (async (input: string, init: RequestInit) => {
      const response = await original(input, init);
      if (String(input).includes('/sync/pull')) pulls.push(await response.clone().json());
      return response;
    }) as typeof fetch;
    try {
      await heal([a, b]);
    } finally {
      computers.second.net.fetch = original;
    }
    expect(await studentSnapshot(computers.world.serverDb, bystander.userId)).toEqual(before);
    const leaked = JSON.stringify(pulls).includes(bystander.userId);
    expect(leaked, 'a pull carried another student’s id').toBe(false);
    expect(await studentSnapshot(computers.first.db.db, bystander.userId)).toEqual(before);
    await expectConverged(computers.world, [computers.first, computers.second], userId, mine.expected);
  });
});
