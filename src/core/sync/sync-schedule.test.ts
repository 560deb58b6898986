import { describe, expect, it } from 'vitest';
import { nextSchedule, SIGNED_OUT, SYNC_TIMING, type ScheduleEvent, type ScheduleState } from './sync-schedule';

const half = () => 0.5;
/** Feed events one after another, as the engine does; answers every decision. */
function run(events: ScheduleEvent[], from: ScheduleState = SIGNED_OUT) {
  let state = from;
  return events.map((event) => {
    const decision = nextSchedule(state, event, half);
    state = decision.state;
    return decision;
  });
}
const linked: ScheduleEvent = { type: 'signedIn', linked: true, blocked: false };
const ok = (at: number, rerun = false): ScheduleEvent => ({ type: 'syncFinished', at, rerun, failure: null });
const unreachable = (at: number): ScheduleEvent => ({ type: 'syncFinished', at, rerun: false, failure: { reason: 'server_unreachable' } });

describe('the sync schedule', () => {
  it('signing in to a linked account syncs at once, then every minute', () => {
    const [signedIn, fired, finished] = run([linked, { type: 'timerFired' }, ok(0)]);
    expect(signedIn!.timer).toEqual({ kind: 'debounce', ms: 0 });
    expect(fired!.sync).toBe(true);
    expect(finished!.timer).toEqual({ kind: 'period', ms: SYNC_TIMING.periodMs });
  });

  it('an unlinked or blocked account never syncs on its own', () => {
    expect(run([{ type: 'signedIn', linked: false, blocked: false }, { type: 'changed', at: 0 }]).map((d) => d.timer)).toEqual([null, null]);
    expect(run([{ type: 'signedIn', linked: true, blocked: true }, { type: 'changed', at: 0 }]).map((d) => d.timer)).toEqual([null, null]);
  });

  it('debounces changes: 2 s after the last, never later than 10 s after the first', () => {
    const decisions = run([linked, { type: 'timerFired' }, ok(0), { type: 'changed', at: 1_000 }, { type: 'changed', at: 2_500 }, { type: 'changed', at: 9_500 }, { type: 'changed', at: 10_500 }]);
    expect(decisions.slice(3).map((d) => d.timer)).toEqual([
      { kind: 'debounce', ms: 2_000 },
      { kind: 'debounce', ms: 2_000 },
      { kind: 'debounce', ms: 1_500 },
      { kind: 'debounce', ms: 500 },
    ]);
  });

  it('backs off 2 s, 4 s, 8 s … up to 5 minutes, and changes meanwhile wait; Retry-After is honoured', () => {
    const decisions = run([linked, unreachable(0), unreachable(1), unreachable(2), { type: 'changed', at: 3 }]);
    expect(decisions.slice(1, 4).map((d) => d.timer)).toEqual([2_000, 4_000, 8_000].map((ms) => ({ kind: 'backoff', ms })));
    expect(decisions[4]!.timer).toBeNull();
    const limited = run([linked, { type: 'syncFinished', at: 0, rerun: false, failure: { reason: 'rate_limited', retryAfterSeconds: 90 } }]);
    expect(limited[1]!.timer).toEqual({ kind: 'backoff', ms: 90_000 });
    let state: ScheduleState = { ...SIGNED_OUT, linked: true, failures: 40 };
    state = nextSchedule(state, unreachable(0), half).state;
    expect(nextSchedule(state, unreachable(0), half).timer).toEqual({ kind: 'backoff', ms: SYNC_TIMING.backoffMaxMs });
  });

  it('a failure the student must fix stops the timer until they act; «Синхронизировать» clears the back-off', () => {
    const decisions = run([linked, { type: 'syncFinished', at: 0, rerun: false, failure: { reason: 'sign_in_again' } }, { type: 'changed', at: 1 }]);
    expect(decisions[1]).toMatchObject({ timer: 'clear', state: { blocked: true } });
    expect(decisions[2]!.timer).toBeNull();
    const requested = nextSchedule({ ...decisions[2]!.state }, { type: 'syncRequested' }, half);
    expect(requested.state).toMatchObject({ blocked: false, failures: 0 });
  });

  it('a change during a sync brings another one soon after; unlinking stops everything', () => {
    const [, , again] = run([linked, { type: 'timerFired' }, ok(5_000, true)]);
    expect(again!.timer).toEqual({ kind: 'debounce', ms: SYNC_TIMING.debounceMs });
    const [, unlinked] = run([linked, { type: 'unlinked' }]);
    expect(unlinked).toMatchObject({ timer: 'clear', state: { linked: false } });
    const [, gone] = run([linked, { type: 'syncFinished', at: 0, rerun: false, failure: { reason: 'not_linked' } }]);
    expect(gone).toMatchObject({ timer: 'clear', state: { linked: false } });
  });
});
