import type { Backup } from '../../shared/contract/backups';
import type { BackupsService } from './backup-service';

export const DAY_MS = 24 * 60 * 60_000;

export interface DailyBackupOptions {
  /** A new backup is made when the newest one is at least this old (24 h). */
  maxAgeMs?: number;
  /** How often a running app checks (hourly). */
  checkEveryMs?: number;
  /** The first check after start (30 s: the start itself is not slowed down). */
  firstCheckAfterMs?: number;
}

export interface DailyBackups {
  /** Makes the `daily` backup if one is due; resolves with it, or null when none was due. */
  check(): Promise<Backup | null>;
  /** Stops the timers and waits for a backup in progress. */
  stop(): Promise<void>;
}

export interface DailyBackupDeps {
  backups: BackupsService;
  /** A database without accounts holds nothing of anybody's yet: no backup of it. */
  hasAccounts: () => Promise<boolean>;
  now: () => Date;
  onError: (error: unknown) => void;
}

/** Once a day while the app is in use: shortly after start if the newest backup is a day old, then hourly checks. */
export function startDailyBackups(deps: DailyBackupDeps, options: DailyBackupOptions = {}): DailyBackups {
  const maxAgeMs = options.maxAgeMs ?? DAY_MS;
  let running: Promise<Backup | null> | null = null;
  let stopped = false;

  const due = async () => {
    const newest = deps.backups.list()[0];
    if (newest && deps.now().getTime() - Date.parse(newest.createdAt) < maxAgeMs) return false;
    return deps.hasAccounts();
  };

  const check = (): Promise<Backup | null> => {
    if (running) return running;
    running = (async () => {
      try {
        return stopped || !(await due()) ? null : await deps.backups.create('daily');
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const tick = () => void check().catch(deps.onError);
  const first = setTimeout(tick, options.firstCheckAfterMs ?? 30_000);
  const every = setInterval(tick, options.checkEveryMs ?? 60 * 60_000);
  // Timers must never keep a closing process alive.
  first.unref();
  every.unref();

  return {
    check,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running?.catch(() => undefined);
    },
  };
}
