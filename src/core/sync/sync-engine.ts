import { sql } from 'drizzle-orm';
import type { SyncDevice, SyncStatus } from '../../shared/contract/sync';
import type { PasswordHasher } from '../accounts/password-hasher';
import type { SecretBox } from '../ai/secret-box';
import { executeRows } from '../db/execute-rows';
import type { Db } from '../db/types';
import type { EventHub } from '../events/event-hub';
import type { Fanout } from '../events/fanout';
import { countPendingMutations } from '../outbox/outbox';
import { applyPull, type PullOutcome } from './apply-pull';
import { tellPages } from './tell-pages';
import { linkByRegistering, linkBySigningIn, signInFromServer, type LinkContext, type Linked } from './link-accounts';
import { SyncFailed, toSyncFailed } from './sync-failure';
import { createSyncHttp, type FetchLike, type SyncHttp } from './sync-http';
import { authed, pullAll, pushOutbox } from './sync-pass';
import { NEEDS_THE_STUDENT, nextSchedule, SIGNED_OUT, SYNC_TIMING, type ScheduleEvent, type ScheduleState } from './sync-schedule';
import { createStoredTokens } from './stored-tokens';
import { deleteLink, findLink, linkedWithPending, recordOutcome, type SyncLink } from './sync-store';
import type { TrustSource } from './trusted-server';

export { backoffDelay, SYNC_TIMING } from './sync-schedule';

/** How long sign-out and quit wait for the student's last changes to reach the server: never longer. */
export const SEND_BEFORE_LEAVING_MS = 5_000;

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
  /** Each committed outbox row (its student's id): the one cue that a change waits to be sent. */
  outboxCommits?: Pick<Fanout<string>, 'subscribe'>;
  /** Who is signed in: only that student syncs. */
  session: { readonly currentUserId: string | null };
  secrets: SecretBox;
  passwords: PasswordHasher;
  /** The school configuration: its server (or one an admin trusted) is the only one that changes the shared catalogue. */
  school: TrustSource;
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
   * Before the student leaves (sign-out, quit): push what waits, if the account is linked and has
   * anything pending; answers after the push or after `boundMs`, whichever comes first.
   */
  sendBeforeLeaving(userId: string, boundMs?: number): Promise<SyncStatus>;
  /**
   * Push (never pull) the outboxes of linked accounts that are not signed in: a student who signed out
   * before their changes left still gets them to the server. Runs on its own timer every period.
   */
  sendWaiting(): Promise<void>;
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
  renameDevice(userId: string, deviceId: string, name: string): Promise<SyncDevice[]>;
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
  /** A change arrived while syncing: go again soon after. */
  rerun: boolean;
}

