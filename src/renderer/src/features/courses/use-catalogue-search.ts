import { useCallback, useEffect, useState } from 'react';
import type { SearchResult } from '../../../../shared/contract';
import { api } from '../../lib/api';
import { toApiError, type ApiError } from '../../lib/api-error';

/** Fewer letters than this find too much to be useful: the catalogue shows instead. */
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_DELAY_MS = 250;
const SEARCH_MAX_LENGTH = 200;

/** The search words as sent: trimmed and within the contract's length; null while too short to search. */
export function searchQuery(text: string): string | null {
  const query = text.trim().slice(0, SEARCH_MAX_LENGTH).trim();
  return query.length >= SEARCH_MIN_LENGTH ? query : null;
}

interface Answer {
  query: string;
  result?: SearchResult;
  error?: ApiError;
}

export interface CatalogueSearch {
  /** null while the text is too short: nothing is being searched. */
  query: string | null;
  /** The answer to the current words; while newer words are on their way, the previous answer (stale). */
  result: SearchResult | undefined;
  error: ApiError | undefined;
  /** The answer on screen is not (yet) the answer to the words in the box. */
  searching: boolean;
  retry: () => void;
}

/**
 * `catalogue.search` as the student types: once the typing pauses for SEARCH_DELAY_MS and there are
 * at least SEARCH_MIN_LENGTH letters. An answer to words no longer in the box is never shown as theirs.
 */
export function useCatalogueSearch(text: string): CatalogueSearch {
  const query = searchQuery(text);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      api.call('catalogue.search', { query }).then(
        (result) => current && setAnswer({ query, result }),
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
    result: answer?.result,
    error: fresh ? answer.error : undefined,
    searching: query !== null && !fresh,
    retry,
  };
}
