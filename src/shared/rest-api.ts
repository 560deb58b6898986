import { z } from 'zod';
import { CHAT_SESSION_TYPES } from './domain';
import { chatMessageSchema, chatSessionSchema, MESSAGE_MAX_LENGTH } from './contract/chat';
import { courseDetailSchema, enrolmentSchema } from './contract/courses';
import { lessonProgressSchema } from './contract/progress';

/**
 * The central server's REST API (open a course, chat, complete a lesson), for clients that do
 * not sync: bodies and answers. The answers are the contract's own shapes, so a course or a chat
 * message reads the same over REST as in the app.
 */

const uuid = z.uuid();
/** The student's IANA time zone, which fixes the local day of the activity (streaks); UTC when absent. */
const timeZone = z.string().min(1).max(64).optional();

/** `POST /api/chat/sessions`. A client that wants to retry safely picks the session's id itself. */
export const startChatSessionRequestSchema = z
  .object({
    sessionType: z.enum(CHAT_SESSION_TYPES),
    courseId: uuid.optional(),
    lessonId: uuid.optional(),
    sessionId: uuid.optional(),
  })
  .strict();

/** `POST /api/chat/messages`: the student's message; the id makes a retried request harmless. */
export const appendChatMessageRequestSchema = z
  .object({
    sessionId: uuid,
    role: z.literal('user').default('user'),
    content: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
    messageId: uuid.optional(),
    timeZone,
  })
  .strict();

/** `POST /api/learning-plans/lessons/progress`: a lesson completed with its score and time. */
export const lessonProgressRequestSchema = z
  .object({
    lessonId: uuid,
    score: z.number().int().min(0).max(100),
    /** The lesson's total active study time so far. */
    timeSpentMinutes: z.number().int().min(0).max(24 * 60),
    timeZone,
  })
  .strict();

export const courseResponseSchema = courseDetailSchema;
export const chatSessionResponseSchema = chatSessionSchema;
export const chatMessageResponseSchema = chatMessageSchema;
export const lessonProgressResponseSchema = z.object({ lesson: lessonProgressSchema, enrolment: enrolmentSchema });

export type StartChatSessionRequest = z.input<typeof startChatSessionRequestSchema>;
export type AppendChatMessageRequest = z.input<typeof appendChatMessageRequestSchema>;
export type LessonProgressRequest = z.input<typeof lessonProgressRequestSchema>;
export type LessonProgressResponse = z.infer<typeof lessonProgressResponseSchema>;