/** The signed-in student: their schedule (sync-schedule.ts) and the real timer armed for it. */
interface Active {
  userId: string;
  schedule: ScheduleState;
  timer: unknown;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, events, secrets, now, timeZone } = options;
  const tokens = createStoredTokens({ db, secrets, now });
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const abort = new AbortController();
  const accounts = new Map<string, Account>();
  const background = new Set<Promise<unknown>>();
  const lastEmitted = new Map<string, string>();
  let active: Active | null = null;
  let closed = false;
  let waitingTimer: unknown = null;

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
    school: options.school,
    log,
  };

  const account = (userId: string): Account => {
    let found = accounts.get(userId);
    if (!found) {
      found = { running: null, syncing: false, tail: Promise.resolve(), rerun: false };
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

  // ---- one sync -------------------------------------------------------------------------------

  async function syncPass(userId: string, link: SyncLink): Promise<void> {
    const http = httpFor(link.serverUrl);
    const source = tokens.source(userId, http);
    const target = { db, http, tokens: source, outboxUserId: userId, deviceId: link.deviceId, schemaVersion: await getSchemaVersion(), now, log };
    let cursor = link.cursor;
    // A second round only when the pull showed the server lost acknowledged mutations (restored from a backup).
    for (let round = 0; round < 2; round++) {
      await pushOutbox(target);
      const pulled = await pullAll(http, source, cursor);
      const { ignored, changed, requeued } = await applyPull(db, userId, { ...pulled, syncedAt: now(), serverUrl: link.serverUrl }, options.school);
      reportIgnored(log, link.serverUrl, ignored);
      if (!closed && active?.userId === userId) tellPages(events, changed);
      if (requeued === 0) return;
      log('sync: the server has lost changes it had acknowledged (restored from a backup?); sending them again', { requeued });
      cursor = pulled.cursor;
    }
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
        if (failure.reason === 'sign_in_again' || failure.reason === 'device_revoked') tokens.forget(userId);
        if (!closed) {
          // Offline included (a wrong address or a firewall looks the same): retries back off, so these stay few.
          log('sync failed', { reason: failure.reason, message: failure.message });
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
    track(
      running.then((failure) => {
        if (active?.userId !== userId) return;
        const rerun = state.rerun;
        state.rerun = false;
        const finished = failure ? { reason: failure.reason, ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}) } : null;
        step({ type: 'syncFinished', at: now().getTime(), rerun, failure: finished });
      }),
    );
    return running;
  }

  // ---- push only (leaving, and accounts nobody is signed in to) --------------------------------

  /** Push this account's outbox, after whatever runs for it; a sync already running pushes first, so it is joined. */
  function runPush(userId: string): Promise<SyncFailed | null> {
    const state = account(userId);
    if (state.running) return state.running;
    return exclusive(userId, async (): Promise<SyncFailed | null> => {
      const link = await findLink(db, userId);
      if (!link || closed || (link.lastError && NEEDS_THE_STUDENT.has(link.lastError))) return null;
      if ((await countPendingMutations(db, userId)) === 0) return null;
      state.syncing = true;
      await announce(userId);
      try {
        const http = httpFor(link.serverUrl);
        await pushOutbox({ db, http, tokens: tokens.source(userId, http), outboxUserId: userId, deviceId: link.deviceId, schemaVersion: await getSchemaVersion(), now, log });
        return null;
      } catch (error) {
        const failure = toSyncFailed(error, 'sync');
        // Only what waits for the student is remembered; anything else the next sync meets again.
        if (NEEDS_THE_STUDENT.has(failure.reason) && !closed) {
          tokens.forget(userId);
          await recordOutcome(db, userId, { lastError: failure.reason }).catch(() => undefined);
        }
        return failure;
      } finally {
        state.syncing = false;
        if (!closed) await announce(userId);
      }
    });
  }

  async function sendBeforeLeaving(userId: string, boundMs = SEND_BEFORE_LEAVING_MS): Promise<SyncStatus> {
    if (closed) return statusOf(userId);
    let timeout: ReturnType<typeof setTimeout> | undefined;
    // A real timer, not `timers`: the bound must hold even where background timers are held (tests).
    const bound = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, boundMs);
    });
    const push = runPush(userId);
    track(push);
    await Promise.race([push, bound]);
    clearTimeout(timeout);
    // Whatever did not make it goes in the background, once this student is no longer the signed-in one.
    track(push.then(() => armIfWaiting()));
    return statusOf(userId);
  }

  /** Linked accounts nobody is signed in to, with changes to send and nothing the student must do first. */
  const othersWaiting = async () =>
    (await linkedWithPending(db)).filter((a) => a.userId !== active?.userId && !(a.lastError && NEEDS_THE_STUDENT.has(a.lastError)));

  async function sendWaiting(): Promise<void> {
    if (closed) return;
    // One after another: a school computer with many accounts should not open many connections at once.
    for (const { userId } of await othersWaiting()) {
      if (closed) return;
      const failure = await runPush(userId);
      if (failure?.reason === 'server_unreachable') break;
    }
    await armIfWaiting();
  }

  /** The background timer runs only while something of a signed-out student waits: idle computers stay quiet. */
  async function armIfWaiting(): Promise<void> {
    if (closed || waitingTimer !== null) return;
    const waiting = await othersWaiting();
    // Checked again: another call may have armed it meanwhile.
    if (closed || waitingTimer !== null || waiting.length === 0) return;
    waitingTimer = timers.set(() => {
      waitingTimer = null;
      track(sendWaiting());
    }, SYNC_TIMING.periodMs);
  }

  // ---- scheduling (the signed-in student only) ----------------------------------------------

  /** Feed the schedule an event and carry out its decision with the real timers. */
  function step(event: ScheduleEvent): void {
    if (!active || closed) return;
    const target = active;
    const decision = nextSchedule(target.schedule, event, random);
    target.schedule = decision.state;
    if (decision.timer !== null && target.timer !== null) {
      timers.clear(target.timer);
      target.timer = null;
    }
    if (decision.timer !== null && decision.timer !== 'clear') {
      target.timer = timers.set(() => {
        if (active !== target || closed) return;
        target.timer = null;
        step({ type: 'timerFired' });
      }, decision.timer.ms);
    }
    if (decision.sync) void runSync(target.userId);
  }

  function changed(): void {
    if (closed) return;
    // Nobody signed in: a reply that finished after its student left; it goes in the background.
    if (!active) return track(armIfWaiting());
    const current = active;
    track(announce(current.userId));
    if (!current.schedule.linked) return;
    const state = account(current.userId);
    if (state.running) {
      state.rerun = true;
      return;
    }
    step({ type: 'changed', at: now().getTime() });
  }

  function activate(userId: string | null): void {
    if (closed || (active?.userId ?? null) === userId) return;
    if (active?.timer != null) timers.clear(active.timer);
    active = userId ? { userId, schedule: SIGNED_OUT, timer: null } : null;
    // The one who left may have left changes behind.
    track(armIfWaiting());
    if (!userId) return;
    lastEmitted.delete(userId);
    const target = active!;
    track(
      (async () => {
        const link = await findLink(db, userId);
        if (active !== target || closed) return;
        const blocked = link?.lastError != null && NEEDS_THE_STUDENT.has(link.lastError);
        await announce(userId);
        if (active === target && !closed) step({ type: 'signedIn', linked: link !== null, blocked });
      })(),
    );
  }

  /** After a link: the account is the signed-in one's; its first sync runs now. */
  async function afterLinking(linked: Linked): Promise<SyncStatus> {
    tokens.remember(linked.userId, linked.tokens);
    if (active?.userId === linked.userId) step({ type: 'linked' });
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
        tokens.forget(userId);
        await recordOutcome(db, userId, { lastError: failed.reason });
        if (active?.userId === userId) step({ type: 'needsStudent' });
        await announce(userId);
      }
      throw failed;
    }
  }

  async function listDevices(userId: string): Promise<SyncDevice[]> {
    const link = await requireLink(userId);
    const http = httpFor(link.serverUrl);
    const devices = await remembering(userId, () => authed(tokens.source(userId, http), (token) => http.devices(token)));
    return devices.map((d) => ({ ...d, current: d.id === link.deviceId }));
  }

  const failing = <T>(work: () => Promise<T>, stage: 'credentials' | 'register' = 'credentials') =>
    work().catch((error: unknown) => {
      throw toSyncFailed(error, stage);
    });

  // Sign-ins and sign-outs reach the engine as the core's own events; changes as committed outbox rows.
  const unsubscribe = events.subscribe((event) => {
    if (event.name === 'session.changed') activate(options.session.currentUserId);
  });
  const unsubscribeOutbox =
    options.outboxCommits?.subscribe((userId) => {
      // Another account's change (a reply that finished after its student left) goes in the background.
      if (active && active.userId !== userId) track(armIfWaiting());
      else changed();
    }) ?? (() => {});
  activate(options.session.currentUserId);
  // Left behind by a sitting before this start (the app was closed offline): keep trying.
  track(armIfWaiting());

  return {
    status: (userId) => statusOf(userId),

    async syncNow(userId) {
      if (!(await findLink(db, userId))) return statusOf(userId);
      if (active?.userId === userId) step({ type: 'syncRequested' });
      await runSync(userId);
      return announce(userId);
    },

    changed,
    activate,
    sendBeforeLeaving,
    sendWaiting,

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
      tokens.remember(linked.userId, linked.tokens);
      return { userId: linked.userId };
    },

    async unlink(userId) {
      await exclusive(userId, async () => {
        await deleteLink(db, userId);
        tokens.forget(userId);
      });
      if (active?.userId === userId) step({ type: 'unlinked' });
      return announce(userId);
    },

    devices: listDevices,

    async revokeDevice(userId, deviceId) {
      const link = await requireLink(userId);
      const http = httpFor(link.serverUrl);
      await remembering(userId, () => authed(tokens.source(userId, http), (token) => http.revokeDevice(token, deviceId)));
      return listDevices(userId);
    },

    async renameDevice(userId, deviceId, name) {
      const link = await requireLink(userId);
      const http = httpFor(link.serverUrl);
      await remembering(userId, () => authed(tokens.source(userId, http), (token) => http.renameDevice(token, deviceId, name)));
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
      unsubscribeOutbox();
      if (active?.timer != null) timers.clear(active.timer);
      if (waitingTimer != null) timers.clear(waitingTimer);
      active = null;
      abort.abort();
      const states = [...accounts.values()];
      await Promise.allSettled([...states.map((a) => a.running), ...states.map((a) => a.tail), ...background]);
    },
  };
}

/** What a pull did not take is worth a line in the log: a student linked to a server this computer does not trust. */
export function reportIgnored(log: (message: string, data?: Record<string, unknown>) => void, serverUrl: string, ignored: PullOutcome['ignored']): void {
  if (ignored.catalogue > 0) log('sync: catalogue changes from a server this computer does not trust were ignored', { serverUrl, count: ignored.catalogue });
  if (ignored.rows > 0) log('sync: rows naming what this computer does not have were ignored', { serverUrl, count: ignored.rows });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
}
