import type { SearchResult } from '../../../../shared/contract';
import { api } from '../../lib/api';
import type { ApiError } from '../../lib/api-error';
import { useDebouncedSearch } from '../../lib/use-debounced-search';

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

const searchCatalogue = (query: string): Promise<SearchResult> => api.call('catalogue.search', { query });

/** `catalogue.search` as the student types (see useDebouncedSearch), keeping the previous answer on screen meanwhile. */
export function useCatalogueSearch(text: string): CatalogueSearch {
  const { query, lastValue, error, searching, retry } = useDebouncedSearch(text, searchCatalogue);
  return { query, result: lastValue, error, searching, retry };
}
