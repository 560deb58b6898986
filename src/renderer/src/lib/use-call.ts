import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { api } from './api';
import { toApiError, type ApiError } from './api-error';

export interface CallState<T> {
  /** The last value received; kept while a refresh runs or after a refresh fails. */
  data: T | undefined;
  /** The failure of the last attempt, if it failed. */
  error: ApiError | undefined;
  loading: boolean;
  /** Starts over, showing the loading state (for a «Retry» button). */
  reload: () => void;
  /** Fetches again in the background, keeping the current data on screen (for pushed events). */
  refresh: () => void;
  /** Changes the data on screen right away, e.g. with what a mutation returned. */
  update: (change: (data: T) => T) => void;
}

/**
 * Calls a read-only contract method when the component mounts and whenever its input changes.
 * Answers that arrive after a newer request started, or after unmount, are dropped.
 */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>): CallState<MethodOutput<M>> {
  const inputKey = JSON.stringify(input ?? null);
  const [data, setData] = useState<MethodOutput<M> | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState({ count: 0, silent: false });

  useEffect(() => {
    let current = true;
    if (!attempt.silent) {
      setLoading(true);
      setError(undefined);
    }
    const parsedInput = JSON.parse(inputKey) as MethodInput<M> | null;
    const call = api.call as (method: M, input?: MethodInput<M>) => Promise<MethodOutput<M>>;
    call(method, parsedInput ?? undefined).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(toApiError(failure));
        setLoading(false);
      },
    );
    return () => {
      // A newer request (or unmount) makes this one's answer irrelevant.
      current = false;
    };
  }, [method, inputKey, attempt]);

  // Different input means different data: do not show the previous course while the next one loads.
  const [shownKey, setShownKey] = useState(`${method}:${inputKey}`);
  if (shownKey !== `${method}:${inputKey}`) {
    setShownKey(`${method}:${inputKey}`);
    setData(undefined);
  }

  const reload = useCallback(() => setAttempt((a) => ({ count: a.count + 1, silent: false })), []);
  const refresh = useCallback(() => setAttempt((a) => ({ count: a.count + 1, silent: true })), []);
  const update = useCallback((change: (data: MethodOutput<M>) => MethodOutput<M>) => {
    setData((current) => (current === undefined ? current : change(current)));
  }, []);
  return { data, error, loading, reload, refresh, update };
}
