import { eq, inArray } from 'drizzle-orm';
import {
  chatMessages,
  chatSessions,
  examCourses,
  learningPlans,
  userAchievements,
  userActivityLog,
  userStudyDays,
  userCourses,
  userLessons,
  userPreferences,
  users,
} from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';

/**
 * Everything that is the student's own, as one JSON document (their right to take their data with them).
 * The password hash is left out: it is a secret of this computer, not data about the student.
 */
export async function exportOwnData(db: Db, userId: string, exportedAt: Date): Promise<Record<string, unknown>> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('Account');
  const { passwordHash: _secret, ...profile } = user;
  const sessions = await db.select().from(chatSessions).where(eq(chatSessions.userId, userId));
  const messages = sessions.length
    ? await db.select().from(chatMessages).where(inArray(chatMessages.sessionId, sessions.map((s) => s.id))).orderBy(chatMessages.createdAt, chatMessages.id)
    : [];
  const data = {
    format: 'teacher-ai-export/1',
    exportedAt: exportedAt.toISOString(),
    profile,
    preferences: await db.select().from(userPreferences).where(eq(userPreferences.userId, userId)),
    enrolments: await db.select().from(userCourses).where(eq(userCourses.userId, userId)),
    lessonProgress: await db.select().from(userLessons).where(eq(userLessons.userId, userId)),
    learningPlans: await db.select().from(learningPlans).where(eq(learningPlans.userId, userId)),
    examPreparation: await db.select().from(examCourses).where(eq(examCourses.userId, userId)),
    chatSessions: sessions.map((session) => ({ ...session, messages: messages.filter((m) => m.sessionId === session.id) })),
    achievements: await db.select().from(userAchievements).where(eq(userAchievements.userId, userId)),
    activity: await db.select().from(userActivityLog).where(eq(userActivityLog.userId, userId)).orderBy(userActivityLog.createdAt),
    studyDays: await db.select().from(userStudyDays).where(eq(userStudyDays.userId, userId)).orderBy(userStudyDays.day),
  };
  // Dates become ISO strings here, the same over IPC and HTTP.
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
