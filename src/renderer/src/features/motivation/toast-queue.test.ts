import { describe, expect, it } from 'vitest';
import { initialToastState, toastReducer, unseenShown, visibleToasts, VISIBLE_TOASTS, type ToastAction, type ToastState } from './toast-queue';

const run = (actions: ToastAction[], state: ToastState = initialToastState) => actions.reduce(toastReducer, state);
const unlocked = (id: string, points = 10): ToastAction => ({ type: 'achievement', achievementId: id, name: id, title: `Title ${id}`, points });

describe('toast queue', () => {
  it('toasts each achievement once, however often it is reported', () => {
    const state = run([unlocked('a'), unlocked('a'), unlocked('b'), unlocked('a')]);
    expect(state.toasts.map((toast) => (toast.kind === 'achievement' ? toast.achievementId : toast.kind))).toEqual(['a', 'b']);
  });

  it('does not toast an achievement again after its toast was dismissed', () => {
    let state = run([unlocked('a')]);
    state = toastReducer(state, { type: 'dismiss', key: state.toasts[0]!.key });
    expect(state.toasts).toEqual([]);
    expect(run([unlocked('a')], state).toasts).toEqual([]);
  });

  it('adds up points that come one after another, keeping the level reached', () => {
    const state = run([
      { type: 'points', points: 10, levelReached: null },
      { type: 'points', points: 50, levelReached: 2 },
      { type: 'points', points: 10, levelReached: null },
    ]);
    expect(state.toasts).toHaveLength(1);
    expect(state.toasts[0]).toMatchObject({ kind: 'points', points: 70, levelReached: 2 });
  });

  it('gives a merged points toast a new key so it stays on screen its full time', () => {
    const first = run([{ type: 'points', points: 10, levelReached: null }]);
    const second = toastReducer(first, { type: 'points', points: 10, levelReached: null });
    expect(second.toasts[0]!.key).not.toBe(first.toasts[0]!.key);
  });

  it('ignores an event without points or level', () => {
    expect(run([{ type: 'points', points: 0, levelReached: null }])).toBe(initialToastState);
  });

  it('shows a few at a time and reports only the achievements on screen as seen, once', () => {
    const state = run([unlocked('a'), unlocked('b'), unlocked('c'), unlocked('d'), unlocked('e')]);
    expect(visibleToasts(state)).toHaveLength(VISIBLE_TOASTS);
    expect(unseenShown(state, new Set())).toEqual(['a', 'b', 'c', 'd']);
    expect(unseenShown(state, new Set(['a', 'b', 'c', 'd']))).toEqual([]);
    const next = toastReducer(state, { type: 'dismiss', key: state.toasts[0]!.key });
    expect(unseenShown(next, new Set(['a', 'b', 'c', 'd']))).toEqual(['e']);
  });

  it('dismissing an unknown toast changes nothing', () => {
    const state = run([unlocked('a')]);
    expect(toastReducer(state, { type: 'dismiss', key: 'nope' })).toBe(state);
  });
});
