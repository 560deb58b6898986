import { z } from 'zod';
import { CHAT_ROLES, CHAT_SESSION_TYPES } from '../domain';
import { mutation, query } from './define';
import { isoDateTime, noInput, uuidSchema } from './common';

export const MESSAGE_MAX_LENGTH = 20_000;

export const chatSessionSchema = z.object({
  id: uuidSchema,
  sessionType: z.enum(CHAT_SESSION_TYPES),
  courseId: uuidSchema.nullable(),
  lessonId: uuidSchema.nullable(),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  durationMinutes: z.number().int().min(0).nullable(),
  contextData: z.record(z.string(), z.unknown()),
});

export const chatMessageSchema = z.object({
  id: uuidSchema,
  sessionId: uuidSchema,
  role: z.enum(CHAT_ROLES),
  content: z.string(),
  ttsPlayed: z.boolean(),
  createdAt: isoDateTime,
});

export const chatContract = {
  'chat.startSession': mutation(
    z
      .object({
        sessionType: z.enum(CHAT_SESSION_TYPES),
        courseId: uuidSchema.optional(),
        lessonId: uuidSchema.optional(),
        contextData: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    chatSessionSchema,
  ),
  'chat.listSessions': query(noInput, z.array(chatSessionSchema)),
  'chat.sendMessage': mutation(
    z
      .object({
        sessionId: uuidSchema,
        content: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
      })
      .strict(),
    chatMessageSchema,
  ),
  'chat.listMessages': query(
    z
      .object({
        sessionId: uuidSchema,
        limit: z.number().int().min(1).max(200).default(50),
        /** Page further back: messages strictly older than this one. */
        beforeMessageId: uuidSchema.optional(),
      })
      .strict(),
    z.array(chatMessageSchema),
  ),
};

export type ChatSession = z.infer<typeof chatSessionSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
