import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api-error';

/** Fewer letters than this find too much to be useful: nothing is searched. */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_DELAY_MS = 250;
/** The contract's longest search words (`catalogue.search`, `chat.search`). */
export const SEARCH_MAX_LENGTH = 200;

/** The search words as sent: trimmed and within the contract's length; null while too short to search. */
export function searchQuery(text: string): string | null {
  const query = text.trim().slice(0, SEARCH_MAX_LENGTH).trim();
  return query.length >= SEARCH_MIN_LENGTH ? query : null;
}

interface Answer<T> {
  query: string;
  value?: T;
  error?: ApiError;
}

export interface DebouncedSearch<T> {
  /** null while the text is too short: nothing is being searched. */
  query: string | null;
  /** The answer to the words now in the box; undefined until it comes. */
  value: T | undefined;
  /** The last answer that came, even to older words (to keep on screen while newer ones are on their way). */
  lastValue: T | undefined;
  /** The failure of the search for the words now in the box. */
  error: ApiError | undefined;
  /** The answer on screen is not (yet) the answer to the words in the box. */
  searching: boolean;
  retry: () => void;
}

/**
 * Runs `search` as the student types: once the typing pauses for SEARCH_DELAY_MS and there are at
 * least SEARCH_MIN_LENGTH letters. An answer to words no longer in the box is never shown as theirs.
 */
export function useDebouncedSearch<T>(text: string, search: (query: string) => Promise<T>): DebouncedSearch<T> {
  const query = searchQuery(text);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latestSearch = useRef(search);
  useEffect(() => {
    latestSearch.current = search;
  });

  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      latestSearch.current(query).then(
        (value) => current && setAnswer({ query, value }),
        (failure: unknown) => current && setAnswer({ query, error: toApiError(failure) }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, attempt]);

  const retry = useCallback(() => {
    setAnswer(null);
    setAttempt((count) => count + 1);
  }, []);

  const fresh = answer !== null && answer.query === query;
  return {
    query,
    value: fresh ? answer.value : undefined,
    lastValue: answer?.value,
    error: fresh ? answer.error : undefined,
    searching: query !== null && !fresh,
    retry,
  };
}
