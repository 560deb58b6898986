/*
 * The toasts of points and achievements, as a pure reducer: the host renders the first few and
 * tells the core an achievement's toast was seen once it is on screen.
 */

export interface AchievementToast {
  kind: 'achievement';
  key: string;
  achievementId: string;
  name: string;
  /** The core's title, for an achievement this version has no translation of. */
  title: string;
  points: number;
}

export interface PointsToast {
  kind: 'points';
  key: string;
  points: number;
  /** The level just reached, if any. */
  levelReached: number | null;
}

export type Toast = AchievementToast | PointsToast;

export interface ToastState {
  toasts: readonly Toast[];
  /** Achievements toasted in this session: a second report of one (event and list) is ignored. */
  toasted: ReadonlySet<string>;
  nextKey: number;
}

export type ToastAction =
  | { type: 'achievement'; achievementId: string; name: string; title: string; points: number }
  | { type: 'points'; points: number; levelReached: number | null }
  | { type: 'dismiss'; key: string };

/** At most this many toasts are on screen; the rest wait their turn. */
export const VISIBLE_TOASTS = 4;

export const initialToastState: ToastState = { toasts: [], toasted: new Set(), nextKey: 1 };

export function toastReducer(state: ToastState, action: ToastAction): ToastState {
  switch (action.type) {
    case 'achievement': {
      if (state.toasted.has(action.achievementId)) return state;
      const toast: AchievementToast = {
        kind: 'achievement',
        key: `t${state.nextKey}`,
        achievementId: action.achievementId,
        name: action.name,
        title: action.title,
        points: action.points,
      };
      return { toasts: [...state.toasts, toast], toasted: new Set(state.toasted).add(action.achievementId), nextKey: state.nextKey + 1 };
    }
    case 'points': {
      if (action.points <= 0 && action.levelReached === null) return state;
      // Points coming in one after another (three answers in a row) make one toast that adds up, not a pile.
      const earlier = state.toasts.find((toast): toast is PointsToast => toast.kind === 'points');
      const points = action.points + (earlier?.points ?? 0);
      const levelReached = Math.max(action.levelReached ?? 0, earlier?.levelReached ?? 0) || null;
      const toast: PointsToast = { kind: 'points', key: `t${state.nextKey}`, points, levelReached };
      const others = state.toasts.filter((candidate) => candidate !== earlier);
      return { ...state, toasts: [toast, ...others], nextKey: state.nextKey + 1 };
    }
    case 'dismiss': {
      const toasts = state.toasts.filter((toast) => toast.key !== action.key);
      return toasts.length === state.toasts.length ? state : { ...state, toasts };
    }
  }
}

/** The toasts on screen now. */
export const visibleToasts = (state: ToastState): readonly Toast[] => state.toasts.slice(0, VISIBLE_TOASTS);

/** Achievements on screen that the core has not yet been told about. */
export function unseenShown(state: ToastState, alreadyReported: ReadonlySet<string>): string[] {
  return visibleToasts(state)
    .filter((toast): toast is AchievementToast => toast.kind === 'achievement')
    .map((toast) => toast.achievementId)
    .filter((id) => !alreadyReported.has(id));
}
