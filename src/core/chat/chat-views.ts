import type { ChatMessage, ChatSession } from '../../shared/contract';
import type { ChatRole, ChatSessionType } from '../../shared/domain';
import type { chatMessages, chatSessions } from '../db/schema';

export const toChatSession = (row: typeof chatSessions.$inferSelect): ChatSession => ({
  id: row.id,
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
});
