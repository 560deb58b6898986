export const HEALTH_PATH = '/health';
export const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export interface HealthOptions {
  /** Runs `SELECT 1`; rejects (or never settles) when the database is unreachable. */
  ping(): Promise<unknown>;
  version: string;
  startedAt: number;
  now?: () => number;
  timeoutMs?: number;
}

/** Resolves true when `ping` succeeds within the timeout; never rejects, so a down database is a 503, not a crash. */
async function answersWithin(ping: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthAnswer {
  status: 200 | 503;
  body: { status: 'ok' | 'degraded'; database: 'ok' | 'unavailable'; version: string; uptimeSeconds: number };
}

/** `GET /health`: for load balancers and operators — is this instance up, and can it reach PostgreSQL? */
export function createHealthHandler(options: HealthOptions): () => Promise<HealthAnswer> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DATABASE_CHECK_TIMEOUT_MS;
  return async () => {
    const uptimeSeconds = Math.floor((now() - options.startedAt) / 1000);
    if (await answersWithin(options.ping, timeoutMs)) {
      return { status: 200, body: { status: 'ok', database: 'ok', version: options.version, uptimeSeconds } };
    }
    return { status: 503, body: { status: 'degraded', database: 'unavailable', version: options.version, uptimeSeconds } };
  };
}
