import { useCallback, useEffect, useRef } from 'react';

/**
 * Calls `fn` with the last value once the calls stop for `delayMs` (a slider being dragged, a number
 * being typed). A value still waiting when the component goes away is delivered then, not lost.
 */
export function useDebounced<T>(fn: (value: T) => void, delayMs: number): (value: T) => void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const waiting = pending.current;
    pending.current = null;
    if (waiting) latest.current(waiting.value);
  }, []);

  useEffect(() => flush, [flush]);

  return useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );
}
