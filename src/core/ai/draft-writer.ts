import { eq } from 'drizzle-orm';
import { chatDrafts } from '../db/schema';
import type { Clock } from '../clock';
import type { Db } from '../db/types';

/**
 * Keeps the streaming reply's draft row up to date without queueing a write per token: while one write
 * runs, later tokens only replace what the next write will store.
 */
export function createDraftWriter(db: Db, messageId: string, now: Clock, onError: (error: unknown) => void) {
  let latest: string | null = null;
  let writing: Promise<void> | null = null;

  const drain = async () => {
    while (latest !== null) {
      const content = latest;
      latest = null;
      try {
        await db.update(chatDrafts).set({ content, updatedAt: now() }).where(eq(chatDrafts.messageId, messageId));
      } catch (error) {
        onError(error);
      }
    }
    writing = null;
  };

  return {
    write(content: string) {
      latest = content;
      writing ??= drain();
    },
    /** Resolves when everything written so far is stored. */
    async flush() {
      while (writing) await writing;
    },
  };
}
