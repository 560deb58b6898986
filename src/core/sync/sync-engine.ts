import { sql } from 'drizzle-orm';
import type { SyncDevice, SyncFailure, SyncStatus } from '../../shared/contract/sync';
import type { TokensResponse } from '../../shared/sync';
import type { PasswordHasher } from '../accounts/password-hasher';
import type { SecretBox } from '../ai/secret-box';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import type { EventHub } from '../events/event-hub';
import { countPendingMutations } from '../outbox/outbox';
import { applyPull } from './apply-pull';
import { linkByRegistering, linkBySigningIn, signInFromServer, type LinkContext, type Linked } from './link-accounts';
import { SyncFailed, toSyncFailed } from './sync-failure';
import { createSyncHttp, type FetchLike, type SyncHttp } from './sync-http';
import { authed, pullAll, pushOutbox, type TokenSource } from './sync-pass';
import { deleteLink, findLink, recordOutcome, storeRefreshToken, type SyncLink } from './sync-store';

/** When syncs happen (DESIGN.md §5); tests shorten nothing, they drive an injected clock and timers. */
export const SYNC_TIMING = {
  /** After a local change, wait this long for more changes before syncing… */
  debounceMs: 2_000,
  /** …but no longer than this after the first of them. */
  debounceMaxMs: 10_000,
  /** While signed in and linked, with nothing else going on. */
  periodMs: 60_000,
  /** After a failure: doubling from here… */
  backoffBaseMs: 2_000,
  /** …up to here. */
  backoffMaxMs: 5 * 60_000,
} as const;

/** The wait before retry number `failures` (1, 2, …): doubling from 2 s to 5 min, ±20 % jitter so devices do not retry in step. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(SYNC_TIMING.backoffMaxMs, SYNC_TIMING.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.min(SYNC_TIMING.backoffMaxMs, Math.round(base * (0.8 + 0.4 * random())));
}

/** Failures no retry can fix: the student has to act (sign in again, link again). */
const NEEDS_THE_STUDENT: ReadonlySet<SyncFailure> = new Set(['sign_in_again', 'device_revoked', 'not_linked']);

