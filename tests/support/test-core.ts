import type { TeacherFactory } from '../../src/core/ai/teachers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput, SessionUser } from '../../src/shared/contract';
import type { UserRole } from '../../src/shared/domain';
import type { InvokeResult } from '../../src/shared/errors';
import { createAccount } from '../../src/core/accounts/accounts-service';
import { createPasswordHasher } from '../../src/core/accounts/password-hasher';
import { createCoreOnDatabase, type Core } from '../../src/core/create-core';
import type { OpenedDatabase } from '../../src/core/db/types';
import type { FetchLike } from '../../src/core/sync/sync-http';
import type { SyncTimers } from '../../src/core/sync/sync-engine';
import type { LoadedSchoolConfig } from '../../src/core/school/load-school-config';

/** bcrypt's lowest cost: tests hash hundreds of passwords; the real cost is tested on its own. */
export const TEST_BCRYPT_COST = 4;
export const TEST_PASSWORD = 'пароль-для-тестов';

export interface TestCore extends Core {
  /** The account this core is signed in as (null for a signed-out core). */
  user: SessionUser | null;
  /** This core's files (avatars), a temporary directory. */
  dataDir: string;
  /** Everything the core reported to its logger (the dispatcher, the reply runner), in order. */
  logged: { message: string; data: unknown }[];
  /** Call a method and return its value; throws with the typed error when the call fails. */
  call<M extends MethodName>(method: M, ...input: undefined extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]): Promise<MethodOutput<M>>;
  /** Call a method and return the raw envelope (to assert on errors). */
  raw(method: string, input?: unknown): Promise<InvokeResult>;
}

export class CallFailed extends Error {
  constructor(readonly error: Extract<InvokeResult, { ok: false }>['error']) {
    super(`${error.code}: ${error.message}`);
  }
}

let accountCounter = 0;

/** People on one computer share its files: every test core over the same database gets the same data directory. */
const dataDirs = new Map<OpenedDatabase['db'], string>();
process.on('exit', () => {
  for (const dir of dataDirs.values()) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDirFor(database: OpenedDatabase): string {
  let dir = dataDirs.get(database.db);
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-test-core-'));
    dataDirs.set(database.db, dir);
  }
  return dir;
}

/** Teachers that answer nothing: the chat stores only what the student writes. */
export const silentTeachers: TeacherFactory = {
  openai: () => ({ kind: 'openai', streamReply: async function* () {} }),
  offline: () => ({ kind: 'offline', streamReply: async function* () {} }),
};

export interface TestCoreOptions {
  now?: () => Date;
  /** The device's zone (default Europe/Moscow, so tests do not depend on the machine's). */
  timeZone?: string;
  /** Teachers for the chat (default: the real ones; `silentTeachers` for tests about storage only). */
  teachers?: TeacherFactory;
  /** Sign in as a new account of this role (default: a student), or stay signed out with null. */
  as?: { role?: UserRole; username?: string; fullName?: string } | null;
  /** The school-wide configuration of this computer (default: none). */
  school?: LoadedSchoolConfig;
  /** The sync client's network (tests/support/fake-sync-server.ts); default: the real one. */
  syncFetch?: FetchLike;
  /** When background syncs fire (default: real timers). */
  syncTimers?: SyncTimers;
}

/**
 * A core over a test database that it does not own (closing it leaves the database open), signed in
 * as a fresh account. Several test cores over one database are several people on one computer.
 */
export async function createTestCore(database: OpenedDatabase, options: TestCoreOptions = {}): Promise<TestCore> {
  const errors: { message: string; data: unknown }[] = [];
  const dataDir = dataDirFor(database);
  const core = createCoreOnDatabase(
    { ...database, close: async () => {} },
    {
      appVersion: '0.0.0-test',
      dataDir,
      bcryptCost: TEST_BCRYPT_COST,
      now: options.now,
      timeZone: () => options.timeZone ?? 'Europe/Moscow',
      ...(options.teachers ? { teachers: options.teachers } : {}),
      ...(options.school ? { school: options.school } : {}),
      ...(options.syncFetch ? { syncFetch: options.syncFetch, deviceName: 'Компьютер в классе' } : {}),
      ...(options.syncTimers ? { syncTimers: options.syncTimers } : {}),
      logger: { error: (message, data) => errors.push({ message, data }) },
    },
  );
  let user: SessionUser | null = null;
  if (options.as !== null) {
    const n = ++accountCounter;
    const username = options.as?.username ?? `student${n}`;
    user = await createAccount(database.db, createPasswordHasher(TEST_BCRYPT_COST), {
      email: `${username}@school.test`,
      username,
      fullName: options.as?.fullName ?? `Ученик ${n}`,
      password: TEST_PASSWORD,
      role: options.as?.role ?? 'student',
    });
    core.session.signIn(user);
  }
  return {
    ...core,
    user,
    dataDir,
    logged: errors,
    raw: (method, input) => core.invoke(method, input),
    call: (async (method: MethodName, input?: unknown) => {
      const result = await core.invoke(method, input);
      if (!result.ok) throw new CallFailed(result.error);
      return result.value;
    }) as TestCore['call'],
  };
}
