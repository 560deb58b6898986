import { z } from 'zod';
import { CHAT_ROLES, CHAT_SESSION_TYPES } from '../domain';
import { command, mutation, query } from './define';
import { isoDateTime, noInput, uuidSchema } from './common';

export const MESSAGE_MAX_LENGTH = 20_000;

export const chatSessionSchema = z.object({
  id: uuidSchema,
  sessionType: z.enum(CHAT_SESSION_TYPES),
  courseId: uuidSchema.nullable(),
  lessonId: uuidSchema.nullable(),
  /** What the list shows: the lesson (and exercise) it is about, or the student's first question. */
  title: z.string().nullable(),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  durationMinutes: z.number().int().min(0).nullable(),
  lastMessageAt: isoDateTime.nullable(),
  contextData: z.record(z.string(), z.unknown()),
});

export const chatMessageSchema = z.object({
  id: uuidSchema,
  sessionId: uuidSchema,
  role: z.enum(CHAT_ROLES),
  content: z.string(),
  ttsPlayed: z.boolean(),
  createdAt: isoDateTime,
  /** True while the teacher is still writing it (a reply in progress survives a page reload). */
  streaming: z.boolean(),
});

/** The student's own attempt at an exercise, so the teacher can talk about their actual mistake. */
export const exerciseAttemptSchema = z
  .object({
    answer: z.string().max(1_000),
    correct: z.boolean(),
    tries: z.number().int().min(0).max(100),
  })
  .strict();

/**
 * Around each matching word of a search snippet: private-use characters, which no message contains,
 * so the text's own « » or brackets are never mistaken for a match.
 */
export const SNIPPET_MARK_START = '\uE000';
export const SNIPPET_MARK_END = '\uE001';

/** `truncated`: the model reached its reply length; what it wrote is kept and the student may ask it to go on. */
export const REPLY_STATUSES = ['complete', 'truncated', 'stopped', 'failed'] as const;

export const chatSearchHitSchema = z.object({
  sessionId: uuidSchema,
  messageId: uuidSchema,
  role: z.enum(CHAT_ROLES),
  sessionTitle: z.string().nullable(),
  /** The matching words are wrapped in SNIPPET_MARK_START / SNIPPET_MARK_END, never HTML. */
  snippet: z.string(),
  createdAt: isoDateTime,
});

export const chatContract = {
  /** A new conversation; about a lesson, and an exercise with the student's attempt, when given. */
  'chat.startSession': mutation(
    z
      .object({
        sessionType: z.enum(CHAT_SESSION_TYPES),
        courseId: uuidSchema.optional(),
        lessonId: uuidSchema.optional(),
        exerciseId: z.string().min(1).max(100).optional(),
        attempt: exerciseAttemptSchema.optional(),
      })
      .strict(),
    chatSessionSchema,
  ),
  'chat.listSessions': query(noInput, z.array(chatSessionSchema)),
  /** Send the student's message; the teacher's reply then streams as `chat.token` events. */
  'chat.sendMessage': mutation(
    z
      .object({
        sessionId: uuidSchema,
        content: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
      })
      .strict(),
    z.object({ message: chatMessageSchema, replyId: uuidSchema }),
  ),
  /** Answer the last question again (after a stop or a failure); the new reply streams like any other. */
  'chat.retry': command(z.object({ sessionId: uuidSchema }).strict(), z.object({ replyId: uuidSchema })),
  /** Stop the reply being written; what arrived so far is kept. */
  'chat.stop': command(z.object({ sessionId: uuidSchema }).strict(), z.object({ stopped: z.boolean() })),
  'chat.endSession': mutation(z.object({ sessionId: uuidSchema }).strict(), chatSessionSchema),
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
  'chat.search': query(z.object({ query: z.string().trim().min(1).max(200) }).strict(), z.array(chatSearchHitSchema)),
  /** A reply was read aloud. */
  'chat.markPlayed': mutation(z.object({ messageId: uuidSchema }).strict(), z.object({ ttsPlayed: z.boolean() })),
};

export type ChatSession = z.infer<typeof chatSessionSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatSearchHit = z.infer<typeof chatSearchHitSchema>;
export type ExerciseAttempt = z.infer<typeof exerciseAttemptSchema>;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
