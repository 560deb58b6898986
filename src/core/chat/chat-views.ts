import type { ChatMessage, ChatSession } from '../../shared/contract';
import type { ChatRole, ChatSessionType } from '../../shared/domain';
import { plainLine } from '../../shared/plain-text';
import type { chatMessages, chatSessions } from '../db/schema';

const TITLE_CHARS = 80;
/** Enough of the first question to make a title of its plain text (Markdown and TeX take room). */
export const TITLE_SOURCE_CHARS = 300;

/** A conversation's title: the first question as one plain line, else where it was opened (the lesson's title). */
export function sessionTitleOf(firstQuestion: string | null, contextData: Record<string, unknown>): string | null {
  const question = firstQuestion ? plainLine(firstQuestion, TITLE_CHARS) : '';
  if (question) return question;
  return typeof contextData.title === 'string' ? contextData.title : null;
}

export const toChatSession = (row: typeof chatSessions.$inferSelect, lastMessageAt: string | Date | null): ChatSession => ({
  id: row.id,
  title: sessionTitleOf(null, row.contextData),
  lastMessageAt: lastMessageAt ? new Date(lastMessageAt).toISOString() : null,
  sessionType: row.sessionType as ChatSessionType,
  courseId: row.courseId,
  lessonId: row.lessonId,
  startedAt: row.startedAt.toISOString(),
  endedAt: row.endedAt?.toISOString() ?? null,
  durationMinutes: row.durationMinutes,
  contextData: row.contextData,
});

export const toChatMessage = (row: typeof chatMessages.$inferSelect): ChatMessage => ({
  id: row.id,
  sessionId: row.sessionId,
  role: row.role as ChatRole,
  content: row.content,
  ttsPlayed: row.ttsPlayed,
  createdAt: row.createdAt.toISOString(),
  streaming: false,
});
