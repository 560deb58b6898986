import type { ChatSearchHit } from '../../../../shared/contract';
import { api } from '../../lib/api';
import { useDebouncedSearch } from '../../lib/use-debounced-search';

const searchChats = (query: string): Promise<ChatSearchHit[]> => api.call('chat.search', { query });

/** `chat.search` as the student types, once the typing pauses; an answer to older words is never shown as the current one's. */
export function useChatSearch(text: string) {
  const { query, value, error, searching, retry } = useDebouncedSearch(text, searchChats);
  return { query, hits: value, error, searching, retry };
}
