import type { ChatMessage, ChatSession } from '../../shared/contract';
import type { ChatRole, ChatSessionType } from '../../shared/domain';
import type { chatMessages, chatSessions } from '../db/schema';

export const toChatSession = (row: typeof chatSessions.$inferSelect, lastMessageAt: string | Date | null): ChatSession => ({
  id: row.id,
  title: typeof row.contextData.title === 'string' ? row.contextData.title : null,
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
