import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { AVATAR_MAX_BYTES } from '../../shared/accounts';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore, silentTeachers, TEST_PASSWORD } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';
import { chatMessages, chatSessions, userCourses, userLessons, userPreferences, users } from '../db/schema';
import { sniffImageType } from './avatar-store';

/** The smallest valid PNG: 1×1, one transparent pixel. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describeOnEachDatabase('profile', (ctx) => {
  it('renames the student and records the change for sync', async () => {
    const core = await createTestCore(ctx.database);
    expect(await core.call('profile.update', { fullName: '  Анна Сергеевна  ' })).toMatchObject({ fullName: 'Анна Сергеевна' });
    expect(await core.raw('profile.update', { fullName: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps an avatar picture as a file, shows it as a data URL, and replaces or removes it', async () => {
    const core = await createTestCore(ctx.database);
    const withAvatar = await core.call('profile.setAvatar', { mimeType: 'image/png', dataBase64: PNG_1PX });
    expect(withAvatar.avatarVersion).toMatch(/\.png$/);
    expect(await core.call('profile.avatar', { userId: core.user!.id })).toEqual({ dataUrl: `data:image/png;base64,${PNG_1PX}` });
    const file = path.join(core.dataDir, 'avatars', withAvatar.avatarVersion!);
    expect(fs.existsSync(file)).toBe(true);
    const replaced = await core.call('profile.setAvatar', { mimeType: 'image/png', dataBase64: PNG_1PX });
    expect(replaced.avatarVersion).not.toBe(withAvatar.avatarVersion);
    expect(fs.existsSync(file)).toBe(false);
    const removed = await core.call('profile.removeAvatar');
    expect(removed.avatarVersion).toBeNull();
    expect(await core.call('profile.avatar', { userId: core.user!.id })).toEqual({ dataUrl: null });
  });

  it('refuses a file that is not the picture it claims to be, or is too large', async () => {
    const core = await createTestCore(ctx.database);
    const text = Buffer.from('<script>alert(1)</script>').toString('base64');
    expect(await core.raw('profile.setAvatar', { mimeType: 'image/png', dataBase64: text })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ message: 'avatar_wrong_type' }] },
    });
    expect(await core.raw('profile.setAvatar', { mimeType: 'image/jpeg', dataBase64: PNG_1PX })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const huge = Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.alloc(AVATAR_MAX_BYTES)]).toString('base64');
    expect(await core.raw('profile.setAvatar', { mimeType: 'image/png', dataBase64: huge })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.raw('profile.setAvatar', { mimeType: 'image/svg+xml', dataBase64: PNG_1PX })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await core.call('accounts.current')).user?.avatarVersion).toBeNull();
  });

  it('recognises pictures by their bytes', () => {
    expect(sniffImageType(Buffer.from(PNG_1PX, 'base64'))).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('%PDF-1.4'))).toBeNull();
  });

  it('exports all of the student’s own data, and nothing of anyone else’s', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const anya = await createTestCore(ctx.database, { as: { fullName: 'Аня' }, teachers: silentTeachers });
    const boris = await createTestCore(ctx.database, { as: { fullName: 'Борис' }, teachers: silentTeachers });
    await anya.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 88, timeSpentMinutes: 7 });
    const session = await anya.call('chat.startSession', { sessionType: 'interactive' });
    await anya.call('chat.sendMessage', { sessionId: session.id, content: 'секрет Ани' });
    await boris.call('chat.sendMessage', { sessionId: (await boris.call('chat.startSession', { sessionType: 'interactive' })).id, content: 'секрет Бориса' });

    const exported = await anya.call('profile.exportData');
    const text = JSON.stringify(exported);
    expect(exported).toMatchObject({ format: 'teacher-ai-export/1', profile: { fullName: 'Аня' } });
    expect(text).toContain('секрет Ани');
    expect(text).toContain('"score":88');
    expect(text).not.toContain('секрет Бориса');
    expect(text).not.toContain(boris.user!.id);
    expect(text).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('deletes the account with everything of theirs after the password is confirmed, and nothing else', async () => {
    const { lessonIds } = await seedCourse(ctx.db, 'math-5', 2);
    const anya = await createTestCore(ctx.database, { teachers: silentTeachers });
    const boris = await createTestCore(ctx.database, { teachers: silentTeachers });
    for (const core of [anya, boris]) {
      await core.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 70, timeSpentMinutes: 5 });
      const s = await core.call('chat.startSession', { sessionType: 'interactive' });
      await core.call('chat.sendMessage', { sessionId: s.id, content: 'вопрос' });
    }
    const picture = await anya.call('profile.setAvatar', { mimeType: 'image/png', dataBase64: PNG_1PX });
    expect(fs.existsSync(path.join(anya.dataDir, 'avatars', picture.avatarVersion!))).toBe(true);

    expect(await anya.raw('profile.deleteAccount', { password: 'не-тот' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ctx.db.select().from(users).where(eq(users.id, anya.user!.id))).toHaveLength(1);

    await anya.call('profile.deleteAccount', { password: TEST_PASSWORD });
    expect(await anya.raw('courses.list')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    for (const table of [userCourses, userLessons, chatSessions, userPreferences]) {
      const rows = (await ctx.db.select().from(table)) as { userId: string }[];
      expect(rows.map((r) => r.userId)).toEqual([boris.user!.id]);
    }
    expect(await ctx.db.select().from(chatMessages)).toHaveLength(1);
    expect(await ctx.db.select({ id: users.id }).from(users)).toEqual([{ id: boris.user!.id }]);
    const file = path.join(anya.dataDir, 'avatars', picture.avatarVersion!);
    expect(fs.existsSync(file)).toBe(false);
  });
});
