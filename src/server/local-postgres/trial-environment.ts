import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger';
import { startLocalCluster, type LocalCluster } from './local-cluster';

/**
 * `npm run server` without DATABASE_URL is a trial: a throw-away PostgreSQL 15 cluster (the system's or
 * the one installed from npm) and, without TOKEN_SECRET, a random secret. Nothing survives a stop — a
 * school's deployment always sets both.
 */
export async function trialEnvironment(env: NodeJS.ProcessEnv, log: Logger): Promise<{ env: NodeJS.ProcessEnv; cluster: LocalCluster | null }> {
  if (env.DATABASE_URL) return { env, cluster: null };
  const cluster = await startLocalCluster({ durable: true });
  log.warn('trial mode: no DATABASE_URL, using a temporary PostgreSQL cluster that is deleted on stop', { binaries: cluster.binaries, port: cluster.port });
  const secret = env.TOKEN_SECRET ?? randomBytes(32).toString('hex');
  if (!env.TOKEN_SECRET) log.warn('trial mode: no TOKEN_SECRET, using a random one (devices must sign in again after a restart)');
  return { env: { ...env, DATABASE_URL: cluster.url, TOKEN_SECRET: secret }, cluster };
}
