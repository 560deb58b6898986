import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import type { Fault } from '../support/faulty-fetch';
import type { TestCore } from '../support/test-core';
import { createSyncWorld, expectConverged, heal, linkedStudent, openDevice, type Device, type Expected, type SyncWorld } from '../support/sync-world';

/*
 * Randomised fault schedules (fast-check): two devices of one student do random work — lessons, questions,
 * syncs — while their networks drop requests, lose answers, duplicate and delay them, go offline, and
 * the app restarts. After healing, the same end state must hold every time (see sync-world.ts).
 * SYNC_SCHEDULES sets how many schedules run (default 20); the count is printed.
 */

const SCHEDULES = Number(process.env.SYNC_SCHEDULES ?? 20);
const FAULTS: Fault[] = ['ok', 'drop', 'lose-response', 'duplicate', 'delay'];

type Step =
  | { kind: 'complete'; device: 0 | 1; lesson: number; score: number }
  | { kind: 'ask'; device: 0 | 1 }
  | { kind: 'sync'; device: 0 | 1; faults: Fault[] }
  | { kind: 'offline'; device: 0 | 1; value: boolean }
  | { kind: 'restart'; device: 0 | 1 };

const device = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('complete' as const), device, lesson: fc.integer({ min: 0, max: 5 }), score: fc.constantFrom(50, 80, 100) }),
  fc.record({ kind: fc.constant('ask' as const), device }),
  fc.record({ kind: fc.constant('sync' as const), device, faults: fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('offline' as const), device, value: fc.boolean() }),
  fc.record({ kind: fc.constant('restart' as const), device }),
);

const DAY_MS = 86_400_000;
/** Days each device's clock is ahead of (or behind) the server's: from over a year back to two years on. */
const deviceDays = fc.tuple(fc.integer({ min: -400, max: 800 }), fc.integer({ min: -400, max: 800 }));

let world: SyncWorld;
let devices: [Device, Device];
let lessons: string[];
let schedulesRun = 0;

beforeAll(async () => {
  world = await createSyncWorld();
  devices = (await Promise.all([openDevice(world), openDevice(world)])) as [Device, Device];
  const rows = await executeRows<{ id: string }>(world.serverDb, sql`SELECT id FROM lessons ORDER BY course_id, lesson_number LIMIT 6`);
  lessons = rows.map((r) => r.id);
}, 90_000);

afterAll(async () => {
  console.log(`sync schedules run: ${schedulesRun} (fast-check, faults: ${FAULTS.join(', ')}, offline, restarts)`);
  await Promise.all(devices?.map((d) => d.db.close()) ?? []);
  await world?.close();
});

describe('randomised fault schedules', () => {
  it(`${SCHEDULES} schedules: every one heals to identical rows, each change once, empty outboxes`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 14 }), deviceDays, async (steps, days) => {
        for (const d of devices) d.net.reset();
        // Each device's clock on its own date: the stored numbers must not depend on anyone's "today".
        const offsets = days.map((d) => d * DAY_MS + d * 3_517_000) as [number, number];
        const linked = await linkedStudent(world, devices[0], devices[1], { clockOffsetMs: offsets[0], secondClockOffsetMs: offsets[1] });
        const cores: [TestCore, TestCore] = [linked.a, linked.b];
        const expected: Expected = { questions: 0, lessons: new Set(), perfect: new Set() };
        const sessions = new Map<TestCore, string>();
        for (const s of steps) {
          const core = cores[s.device];
          const net = devices[s.device].net;
          switch (s.kind) {
            case 'complete':
              await core.call('progress.completeLesson', { lessonId: lessons[s.lesson]!, score: s.score, timeSpentMinutes: 3 });
              expected.lessons.add(lessons[s.lesson]!);
              if (s.score === 100) expected.perfect.add(lessons[s.lesson]!);
              break;
            case 'ask': {
              let session = sessions.get(core);
              if (!session) {
                session = (await core.call('chat.startSession', { sessionType: 'interactive' })).id;
                sessions.set(core, session);
              }
              await core.call('chat.sendMessage', { sessionId: session, content: `Вопрос ${expected.questions}` });
              await core.replies.idle();
              expected.questions++;
              break;
            }
            case 'sync':
              net.plan(...s.faults);
              await core.call('sync.now');
              break;
            case 'offline':
              net.offline(s.value);
              break;
            case 'restart': {
              await core.close();
              const again = await devices[s.device].core({ as: null, clockOffsetMs: offsets[s.device] });
              again.session.signIn(linked.a.user!);
              for (const [k, v] of [...sessions]) if (k === core) {
                sessions.delete(k);
                sessions.set(again, v);
              }
              cores[s.device] = again;
              break;
            }
          }
        }
        for (const d of devices) d.net.reset();
        await heal(cores);
        await expectConverged(world, devices, linked.userId, expected);
        schedulesRun++;
      }),
      { numRuns: SCHEDULES, endOnFailure: true },
    );
    expect(schedulesRun).toBe(SCHEDULES);
  }, 600_000);
});
