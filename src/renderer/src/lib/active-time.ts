/** Without a click, key, scroll or touch for this long the student is taken to be away. */
export const IDLE_AFTER_MS = 2 * 60 * 1000;

export interface ActiveTime {
  /** The student did something (this also counts the time up to now). */
  interact(now: number): void;
  /** The page was hidden (another window, a minimised app) or shown again. */
  setVisible(visible: boolean, now: number): void;
  /** Active milliseconds so far. */
  activeMs(now: number): number;
}

/**
 * Study time that counts: only while the page is visible and the student did something within the
 * last IDLE_AFTER_MS. Counted from events alone, without a timer: the stretch since the last event
 * counts up to the moment the student went idle or the page was hidden.
 */
export function createActiveTime(start: number, visible: boolean, idleAfterMs = IDLE_AFTER_MS): ActiveTime {
  let total = 0;
  let countedUpTo = start;
  let lastInteraction = start;
  let isVisible = visible;

  const advance = (now: number) => {
    if (now <= countedUpTo) return;
    if (isVisible) {
      const activeUntil = Math.min(now, lastInteraction + idleAfterMs);
      if (activeUntil > countedUpTo) total += activeUntil - countedUpTo;
    }
    countedUpTo = now;
  };

  return {
    interact(now) {
      advance(now);
      lastInteraction = Math.max(lastInteraction, now);
    },
    setVisible(nextVisible, now) {
      advance(now);
      // Coming back to the page is itself a sign of the student.
      if (nextVisible && !isVisible) lastInteraction = Math.max(lastInteraction, now);
      isVisible = nextVisible;
    },
    activeMs(now) {
      advance(now);
      return total;
    },
  };
}

/** Whole minutes for the progress record (half a minute and more counts as one). */
export const toMinutes = (ms: number): number => Math.round(ms / 60_000);
