import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../core/db/schema-version';
import { MIGRATIONS_FOLDER } from './paths';
import { registerStudent, startTestServer, type RegisteredStudent, type TestServer } from './test-harness';
import { APP_ROLE } from './user-transaction';

/**
 * Row-level security, the second wall (docs/sync.md): queried directly as `teacher_app` — the role every
 * student request runs as — with another student's id set, every per-user table shows, changes and
 * accepts nothing of the first student's.
 */

let t: TestServer;
let a: RegisteredStudent & { sessionId: string };
let b: RegisteredStudent;
let perUserTables: string[];

/** Tables that belong to students without a user_id column of their own, and how their owner is found. */
const OWNER_OF: Record<string, (userId: string, sessions: string[]) => { where: string; params: unknown[] }> = {
  users: (userId) => ({ where: 'id = $1', params: [userId] }),
  chat_messages: (_userId, sessions) => ({ where: 'session_id = ANY($1::uuid[])', params: [sessions] }),
  chat_drafts: (_userId, sessions) => ({ where: 'session_id = ANY($1::uuid[])', params: [sessions] }),
  sync_changes: (userId) => ({ where: 'scope_id = $1', params: [userId] }),
  sync_scopes: (userId) => ({ where: 'scope_id = $1', params: [userId] }),
};
const ownerOf = (table: string, userId: string, sessions: string[]) =>
  OWNER_OF[table]?.(userId, sessions) ?? { where: 'user_id = $1', params: [userId] };
/** Tables whose rows only the server's own steps create and delete (0009): teacher_app may not at all. */
const NOT_DELETABLE = new Set(['users', 'sync_devices', 'sync_refresh_tokens', 'review_log']);
/** Append-only logs (0012): teacher_app may read and insert their rows, never rewrite them. */
const NOT_UPDATABLE = new Set(['review_log']);

/** A column that can be set to itself, to try an UPDATE (one teacher_app may update at all: 0009). */
function touchColumn(table: string): string {
  if (table === 'users') return 'full_name';
  if (table === 'sync_devices') return 'last_seen_at';
  if (table === 'sync_refresh_tokens') return 'revoked_at';
  if (table === 'sync_changes' || table === 'sync_scopes') return 'scope_id';
  return OWNER_OF[table] ? 'session_id' : 'user_id';
}

