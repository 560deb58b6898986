import { eq } from 'drizzle-orm';
import { DEFAULT_DAILY_GOAL_MINUTES } from '../../shared/accounts';
import type { Preferences } from '../../shared/contract';
import type { Language, Theme } from '../../shared/domain';
import type { MutationArgs } from '../sync/mutation-registry';
import { userPreferences } from '../db/schema';
import type { Db } from '../db/types';
import { notFound } from '../errors/app-error';
import { storeLongestStreak } from '../motivation/refresh-motivation';
import type { MutationContext } from '../mutations/mutation-context';

type PreferencesRow = typeof userPreferences.$inferSelect;

const toPreferences = (row: PreferencesRow): Preferences => ({
  theme: row.theme as Theme,
  language: row.language as Language,
  ttsVoice: row.ttsVoice,
  ttsSpeed: Math.round(row.ttsSpeed * 100) / 100,
  otherSettings: { dailyGoalMinutes: DEFAULT_DAILY_GOAL_MINUTES, hideStreaks: false, hideComparisons: false, ...row.otherSettings },
});

export async function findPreferences(db: Db, userId: string): Promise<Preferences> {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId));
  if (row) return toPreferences(row);
  // An account made before preferences existed gets the defaults on first read.
  const [created] = await db.insert(userPreferences).values({ userId }).onConflictDoNothing().returning();
  if (created) return toPreferences(created);
  const [again] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId));
  if (!again) throw notFound('Preferences');
  return toPreferences(again);
}

/** Apply a partial change; `other_settings` keys merge, so settings of later versions survive. */
export async function updatePreferences(ctx: MutationContext, args: MutationArgs<'preferences.update'>): Promise<Preferences> {
  const { tx, userId } = ctx;
  const current = await findPreferences(tx, userId);
  const { changes } = args;
  const [row] = await tx
    .update(userPreferences)
    .set({
      ...(changes.theme !== undefined ? { theme: changes.theme } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
      ...(changes.ttsVoice !== undefined ? { ttsVoice: changes.ttsVoice } : {}),
      ...(changes.ttsSpeed !== undefined ? { ttsSpeed: changes.ttsSpeed } : {}),
      ...(changes.otherSettings ? { otherSettings: { ...current.otherSettings, ...changes.otherSettings } } : {}),
    })
    .where(eq(userPreferences.userId, userId))
    .returning();
  if (!row) throw notFound('Preferences');
  const updated = toPreferences(row);
  // The goal decides which past days qualified: the stored longest streak follows it (on every replica).
  if (updated.otherSettings.dailyGoalMinutes !== current.otherSettings.dailyGoalMinutes) {
    await storeLongestStreak(tx, userId, updated.otherSettings.dailyGoalMinutes);
  }
  return updated;
}
