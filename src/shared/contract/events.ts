import { z } from 'zod';
import { AI_PROVIDERS } from '../domain';
import { AI_FAILURE_REASONS } from './ai';
import { REPLY_STATUSES } from './chat';
import { uuidSchema } from './common';
import { SYNC_FAILURES, SYNC_STATES } from './sync';

/** What the core may push to the renderer without being asked. */
export const eventsContract = {
  /** Someone signed in or out, or the signed-in account changed (name, avatar, preferences). */
  'session.changed': z.object({ userId: uuidSchema.nullable() }),
  'progress.changed': z.object({ courseId: uuidSchema }),
  'chat.message': z.object({ sessionId: uuidSchema, messageId: uuidSchema }),
  'chat.token': z.object({ sessionId: uuidSchema, messageId: uuidSchema, token: z.string() }),
  /** A reply ended. `fallbackReason` says why the offline teacher answered instead of the chosen model. */
  'chat.replyFinished': z.object({
    sessionId: uuidSchema,
    messageId: uuidSchema,
    status: z.enum(REPLY_STATUSES),
    provider: z.enum(AI_PROVIDERS),
    failureReason: z.enum(AI_FAILURE_REASONS).nullable(),
    fallbackReason: z.enum(AI_FAILURE_REASONS).nullable(),
    /** The server's own words about the failure (or the fallback), shown under the translated reason. */
    detail: z.string().max(400).nullable(),
  }),
  /** Points were earned (and perhaps a level reached). */
  'motivation.changed': z.object({
    pointsAwarded: z.number().int(),
    totalPoints: z.number().int(),
    level: z.number().int(),
    levelReached: z.number().int().nullable(),
  }),
  /** Where the signed-in student's sync stands (see `sync.status`); `at` is the last successful sync. */
  'sync.status': z.object({
    state: z.enum(SYNC_STATES),
    pending: z.number().int().min(0),
    at: z.string().nullable(),
    reason: z.enum(SYNC_FAILURES).nullable(),
  }),
  /**
   * A sync brought changes made elsewhere (another device of the student, the school's catalogue).
   * Pages re-read what they show; nothing here was earned on this device, so it never toasts.
   */
  'sync.pulled': z.object({
    courseIds: z.array(uuidSchema),
    chatSessionIds: z.array(uuidSchema),
    /** Points, level or achievements may have changed. */
    motivation: z.boolean(),
  }),
  'achievement.unlocked': z.object({
    achievementId: uuidSchema,
    name: z.string(),
    title: z.string(),
    pointsReward: z.number().int(),
  }),
};

export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
export interface CoreEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