export interface SyncTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that never keep the process alive on their own. */
export const realTimers: SyncTimers = {
  set: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SyncEngineOptions {
  db: Db;
  events: EventHub;
  /** Who is signed in: only that student syncs. */
  session: { readonly currentUserId: string | null };
  secrets: SecretBox;
  passwords: PasswordHasher;
  /** The network, injectable: tests put a fake server (and faults) here. */
  fetch?: FetchLike;
  now: () => Date;
  timeZone: () => string;
  /** Migrations this device has (see schema-version.ts); counted from the database when absent. */
  schemaVersion?: number | null;
  /** How this computer is listed among the student's devices. */
  deviceName: string;
  newAccountPreferences?: () => { language?: string; theme?: string };
  log?: (message: string, data?: Record<string, unknown>) => void;
  timers?: SyncTimers;
  /** Jitter of the back-off; tests fix it. */
  random?: () => number;
  /** Per request. */
  timeoutMs?: number;
}

export interface SyncEngine {
  /** Where this student's sync stands. */
  status(userId: string): Promise<SyncStatus>;
  /** Sync now — or join the sync already running — and answer where it stands afterwards. */
  syncNow(userId: string): Promise<SyncStatus>;
  /** A change of the signed-in student was committed: sync soon (debounced). */
  changed(): void;
  /** The signed-in student changed (null: nobody): their syncing starts, the previous one's stops. */
  activate(userId: string | null): void;
  /**
   * (a) Create the local account on the server and link it; the first sync runs before this answers.
   * `userId` is the account now (a fresh id of the server's, when someone there had this one).
   */
  linkRegister(userId: string, input: { serverUrl: string; password: string }): Promise<{ userId: string; status: SyncStatus }>;
  /** (b) Link to an existing server account; `userId` is the account now (the server's, when it replaced the local one). */
  linkSignIn(userId: string, input: { serverUrl: string; login: string; password: string }): Promise<{ userId: string; status: SyncStatus }>;
  /** (c) Bring an account from the server onto this computer; the caller signs it in. `trusted`: see link-accounts. */
  signInFromServer(input: { serverUrl: string; login: string; password: string; trusted: boolean }): Promise<{ userId: string }>;
  /** Forget the link; the data stays. */
  unlink(userId: string): Promise<SyncStatus>;
  devices(userId: string): Promise<SyncDevice[]>;
  revokeDevice(userId: string, deviceId: string): Promise<SyncDevice[]>;
  /** Resolves once no sync and no status update is running (tests; timers may still be set). */
  idle(): Promise<void>;
  /** Stops the timers and waits for a running sync (its network requests are cut short). */
  close(): Promise<void>;
}

interface Account {
  /** The sync running now; a second request joins it. */
  running: Promise<SyncFailed | null> | null;
  syncing: boolean;
  /** Link operations and syncs of one account take turns. */
  tail: Promise<unknown>;
  /** The access token lives in memory only. */
  access: { token: string; expiresAt: number } | null;
  refreshing: Promise<string> | null;
  /** A change arrived while syncing: go again soon after. */
  rerun: boolean;
}

interface Active {
  userId: string;
  linked: boolean;
  timer: unknown;
  timerKind: 'debounce' | 'period' | 'backoff' | null;
  failures: number;
  /** The last sync needs the student (sign in again, link again): no sync until they act. */
  blocked: boolean;
  /** When the first change of the current debounce window arrived. */
  debounceSince: number | null;
}

const EXPIRY_MARGIN_MS = 30_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, events, secrets, now, timeZone } = options;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const abort = new AbortController();
  const accounts = new Map<string, Account>();
  const background = new Set<Promise<unknown>>();
  const lastEmitted = new Map<string, string>();
  let active: Active | null = null;
  let closed = false;

  const httpFor = (serverUrl: string): SyncHttp =>
    createSyncHttp(serverUrl, { fetch: options.fetch, signal: abort.signal, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });

  let schemaVersion: Promise<number> | null = options.schemaVersion == null ? null : Promise.resolve(options.schemaVersion);
  const getSchemaVersion = () =>
    (schemaVersion ??= executeRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`).then((rows) => Number(rows[0]?.n ?? 0)));

  const linkContext: LinkContext = {
    db,
    passwords: options.passwords,
    secrets,
    now,
    timeZone,
    schemaVersion: getSchemaVersion,
    deviceName: options.deviceName.trim().slice(0, 100) || 'Teacher AI',
    httpFor,
    newAccountPreferences: options.newAccountPreferences ?? (() => ({})),
    log,
  };

  const account = (userId: string): Account => {
    let found = accounts.get(userId);
    if (!found) {
      found = { running: null, syncing: false, tail: Promise.resolve(), access: null, refreshing: null, rerun: false };
      accounts.set(userId, found);
    }
    return found;
  };

  /** Runs `work` after everything queued for this account before it. */
  const exclusive = <T>(userId: string, work: () => Promise<T>): Promise<T> => {
    const state = account(userId);
    const result = state.tail.then(work, work);
    state.tail = result.catch(() => undefined);
    return result;
  };

  const track = (promise: Promise<unknown>) => {
    const settled = promise.catch((error: unknown) => log('sync: background task failed', { error: describe(error) }));
    background.add(settled);
    void settled.finally(() => background.delete(settled));
  };

  // ---- status ---------------------------------------------------------------------------------

  async function statusOf(userId: string): Promise<SyncStatus> {
    const [link, pending] = await Promise.all([findLink(db, userId), countPendingMutations(db, userId)]);
    if (!link) return { state: 'unlinked', pending, lastSyncedAt: null, reason: null, serverUrl: null, deviceId: null };
    const syncing = accounts.get(userId)?.syncing ?? false;
    const reason = syncing ? null : link.lastError;
    const state = syncing
      ? 'syncing'
      : reason === 'server_unreachable'
        ? 'offline'
        : reason
          ? 'error'
          : pending > 0 || !link.lastSyncedAt
            ? 'queued'
            : 'synced';
    return {
      state,
      pending,
      lastSyncedAt: link.lastSyncedAt?.toISOString() ?? null,
      reason,
      serverUrl: link.serverUrl,
      deviceId: link.deviceId,
    };
  }

  /** Tell the page where the signed-in student's sync stands, when that changed. */
  async function announce(userId: string): Promise<SyncStatus> {
    const status = await statusOf(userId);
    if (!closed && active?.userId === userId) {
      const payload = { state: status.state, pending: status.pending, at: status.lastSyncedAt, reason: status.reason };
      const key = JSON.stringify(payload);
      if (lastEmitted.get(userId) !== key) {
        lastEmitted.set(userId, key);
        events.emit('sync.status', payload);
      }
    }
    return status;
  }

  // ---- tokens ---------------------------------------------------------------------------------

  const remember = (userId: string, tokens: TokensResponse) => {
    account(userId).access = { token: tokens.accessToken, expiresAt: Date.parse(tokens.accessExpiresAt) };
  };

  /** The stored, sealed refresh token of a linked account; every refresh stores its successor at once. */
  function storedTokens(userId: string, http: SyncHttp): TokenSource {
    const state = account(userId);
    return {
      async token(fresh) {
        if (!fresh && state.access && state.access.expiresAt - now().getTime() > EXPIRY_MARGIN_MS) return state.access.token;
        state.refreshing ??= (async () => {
          try {
            const link = await findLink(db, userId);
            const refreshToken = link?.refreshTokenSealed ? secrets.open(link.refreshTokenSealed) : null;
            if (!refreshToken) throw new SyncFailed('sign_in_again', 'No refresh token is stored for this account');
            let tokens: TokensResponse;
            try {
              tokens = await http.refresh(refreshToken);
            } catch (error) {
              const failed = toSyncFailed(error, 'refresh');
              // Refused (used twice — the answer with its successor was lost — or revoked): it is spent for good.
              if (NEEDS_THE_STUDENT.has(failed.reason)) await storeRefreshToken(db, userId, null);
              throw failed;
            }
            await storeRefreshToken(db, userId, secrets.seal(tokens.refreshToken));
            remember(userId, tokens);
            return tokens.accessToken;
          } finally {
            state.refreshing = null;
          }
        })();
        return state.refreshing;
      },
    };
  }

  // ---- one sync -------------------------------------------------------------------------------

  async function syncPass(userId: string, link: SyncLink): Promise<void> {
    const http = httpFor(link.serverUrl);
    const tokens = storedTokens(userId, http);
    await pushOutbox({ db, http, tokens, outboxUserId: userId, deviceId: link.deviceId, schemaVersion: await getSchemaVersion(), log });
    const pulled = await pullAll(http, tokens, link.cursor);
    await applyPull(db, userId, { ...pulled, syncedAt: now() });
  }

  /** One sync of this account at a time: a request while one runs joins it. Resolves with its failure, if any. */
  function runSync(userId: string): Promise<SyncFailed | null> {
    const state = account(userId);
    if (state.running) return state.running;
    const run = exclusive(userId, async (): Promise<SyncFailed | null> => {
      const link = await findLink(db, userId);
      if (!link || closed) return link ? null : new SyncFailed('not_linked', 'This account is not linked to a server');
      state.syncing = true;
      state.rerun = false;
      await announce(userId);
      let failure: SyncFailed | null = null;
      try {
        await syncPass(userId, link);
      } catch (error) {
        failure = toSyncFailed(error, 'sync');
        if (failure.reason === 'sign_in_again' || failure.reason === 'device_revoked') state.access = null;
        if (!closed) {
          // Being offline is ordinary for this app: the chip says so, the log need not.
          if (failure.reason !== 'server_unreachable') log('sync failed', { reason: failure.reason, message: failure.message });
          await recordOutcome(db, userId, { lastError: failure.reason }).catch(() => undefined);
        }
      } finally {
        state.syncing = false;
      }
      if (!closed) await announce(userId);
      return failure;
    });
    state.running = run.finally(() => {
      state.running = null;
    });
    const running = state.running;
    track(running.then((failure) => plan(userId, failure)));
    return running;
  }

  // ---- scheduling (the signed-in student only) ----------------------------------------------

  function schedule(kind: NonNullable<Active['timerKind']>, ms: number): void {
    if (!active || closed) return;
    if (active.timer !== null) timers.clear(active.timer);
    const target = active;
    target.timerKind = kind;
    target.timer = timers.set(() => {
      if (active !== target || closed) return;
      target.timer = null;
      target.timerKind = null;
      target.debounceSince = null;
      void runSync(target.userId);
    }, Math.max(0, ms));
  }

  function stopTimer(): void {
    if (active?.timer != null) timers.clear(active.timer);
    if (active) {
      active.timer = null;
      active.timerKind = null;
      active.debounceSince = null;
    }
  }

  /** After a sync of the signed-in student: the next one. */
  function plan(userId: string, failure: SyncFailed | null): void {
    if (!active || active.userId !== userId || closed || !active.linked) return;
    if (failure?.reason === 'not_linked') {
      active.linked = false;
      stopTimer();
      return;
    }
    active.blocked = failure !== null && NEEDS_THE_STUDENT.has(failure.reason);
    if (!failure) {
      active.failures = 0;
      if (account(userId).rerun) {
        account(userId).rerun = false;
        debounce();
      } else schedule('period', SYNC_TIMING.periodMs);
      return;
    }
    if (active.blocked) {
      stopTimer();
      return;
    }
    active.failures += 1;
    let delay = backoffDelay(active.failures, random);
    if (failure.retryAfterSeconds !== undefined) delay = Math.max(delay, failure.retryAfterSeconds * 1000);
    schedule('backoff', delay);
  }

  function debounce(): void {
    if (!active) return;
    const at = now().getTime();
    active.debounceSince ??= at;
    schedule('debounce', Math.min(SYNC_TIMING.debounceMs, active.debounceSince + SYNC_TIMING.debounceMaxMs - at));
    // schedule() forgets nothing of the window: keep its start.
  }

  function changed(): void {
    if (!active || closed) return;
    const current = active;
    track(announce(current.userId));
    if (!current.linked) return;
    const state = account(current.userId);
    if (state.running) {
      state.rerun = true;
      return;
    }
    // Backing off (the server is away) or waiting for the student: the change waits in the outbox.
    if (current.timerKind === 'backoff' || current.blocked) return;
    debounce();
  }

  function activate(userId: string | null): void {
    if (closed || (active?.userId ?? null) === userId) return;
    stopTimer();
    active = userId ? { userId, linked: false, blocked: false, timer: null, timerKind: null, failures: 0, debounceSince: null } : null;
    if (!userId) return;
    lastEmitted.delete(userId);
    const target = active!;
    track(
      (async () => {
        const link = await findLink(db, userId);
        if (active !== target || closed) return;
        target.linked = link !== null;
        target.blocked = link?.lastError != null && NEEDS_THE_STUDENT.has(link.lastError);
        await announce(userId);
        // Signing in syncs at once, unless the account waits for the student (sign in again, revoked).
        if (link && !target.blocked) schedule('debounce', 0);
      })(),
    );
  }

  /** After a link: the account is the signed-in one's; its first sync runs now. */
  async function afterLinking(linked: Linked): Promise<SyncStatus> {
    remember(linked.userId, linked.tokens);
    if (active?.userId === linked.userId) {
      active.linked = true;
      active.blocked = false;
      active.failures = 0;
    }
    await runSync(linked.userId);
    return announce(linked.userId);
  }

  /** A linked account that can talk to its server now (one waiting for the student says why it cannot). */
  async function requireLink(userId: string): Promise<SyncLink> {
    const link = await findLink(db, userId);
    if (!link) throw new SyncFailed('not_linked', 'This account is not linked to a server');
    if (link.lastError && NEEDS_THE_STUDENT.has(link.lastError)) throw new SyncFailed(link.lastError, 'The account waits for the student to sign in again');
    return link;
  }

  /** A call for the account outside a sync; when it finds the account must sign in again, the status says so too. */
  async function remembering<T>(userId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const failed = toSyncFailed(error, 'sync');
      if (NEEDS_THE_STUDENT.has(failed.reason) && failed.reason !== 'not_linked' && !closed) {
        account(userId).access = null;
        await recordOutcome(db, userId, { lastError: failed.reason });
        if (active?.userId === userId) {
          active.blocked = true;
          stopTimer();
        }
        await announce(userId);
      }
      throw failed;
    }
  }

  async function listDevices(userId: string): Promise<SyncDevice[]> {
    const link = await requireLink(userId);
    const http = httpFor(link.serverUrl);
    const devices = await remembering(userId, () => authed(storedTokens(userId, http), (token) => http.devices(token)));
    return devices.map((d) => ({ ...d, current: d.id === link.deviceId }));
  }

  const failing = <T>(work: () => Promise<T>, stage: 'credentials' | 'register' = 'credentials') =>
    work().catch((error: unknown) => {
      throw toSyncFailed(error, stage);
    });

  // Sign-ins, sign-outs and assistant replies reach the engine as the core's own events.
  const unsubscribe = events.subscribe((event) => {
    if (event.name === 'session.changed') activate(options.session.currentUserId);
    else if (event.name === 'chat.replyFinished') changed();
  });
  activate(options.session.currentUserId);

  return {
    status: (userId) => statusOf(userId),

    async syncNow(userId) {
      if (!(await findLink(db, userId))) return statusOf(userId);
      if (active?.userId === userId) {
        active.failures = 0;
        active.blocked = false;
      }
      await runSync(userId);
      return announce(userId);
    },

    changed,
    activate,

    async linkRegister(userId, { serverUrl, password }) {
      const linked = await exclusive(userId, () => failing(() => linkByRegistering(linkContext, userId, serverUrl, password), 'register'));
      if (linked.userId !== userId) accounts.delete(userId);
      return { userId: linked.userId, status: await afterLinking(linked) };
    },

    async linkSignIn(userId, { serverUrl, login, password }) {
      const linked = await exclusive(userId, () => failing(() => linkBySigningIn(linkContext, userId, serverUrl, login, password)));
      if (linked.userId !== userId) accounts.delete(userId);
      return { userId: linked.userId, status: await afterLinking(linked) };
    },

    async signInFromServer(input) {
      const linked = await failing(() => signInFromServer(linkContext, input));
      remember(linked.userId, linked.tokens);
      return { userId: linked.userId };
    },

    async unlink(userId) {
      await exclusive(userId, async () => {
        await deleteLink(db, userId);
        account(userId).access = null;
      });
      if (active?.userId === userId) {
        active.linked = false;
        active.blocked = false;
        active.failures = 0;
        stopTimer();
      }
      return announce(userId);
    },

    devices: listDevices,

    async revokeDevice(userId, deviceId) {
      const link = await requireLink(userId);
      const http = httpFor(link.serverUrl);
      await remembering(userId, () => authed(storedTokens(userId, http), (token) => http.revokeDevice(token, deviceId)));
      return listDevices(userId);
    },

    async idle() {
      for (;;) {
        const states = [...accounts.values()];
        const busy = [...states.map((a) => a.running), ...states.map((a) => a.tail), ...background];
        await Promise.allSettled(busy);
        // Let the continuations of what just settled (the next plan, a status update) start.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (states.length === accounts.size && [...accounts.values()].every((a) => a.running === null) && background.size === 0) return;
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      stopTimer();
      active = null;
      abort.abort();
      const states = [...accounts.values()];
      await Promise.allSettled([...states.map((a) => a.running), ...states.map((a) => a.tail), ...background]);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
}
