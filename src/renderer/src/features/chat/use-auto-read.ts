import { useEffect, useRef } from 'react';
import type { ConversationState } from './conversation-state';
import type { ReadAloud } from './use-read-aloud';

/** In a voice conversation each reply is read aloud as soon as it is complete (not the ones there before). */
export function useAutoRead(state: ConversationState, voice: boolean, readAloud: ReadAloud): void {
  const handled = useRef(new Set<string>());
  const { read, available } = readAloud;
  useEffect(() => {
    for (const [id, outcome] of Object.entries(state.outcomes)) {
      if (handled.current.has(id)) continue;
      const reply = state.messages.find((message) => message.id === id);
      if (!reply) continue;
      handled.current.add(id);
      if (voice && available && outcome.status === 'complete' && reply.content.trim() !== '') read(reply);
    }
  }, [state.outcomes, state.messages, voice, available, read]);
}
