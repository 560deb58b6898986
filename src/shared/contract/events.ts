import { z } from 'zod';
import { uuidSchema } from './common';

/** What the core may push to the renderer without being asked. */
export const eventsContract = {
  /** Someone signed in or out, or the signed-in account changed (name, avatar, preferences). */
  'session.changed': z.object({ userId: uuidSchema.nullable() }),
  'progress.changed': z.object({ courseId: uuidSchema }),
  'chat.message': z.object({ sessionId: uuidSchema, messageId: uuidSchema }),
  'chat.token': z.object({ sessionId: uuidSchema, messageId: uuidSchema, token: z.string() }),
  'sync.status': z.object({
    state: z.enum(['offline', 'queued', 'syncing', 'synced', 'error']),
    pending: z.number().int().min(0),
    at: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  'achievement.unlocked': z.object({ achievementId: uuidSchema, title: z.string() }),
};

export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
export interface CoreEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
