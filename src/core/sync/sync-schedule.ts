import type { SyncFailure } from '../../shared/contract/sync';

/**
 * When the signed-in student's device syncs, as a pure function: (state, event) → next state, the timer
 * to arm and whether to sync now. The engine owns the real timers and the network; this owns the rules,
 * so they are tested with plain values and a fake clock.
 */

/** When syncs happen; tests shorten nothing, they drive an injected clock and timers. */
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
export const NEEDS_THE_STUDENT: ReadonlySet<SyncFailure> = new Set(['sign_in_again', 'device_revoked', 'not_linked']);

export type TimerKind = 'debounce' | 'period' | 'backoff';

export interface ScheduleState {
  readonly linked: boolean;
  /** The last sync needs the student (sign in again, link again): no sync until they act. */
  readonly blocked: boolean;
  readonly failures: number;
  readonly timer: TimerKind | null;
  /** When the first change of the current debounce window arrived (ms). */
  readonly debounceSince: number | null;
}

export const SIGNED_OUT: ScheduleState = { linked: false, blocked: false, failures: 0, timer: null, debounceSince: null };

export type ScheduleEvent =
  /** The student signed in; their link was looked up. */
  | { type: 'signedIn'; linked: boolean; blocked: boolean }
  /** A change of theirs was committed. While a sync runs, the engine remembers to go again instead. */
  | { type: 'changed'; at: number }
  | { type: 'timerFired' }
  /** A sync ended; `rerun`: changes arrived while it ran. */
  | { type: 'syncFinished'; at: number; rerun: boolean; failure: { reason: SyncFailure; retryAfterSeconds?: number } | null }
  | { type: 'linked' }
  | { type: 'unlinked' }
  /** «Синхронизировать»: whatever the back-off, try now. */
  | { type: 'syncRequested' }
  /** A call outside a sync found the account must sign in again. */
  | { type: 'needsStudent' };

export interface ScheduleDecision {
  state: ScheduleState;
  /** Arm this timer (replacing any), 'clear' the current one, or leave it (null). */
  timer: { kind: TimerKind; ms: number } | 'clear' | null;
  /** Start a sync now. */
  sync: boolean;
}

const stay = (state: ScheduleState): ScheduleDecision => ({ state, timer: null, sync: false });
const stopped = (state: ScheduleState): ScheduleDecision => ({ state: { ...state, timer: null, debounceSince: null }, timer: 'clear', sync: false });
const arm = (state: ScheduleState, kind: TimerKind, ms: number): ScheduleDecision => ({
  state: { ...state, timer: kind },
  timer: { kind, ms: Math.max(0, ms) },
  sync: false,
});

/** One sync 2 s after the last change, and never later than 10 s after the first of the window. */
function debounce(state: ScheduleState, at: number): ScheduleDecision {
  const since = state.debounceSince ?? at;
  return arm({ ...state, debounceSince: since }, 'debounce', Math.min(SYNC_TIMING.debounceMs, since + SYNC_TIMING.debounceMaxMs - at));
}

export function nextSchedule(state: ScheduleState, event: ScheduleEvent, random: () => number = Math.random): ScheduleDecision {
  switch (event.type) {
    case 'signedIn': {
      const next = { ...SIGNED_OUT, linked: event.linked, blocked: event.blocked };
      // Signing in syncs at once, unless the account waits for the student.
      return event.linked && !event.blocked ? arm(next, 'debounce', 0) : stay(next);
    }
    case 'changed':
      // Backing off (the server is away) or waiting for the student: the change waits in the outbox.
      if (!state.linked || state.blocked || state.timer === 'backoff') return stay(state);
      return debounce(state, event.at);
    case 'timerFired':
      return { state: { ...state, timer: null, debounceSince: null }, timer: null, sync: true };
    case 'syncFinished': {
      if (!state.linked) return stay(state);
      const { failure } = event;
      if (failure?.reason === 'not_linked') return stopped({ ...state, linked: false });
      if (!failure) {
        const ok = { ...state, failures: 0, blocked: false };
        return event.rerun ? debounce(ok, event.at) : arm(ok, 'period', SYNC_TIMING.periodMs);
      }
      if (NEEDS_THE_STUDENT.has(failure.reason)) return stopped({ ...state, blocked: true });
      const failures = state.failures + 1;
      const delay = Math.max(backoffDelay(failures, random), (failure.retryAfterSeconds ?? 0) * 1000);
      return arm({ ...state, failures, blocked: false }, 'backoff', delay);
    }
    case 'linked':
      return stay({ ...state, linked: true, blocked: false, failures: 0 });
    case 'unlinked':
      return stopped({ ...state, linked: false, blocked: false, failures: 0 });
    case 'syncRequested':
      return stay({ ...state, blocked: false, failures: 0 });
    case 'needsStudent':
      return stopped({ ...state, blocked: true });
  }
}
