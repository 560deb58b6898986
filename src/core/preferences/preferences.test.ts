import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore } from '../../../tests/support/test-core';
import { outbox, userPreferences } from '../db/schema';

describeOnEachDatabase('preferences', (ctx) => {
  it('starts from the defaults: system theme, Russian, normal speed, a 30-minute goal', async () => {
    const core = await createTestCore(ctx.database);
    expect(await core.call('preferences.get')).toEqual({
      theme: 'system',
      language: 'ru',
      ttsVoice: null,
      ttsSpeed: 1,
      otherSettings: { dailyGoalMinutes: 30, hideStreaks: false, hideComparisons: false },
    });
  });

  it('applies partial changes, keeps them for the next sign-in, and records them for sync', async () => {
    const core = await createTestCore(ctx.database);
    await core.call('preferences.update', { theme: 'dark', ttsSpeed: 1.3 });
    const after = await core.call('preferences.update', { language: 'en', ttsVoice: 'Microsoft Irina', otherSettings: { dailyGoalMinutes: 45 } });
    expect(after).toEqual({ theme: 'dark', language: 'en', ttsVoice: 'Microsoft Irina', ttsSpeed: 1.3, otherSettings: { dailyGoalMinutes: 45, hideStreaks: false, hideComparisons: false } });

    await core.call('accounts.signOut');
    await core.call('accounts.signIn', { login: core.user!.username, password: 'пароль-для-тестов' });
    expect((await core.call('accounts.current')).preferences).toEqual(after);
    expect((await ctx.db.select().from(outbox).where(eq(outbox.name, 'preferences.update'))).length).toBe(2);
  });

  it('keeps settings it does not know (written by a newer version) when changing others', async () => {
    const core = await createTestCore(ctx.database);
    await ctx.db
      .update(userPreferences)
      .set({ otherSettings: sql`'{"dailyGoalMinutes": 20, "futureSetting": true}'::jsonb` })
      .where(eq(userPreferences.userId, core.user!.id));
    const after = await core.call('preferences.update', { otherSettings: { dailyGoalMinutes: 25 } });
    expect(after.otherSettings).toEqual({ dailyGoalMinutes: 25, hideStreaks: false, hideComparisons: false, futureSetting: true });
  });

  it('refuses out-of-range values and changes nothing', async () => {
    const core = await createTestCore(ctx.database);
    for (const change of [{ ttsSpeed: 2.5 }, { ttsSpeed: 0.4 }, { theme: 'pink' }, { language: 'de' }, { otherSettings: { dailyGoalMinutes: 0 } }, { otherSettings: { hack: 1 } }]) {
      expect(await core.raw('preferences.update', change)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect((await core.call('preferences.get')).ttsSpeed).toBe(1);
    expect(await ctx.db.select().from(outbox)).toEqual([]);
  });
});