/** Run statements as teacher_app, optionally as a student, in a transaction that is always rolled back. */
async function asAppRole<T>(userId: string | null, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await t.admin.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
    if (userId) await client.query(`SELECT set_config('teacher.user_id', $1, true)`, [userId]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** The SQLSTATE a statement fails with inside a savepoint (null: it succeeded). */
async function failureOf(client: pg.PoolClient, text: string, params: unknown[]): Promise<string | null> {
  await client.query('SAVEPOINT try');
  try {
    await client.query(text, params);
    await client.query('RELEASE SAVEPOINT try');
    return null;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT try');
    return (error as { code?: string }).code ?? 'unknown';
  }
}

beforeAll(async () => {
  t = await startTestServer();
  const { rows: lessons } = await t.admin.query<{ id: string; course_id: string; exam: string | null }>(
    `SELECT DISTINCT ON (c.exam_type IS NULL) l.id, l.course_id, c.exam_type AS exam FROM lessons l JOIN courses c ON c.id = l.course_id
     ORDER BY c.exam_type IS NULL, l.lesson_number`,
  );
  const school = lessons.find((l) => l.exam === null)!;
  const exam = lessons.find((l) => l.exam !== null)!;
  const at = new Date().toISOString();
  const today = at.slice(0, 10);
  const { rows: concepts } = await t.admin.query<{ term: string }>(`SELECT key_concepts -> 0 ->> 'term' AS term FROM lessons WHERE id = $1`, [school.id]);
  const seed = async (student: RegisteredStudent) => {
    const sessionId = randomUUID();
    const answer = await t.api.post(
      '/sync/push',
      {
        deviceId: student.deviceId,
        schemaVersion: schemaVersionOf(MIGRATIONS_FOLDER),
        mutations: [
          { id: 1, name: 'lesson.complete', args: { lessonId: school.id, score: 100, timeSpentMinutes: 30, at } },
          { id: 2, name: 'lesson.complete', args: { lessonId: exam.id, score: 70, timeSpentMinutes: 5, at } },
          { id: 3, name: 'chat.startSession', args: { sessionId, sessionType: 'lesson', courseId: null, lessonId: school.id, contextData: {}, at } },
          { id: 4, name: 'chat.appendMessage', args: { messageId: randomUUID(), sessionId, role: 'user', content: 'Почему?', at } },
          { id: 5, name: 'plan.generate', args: { courseId: school.course_id, targetDate: `${Number(today.slice(0, 4)) + 1}-06-01`, studyDays: [1, 3, 5], minutesPerDay: 30, today, at } },
          { id: 6, name: 'lesson.complete', args: { lessonId: randomUUID(), score: 1, timeSpentMinutes: 1, at } }, // rejected, recorded
          { id: 7, name: 'review.answer', args: { reviewId: randomUUID(), cardKey: `concept:${school.id}:${concepts[0]!.term}`, rating: 3, at, timeZone: 'Europe/Moscow' } },
        ],
      },
      student.tokens.accessToken,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // Device-side tables the server never writes still carry the policy: give them a row each.
    await t.admin.query(
      `INSERT INTO outbox (user_id, mutation_id, name, args) VALUES ($1, 1, 'profile.update', '{}');
       INSERT INTO outbox_sequences (user_id, last_mutation_id) VALUES ($1, 1);
       INSERT INTO sent_mutations (user_id, mutation_id, name, args, created_at, acknowledged_at) VALUES ($1, 1, 'profile.update', '{}', now(), now());
       INSERT INTO sync_rejections (user_id, mutation_name, args, reason, rejected_at) VALUES ($1, 'lesson.complete', '{}', 'not_found: Lesson not found', now());
       INSERT INTO sign_in_guards (user_id, failed_attempts) VALUES ($1, 1);
       INSERT INTO sync_accounts (user_id, server_url, device_id) VALUES ($1, 'https://sync.example.org', gen_random_uuid());
       INSERT INTO user_ai_settings (user_id, provider) VALUES ($1, 'offline');
       INSERT INTO chat_drafts (message_id, session_id, content) VALUES (gen_random_uuid(), $2, 'draft');`.replace(/\$1/g, `'${student.userId}'`).replace(/\$2/g, `'${sessionId}'`),
    );
    return sessionId;
  };
  const registered = await registerStudent(t.api);
  a = { ...registered, sessionId: await seed(registered) };
  b = await registerStudent(t.api);
  await seed(b);
  const { rows } = await t.admin.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.column_name = 'user_id' AND tb.table_type = 'BASE TABLE' ORDER BY 1`,
  );
  perUserTables = [...rows.map((r) => r.table_name), ...Object.keys(OWNER_OF)];
});
afterAll(async () => {
  await t?.close();
});

describe('row-level security', () => {
  it('is enabled AND forced on every table with a user_id column and on the other per-student tables', async () => {
    const { rows } = await t.admin.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1)`,
      [perUserTables],
    );
    expect(perUserTables.length).toBeGreaterThanOrEqual(20);
    expect(rows).toHaveLength(perUserTables.length);
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('has a policy for reads and writes on each, and teacher_app owns nothing and cannot bypass it', async () => {
    const { rows: policies } = await t.admin.query<{ tablename: string; cmd: string; roles: string[] }>(
      `SELECT tablename, cmd, roles::text[] AS roles FROM pg_policies WHERE schemaname = 'public' AND $1 = ANY(roles)`,
      [APP_ROLE],
    );
    for (const table of perUserTables) {
      expect(policies.filter((p) => p.tablename === table && p.cmd === 'ALL'), table).toHaveLength(1);
    }
    const { rows: role } = await t.admin.query(`SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    expect(role).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false }]);
    const { rows: owned } = await t.admin.query(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [APP_ROLE],
    );
    expect(owned).toEqual([]);
  });

  it('every per-user table holds rows of student A (so the zeros below mean something)', async () => {
    for (const table of perUserTables) {
      const owner = ownerOf(table, a.userId, [a.sessionId]);
      const { rows } = await t.admin.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${owner.where}`, owner.params);
      expect(rows[0].n, table).toBeGreaterThan(0);
      // …and A, as teacher_app with A's id, does see them: the policy lets the owner in.
      const own = await asAppRole(a.userId, (client) => client.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${owner.where}`, owner.params));
      expect(own.rows[0].n, table).toBe(rows[0].n);
    }
  });

  it('as student B: SELECT, UPDATE and DELETE of A’s rows touch 0 rows in every per-user table', async () => {
    await asAppRole(b.userId, async (client) => {
      for (const table of perUserTables) {
        const owner = ownerOf(table, a.userId, [a.sessionId]);
        const column = touchColumn(table);
        expect((await client.query(`SELECT * FROM ${table} WHERE ${owner.where}`, owner.params)).rowCount, `SELECT ${table}`).toBe(0);
        if (NOT_UPDATABLE.has(table)) expect(await failureOf(client, `UPDATE ${table} SET ${column} = ${column} WHERE ${owner.where}`, owner.params), `UPDATE ${table}`).toBe('42501');
        else expect((await client.query(`UPDATE ${table} SET ${column} = ${column} WHERE ${owner.where}`, owner.params)).rowCount, `UPDATE ${table}`).toBe(0);
        if (NOT_DELETABLE.has(table)) expect(await failureOf(client, `DELETE FROM ${table} WHERE ${owner.where}`, owner.params), `DELETE ${table}`).toBe('42501');
        else expect((await client.query(`DELETE FROM ${table} WHERE ${owner.where}`, owner.params)).rowCount, `DELETE ${table}`).toBe(0);
      }
    });
    // Nothing of A's went anywhere.
    for (const table of perUserTables) {
      const owner = ownerOf(table, a.userId, [a.sessionId]);
      expect((await t.admin.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${owner.where}`, owner.params)).rows[0].n, table).toBeGreaterThan(0);
    }
  });

  it('as student B: INSERTing a row of A’s violates the policy in every per-user table', async () => {
    for (const table of perUserTables) {
      const owner = ownerOf(table, a.userId, [a.sessionId]);
      const { rows } = await t.admin.query(`SELECT to_jsonb(t.*) AS row FROM ${table} t WHERE ${owner.where} LIMIT 1`, owner.params);
      await asAppRole(b.userId, async (client) => {
        // The very row, copied: the policy is checked before any key could clash.
        const code = await failureOf(client, `INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1)`, [rows[0].row]);
        expect(code, table).toBe('42501');
      });
    }
  });

  it('as student B: moving one’s own row over to A violates the policy', async () => {
    await asAppRole(b.userId, async (client) => {
      for (const table of perUserTables.filter((name) => !OWNER_OF[name])) {
        const code = await failureOf(client, `UPDATE ${table} SET user_id = $1 WHERE user_id = $2`, [a.userId, b.userId]);
        expect(code, table).toBe('42501');
      }
    });
  });

  it('as teacher_app without a student id: no student’s rows at all', async () => {
    await asAppRole(null, async (client) => {
      for (const table of perUserTables) {
        // The catalogue's change feed is everyone's; everything else needs a student.
        const where = table === 'sync_changes' || table === 'sync_scopes' ? `scope_id <> '00000000-0000-0000-0000-000000000000'` : 'true';
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('teacher_app cannot write the shared catalogue or the server’s sign-in limits', async () => {
    await asAppRole(b.userId, async (client) => {
      expect(await failureOf(client, `UPDATE courses SET title = 'x'`, [])).toBe('42501');
      expect(await failureOf(client, `DELETE FROM lessons`, [])).toBe('42501');
      expect(await failureOf(client, `UPDATE achievements SET points_reward = 0`, [])).toBe('42501');
      expect(await failureOf(client, `DELETE FROM sync_sign_in_limits`, [])).toBe('42501');
      expect(await failureOf(client, `DELETE FROM content_packs`, [])).toBe('42501');
      // Reading the catalogue is what students do.
      expect((await client.query('SELECT count(*)::int AS n FROM courses')).rows[0].n).toBeGreaterThan(0);
    });
  });

  it('teacher_app cannot change its own role, password, login, devices’ owner or refresh tokens (0009: columns, not only rows)', async () => {
    const { rows: [token] } = await t.admin.query<{ token_hash: string }>(`SELECT token_hash FROM sync_refresh_tokens WHERE user_id = $1 LIMIT 1`, [a.userId]);
    await asAppRole(a.userId, async (client) => {
      const own = [a.userId];
      for (const set of [`role = 'admin'`, `password_hash = 'x'`, `email = 'a@evil.test'`, `username = 'evil'`, `id = gen_random_uuid()`]) {
        expect(await failureOf(client, `UPDATE users SET ${set} WHERE id = $1`, own), set).toBe('42501');
      }
      expect(await failureOf(client, `DELETE FROM users WHERE id = $1`, own)).toBe('42501');
      expect(await failureOf(client, `UPDATE sync_devices SET user_id = user_id, name = 'x' WHERE user_id = $1`, own)).toBe('42501');
      expect(await failureOf(client, `INSERT INTO sync_devices (id, user_id, name) VALUES (gen_random_uuid(), $1, 'mine')`, own)).toBe('42501');
      expect(await failureOf(client, `DELETE FROM sync_devices WHERE user_id = $1`, own)).toBe('42501');
      expect(await failureOf(client, `UPDATE sync_refresh_tokens SET expires_at = now() + interval '10 years' WHERE user_id = $1`, own)).toBe('42501');
      expect(await failureOf(client, `UPDATE sync_refresh_tokens SET used_at = NULL WHERE user_id = $1`, own)).toBe('42501');
      expect(
        await failureOf(client, `INSERT INTO sync_refresh_tokens (token_hash, device_id, user_id, expires_at) VALUES ('h', $2, $1, now() + interval '1 day')`, [a.userId, a.deviceId]),
      ).toBe('42501');
      expect(await failureOf(client, `DELETE FROM sync_refresh_tokens WHERE token_hash = $1`, [token!.token_hash])).toBe('42501');
      // What a student's requests do change still works: the name, the points, a sign-in's «last seen».
      expect(await failureOf(client, `UPDATE users SET full_name = 'Анна', total_points = total_points + 1, level = level WHERE id = $1`, own)).toBeNull();
      expect(await failureOf(client, `UPDATE sync_devices SET last_seen_at = now(), last_mutation_id = last_mutation_id WHERE user_id = $1`, own)).toBeNull();
    });
  });

  it('teacher_app may revoke its own device and tokens, and never take a revocation back', async () => {
    const student = await registerStudent(t.api);
    await asAppRole(student.userId, async (client) => {
      const own = [student.userId];
      expect(await failureOf(client, `UPDATE sync_devices SET revoked_at = now() WHERE user_id = $1`, own)).toBeNull();
      expect(await failureOf(client, `UPDATE sync_refresh_tokens SET revoked_at = now() WHERE user_id = $1`, own)).toBeNull();
      expect(await failureOf(client, `UPDATE sync_devices SET revoked_at = NULL WHERE user_id = $1`, own)).toBe('42501');
      expect(await failureOf(client, `UPDATE sync_devices SET revoked_at = now() + interval '1 year' WHERE user_id = $1`, own)).toBe('42501');
      expect(await failureOf(client, `UPDATE sync_refresh_tokens SET revoked_at = NULL WHERE user_id = $1`, own)).toBe('42501');
    });
    // The server's own steps (an admin's revocation, sign-in) are not held by this.
    await t.admin.query(`UPDATE sync_devices SET revoked_at = now() WHERE user_id = $1`, [student.userId]);
    await t.admin.query(`UPDATE sync_devices SET revoked_at = NULL WHERE user_id = $1`, [student.userId]);
  });
});
