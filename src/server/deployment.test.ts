import { afterAll, describe, expect, inject, it } from 'vitest';
import { schemaVersionOf } from '../core/db/schema-version';
import { MIGRATIONS_FOLDER } from './paths';
import { startServer } from './server';
import { captureLog, client, registerStudent, TEST_SECRET } from './test-harness';
import { connectClient } from '../core/db/pg-connections';

/**
 * A deployment like production: the server connects as an ordinary role that owns its database (no
 * superuser, no CREATEROLE) — it migrates, and row-level security applies to it too (FORCE).
 */

const suffix = `${process.pid}_${Date.now()}`;
const cleanups: string[] = [];

async function asSuperuser(statement: string): Promise<void> {
  const admin = await connectClient({ connectionString: inject('postgresUrl') });
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A login role owning a fresh database; its URL. */
async function ownedDatabase(name: string): Promise<string> {
  const role = `owner_${name}_${suffix}`;
  const database = `deploy_${name}_${suffix}`;
  await asSuperuser(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB`);
  await asSuperuser(`CREATE DATABASE ${database} OWNER ${role}`);
  cleanups.unshift(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, `DROP ROLE IF EXISTS ${role}`);
  const url = new URL(inject('postgresUrl'));
  url.username = role;
  url.pathname = `/${database}`;
  return url.toString();
}

afterAll(async () => {
  for (const statement of cleanups.sort((a, b) => Number(a.startsWith('DROP ROLE')) - Number(b.startsWith('DROP ROLE')))) {
    await asSuperuser(statement);
  }
});

describe('deployment as an ordinary database role', () => {
  it('migrates, installs the catalogue and serves students when an operator made the role a member of teacher_app', async () => {
    const url = await ownedDatabase('member');
    const role = new URL(url).username;
    // What an operator does once per cluster (the migrating role may not create roles).
    await asSuperuser(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'teacher_app') THEN CREATE ROLE teacher_app NOLOGIN; END IF; END $$`);
    await asSuperuser(`GRANT teacher_app TO ${role}`);
    const server = await startServer({
      env: { DATABASE_URL: url, TOKEN_SECRET: TEST_SECRET, PORT: '0', BCRYPT_COST: '4' },
      log: captureLog().log,
      version: 'test',
      host: '127.0.0.1',
    });
    try {
      const api = client(server.url);
      const student = await registerStudent(api);
      const other = await registerStudent(api);
      const push = await api.post(
        '/sync/push',
        {
          deviceId: student.deviceId,
          schemaVersion: schemaVersionOf(MIGRATIONS_FOLDER),
          mutations: [{ id: 1, name: 'profile.update', args: { fullName: 'Production', at: new Date().toISOString() } }],
        },
        student.tokens.accessToken,
      );
      expect(push).toMatchObject({ status: 200, body: { lastMutationId: 1, rejected: [] } });
      const pull = await api.get('/sync/pull?cursor=0.0', student.tokens.accessToken);
      expect(pull.status).toBe(200);
      const tables = new Set(pull.body.changes.map((c: { table: string }) => c.table));
      expect(tables).toEqual(new Set(['courses', 'lessons', 'achievements', 'users', 'user_preferences']));
      expect(JSON.stringify(pull.body)).not.toContain(other.userId);

      // The tables belong to the server's role, not to teacher_app.
      const owner = await connectClient({ connectionString: url });
      const { rows } = await owner.query(`SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`);
      await owner.end();
      expect(rows).toEqual([{ owner: role }]);
    } finally {
      await server.close();
    }
  });

  it('refuses to start, saying why, when the role cannot become teacher_app', async () => {
    const url = await ownedDatabase('stranger');
    await expect(
      startServer({ env: { DATABASE_URL: url, TOKEN_SECRET: TEST_SECRET, PORT: '0' }, log: captureLog().log, version: 'test', host: '127.0.0.1' }),
    ).rejects.toThrow(/not a member of teacher_app/);
  });
});
