import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getCourse } from '../core/courses/queries';
import { lessons } from '../core/db/schema';
import { mutationContext } from '../core/mutations/mutation-context';
import { applyMutation, parseMutationArgs } from '../core/mutations/run-mutation';
import {
  appendChatMessageRequestSchema,
  chatMessageResponseSchema,
  chatSessionResponseSchema,
  courseResponseSchema,
  lessonProgressRequestSchema,
  lessonProgressResponseSchema,
  startChatSessionRequestSchema,
} from '../shared/rest-api';
import { z } from 'zod';
import { asStudent } from './auth/authenticate';
import { authenticated } from './authenticated';
import type { ServerDeps } from './deps';
import type { ServerApp } from './http/app';

const courseIdSchema = z.object({ courseId: z.uuid() });

/**
 * The REST API (open a course, chat, complete a lesson), served by the same core services the app and the sync
 * push use, each request in the student's own transaction as `teacher_app`: change tracking records
 * what it changed, and the student's devices receive it by their next pull.
 */
export function addRestApiRoutes(app: ServerApp, deps: ServerDeps): void {
  const student = { onRequest: authenticated(deps) };

  // Open a course: the course with its ordered lessons and where this student stands in each.
  app.get('/api/courses/:courseId', { ...student, schema: { params: courseIdSchema } }, async (req) => {
    const { courseId } = req.params;
    const course = await asStudent(deps, req, (tx, student) => getCourse(tx, student.userId, courseId), { readOnly: true });
    return courseResponseSchema.parse(course);
  });

  // Start a chat session, optionally about a course or one of its lessons.
  app.post('/api/chat/sessions', { ...student, schema: { body: startChatSessionRequestSchema } }, async (req, reply) => {
    const { body } = req;
    const session = await asStudent(deps, req, async (tx, student) => {
      const title = body.lessonId
        ? (await tx.select({ title: lessons.title }).from(lessons).where(eq(lessons.id, body.lessonId)))[0]?.title
        : undefined;
      const args = parseMutationArgs('chat.startSession', {
        sessionId: body.sessionId ?? randomUUID(),
        sessionType: body.sessionType,
        courseId: body.courseId ?? null,
        lessonId: body.lessonId ?? null,
        contextData: title ? { title } : {},
        at: deps.now().toISOString(),
      });
      return applyMutation(mutationContext(tx, student.userId), 'chat.startSession', args);
    });
    return reply.code(201).send(chatSessionResponseSchema.parse(session));
  });

  // Ask in a chat: the student's message, appended to their own session (another's is a 404).
  app.post('/api/chat/messages', { ...student, schema: { body: appendChatMessageRequestSchema } }, async (req, reply) => {
    const { body } = req;
    const message = await asStudent(deps, req, async (tx, student) => {
      const args = parseMutationArgs('chat.sendMessage', {
        messageId: body.messageId ?? randomUUID(),
        sessionId: body.sessionId,
        role: body.role,
        content: body.content,
        at: deps.now().toISOString(),
        ...(body.timeZone ? { timeZone: body.timeZone } : {}),
      });
      return applyMutation(mutationContext(tx, student.userId), 'chat.sendMessage', args);
    });
    return reply.code(201).send(chatMessageResponseSchema.parse(message));
  });

  // Complete a lesson: progress upserted, the enrolment recounted, in ONE transaction.
  app.post('/api/learning-plans/lessons/progress', { ...student, schema: { body: lessonProgressRequestSchema } }, async (req) => {
    const { body } = req;
    const completed = await asStudent(deps, req, async (tx, student) => {
      const args = parseMutationArgs('progress.completeLesson', {
        lessonId: body.lessonId,
        score: body.score,
        timeSpentMinutes: body.timeSpentMinutes,
        at: deps.now().toISOString(),
        ...(body.timeZone ? { timeZone: body.timeZone } : {}),
      });
      return applyMutation(mutationContext(tx, student.userId), 'progress.completeLesson', args);
    });
    return lessonProgressResponseSchema.parse({ lesson: completed.lesson, enrolment: completed.enrolment });
  });
}
