import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { clusterOwner, findPostgresBinaries, type PostgresBinaries } from './postgres-binaries';

export interface LocalCluster {
  /** Connection string of the `postgres` database. */
  url: string;
  port: number;
  /** Where the binaries came from (system, npm, PG_BIN_DIR). */
  binaries: PostgresBinaries['source'];
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runner(binaries: PostgresBinaries, owner: string | null) {
  return (program: string, args: string[]) => {
    const command = path.join(binaries.dir, program);
    // runuser keeps the environment, so the npm build still finds its libraries.
    const [file, argv] = owner ? ['runuser', ['-u', owner, '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8', env: binaries.env });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
}

/**
 * A throw-away PostgreSQL 15 cluster in a temporary directory on a free port (initdb + pg_ctl): for
 * tests, benchmarks and a trial of the central server. Durability settings are off unless asked for.
 */
export async function startLocalCluster(options: { durable?: boolean } = {}): Promise<LocalCluster> {
  const binaries = findPostgresBinaries();
  const owner = clusterOwner();
  const run = runner(binaries, owner);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-pg-'));
  if (owner) execFileSync('chown', [`${owner}:`, dir]);
  fs.chmodSync(dir, 0o700);
  const dataDir = path.join(dir, 'data');
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    // Benchmarks keep PostgreSQL's durability; tests trade it for speed.
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  run('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    binaries: binaries.source,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
