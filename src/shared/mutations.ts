import { z } from 'zod';
import { CHAT_ROLES, CHAT_SESSION_TYPES } from './domain';
import { fullNameSchema } from './accounts';
import { preferencesChangeSchema } from './contract/preferences';

/**
 * The named mutations of DESIGN.md §5: everything a student changes, with every id and timestamp
 * fixed by the device, so the server can replay it and reach the same rows.
 */
const uuid = z.uuid();
const at = z.iso.datetime({ offset: true });

export const mutationArgs = {
  /** The attachment itself stays a file on the device; the mutation carries its stored name. */
  'homework.submit': z
    .object({
      lessonId: uuid,
      text: z.string().min(1).max(20_000),
      attachment: z
        .object({ name: z.string(), storedAs: z.string(), mimeType: z.string(), size: z.number().int().min(0) })
        .nullable(),
      at,
    })
    .strict(),
  'preferences.update': z.object({ changes: preferencesChangeSchema, at }).strict(),
  'profile.update': z.object({ fullName: fullNameSchema, at }).strict(),
  'course.enrol': z.object({ courseId: uuid, at }).strict(),
  'course.setStatus': z.object({ courseId: uuid, status: z.enum(['active', 'paused', 'dropped']), at }).strict(),
  'lesson.complete': z
    .object({
      lessonId: uuid,
      score: z.number().int().min(0).max(100),
      timeSpentMinutes: z.number().int().min(0).max(24 * 60),
      at,
    })
    .strict(),
  'chat.startSession': z
    .object({
      sessionId: uuid,
      sessionType: z.enum(CHAT_SESSION_TYPES),
      courseId: uuid.nullable(),
      lessonId: uuid.nullable(),
      contextData: z.record(z.string(), z.unknown()),
      at,
    })
    .strict(),
  'chat.appendMessage': z
    .object({
      messageId: uuid,
      sessionId: uuid,
      role: z.enum(CHAT_ROLES),
      content: z.string().min(1).max(100_000),
      at,
    })
    .strict(),
};

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
