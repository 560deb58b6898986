import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api-error';

export interface ActionState<A extends unknown[]> {
  /** Runs the action; resolves true when it succeeded (the failure is in `error`). */
  run: (...args: A) => Promise<boolean>;
  pending: boolean;
  error: ApiError | null;
  /** Forgets the last failure (e.g. when the student edits the form again). */
  clearError: () => void;
}

/**
 * One user intent that calls the core (a form's submit, a button): tracks whether it is running and
 * how it last failed. A second run while one is pending is ignored, so a double click sends once.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>): ActionState<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A) => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await latest.current(...args);
      return true;
    } catch (failure) {
      if (mounted.current) setError(toApiError(failure));
      return false;
    } finally {
      running.current = false;
      if (mounted.current) setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
