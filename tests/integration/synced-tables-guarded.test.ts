import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { executeRows } from '../../src/core/db/execute-rows';
import { SYNCED_TABLES } from '../../src/core/sync/synced-tables';
import { describeOnEachDatabase } from '../support/test-databases';

/**
 * A synced table is an entry in synced-tables.ts AND a change-tracking trigger AND (for a student's rows)
 * row-level security in a migration. Forgetting one of the latter is silent — devices never receive the
 * table's changes, or one student can read another's rows — so the database is compared with the list.
 */
describeOnEachDatabase('every synced table is tracked and guarded', (context) => {
  const db = () => context.db;
  it('the change-tracking triggers are exactly on the synced tables', async () => {
    const rows = await executeRows<{ table: string }>(
      db(),
      sql`SELECT DISTINCT c.relname AS table FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE p.proname = 'sync_track_change' AND NOT t.tgisinternal ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual(SYNCED_TABLES.map((t) => t.name).sort());
  });

  it("every student's synced table, and every table with a user_id, has forced row-level security with a policy for the app role", async () => {
    const withUserId = await executeRows<{ table: string }>(
      db(),
      sql`SELECT table_name AS table FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY 1`,
    );
    const guarded = new Set([...SYNCED_TABLES.filter((t) => t.scope === 'user').map((t) => t.name), ...withUserId.map((r) => r.table)]);
    const state = await executeRows<{ table: string; enabled: boolean; forced: boolean; app_policies: number }>(
      db(),
      sql`SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid
               AND (SELECT oid FROM pg_roles WHERE rolname = 'teacher_app') = ANY(p.polroles)) AS app_policies
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    const unguarded = state
      .filter((t) => guarded.has(t.table))
      .filter((t) => !t.enabled || !t.forced || t.app_policies === 0)
      .map((t) => t.table);
    expect(unguarded).toEqual([]);
    expect(state.filter((t) => guarded.has(t.table))).toHaveLength(guarded.size);
  });

  it('the app role can only read the shared catalogue', async () => {
    for (const table of SYNCED_TABLES.filter((t) => t.scope === 'catalogue')) {
      const [privileges] = await executeRows<{ read: boolean; write: boolean }>(
        db(),
        sql`SELECT has_table_privilege('teacher_app', ${table.name}, 'SELECT') AS read,
              has_table_privilege('teacher_app', ${table.name}, 'INSERT,UPDATE,DELETE,TRUNCATE') AS write`,
      );
      expect({ table: table.name, ...privileges }).toEqual({ table: table.name, read: true, write: false });
    }
  });
});
