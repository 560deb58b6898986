import { describe, expect, inject, it } from 'vitest';
import { connectClient, createPool, runOnce } from './pg-connections';

/**
 * A test database dropped WITH (FORCE) terminates its connections (57P01). The pool's own client may still
 * be closing when its end() has resolved; without listeners that error crashed test runs.
 */
describe('pg connections survive being terminated by an administrator', () => {
  it('an idle pooled connection and a lone client report the error instead of crashing', async () => {
    const adminUrl = inject('postgresUrl');
    const name = `terminated_${process.pid}_${Date.now()}`;
    await runOnce(adminUrl, `CREATE DATABASE ${name}`);
    const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
    const seen: string[] = [];
    const pool = createPool({ connectionString: url, max: 2 }, (error) => seen.push(`pool: ${(error as { code?: string }).code}`));
    const client = await connectClient(url, (error) => seen.push(`client: ${(error as { code?: string }).code}`));
    await pool.query('SELECT 1');
    const admin = await connectClient(url);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await admin.end();
    // First the server's FATAL 57P01, possibly followed by "Connection terminated unexpectedly".
    await expect.poll(() => seen.filter((s) => s.endsWith('57P01')).sort(), { timeout: 5_000 }).toEqual(['client: 57P01', 'pool: 57P01']);
    // The pool replaces the broken connection on the next query.
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
    await client.end().catch(() => {});
    // Dropping it terminates whatever is still connected: with the listeners, that is harmless too.
    await runOnce(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`);
  });
});
