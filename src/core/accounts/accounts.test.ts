import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { createTestCore, TEST_PASSWORD } from '../../../tests/support/test-core';
import { seedCourse } from '../../../tests/support/fixtures';
import { signInGuards, userPreferences, users } from '../db/schema';
import { backOffDelayMs, MAX_DELAY_MS } from './sign-in-guard';

const anna = { email: 'Anna@School.test', username: 'Anna', fullName: 'Анна Иванова', password: 'дроби-и-проценты' };

describeOnEachDatabase('accounts', (ctx) => {
  const signedOut = (now?: () => Date) => createTestCore(ctx.database, { as: null, now });

  it('the first account may make itself admin; later ones may not, and are students', async () => {
    const core = await signedOut();
    expect(await core.call('accounts.signInScreen')).toMatchObject({ hasAccounts: false });
    const first = await core.call('accounts.register', { ...anna, becomeAdmin: true });
    expect(first).toMatchObject({ role: 'admin', email: 'anna@school.test', username: 'anna', fullName: 'Анна Иванова' });

    const other = await signedOut();
    const refused = await other.raw('accounts.register', { email: 'b@s.test', username: 'boris', fullName: 'Борис', password: 'длинный-пароль', becomeAdmin: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await other.call('accounts.register', { email: 'b@s.test', username: 'boris', fullName: 'Борис', password: 'длинный-пароль' })).toMatchObject({ role: 'student' });
    expect(await ctx.db.select().from(userPreferences)).toHaveLength(2);
  });

  it('refuses a taken email or username, whatever their case, creating nothing', async () => {
    const core = await signedOut();
    await core.call('accounts.register', anna);
    const again = await signedOut();
    expect(await again.raw('accounts.register', { ...anna, username: 'anna2' })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'email' }] } });
    expect(await again.raw('accounts.register', { ...anna, email: 'other@s.test', username: 'ANNA' })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'username' }] } });
    expect(await ctx.db.select().from(users)).toHaveLength(1);
  });

  it('takes passwords of 8 to 72 UTF-8 bytes and refuses the rest with a clear reason', async () => {
    const core = await signedOut();
    const attempt = (password: string, n: number) =>
      core.raw('accounts.register', { email: `p${n}@s.test`, username: `p${n}user`, fullName: 'П', password });
    expect(await attempt('1234567', 1)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'password', message: 'password_too_short' }] } });
    expect(await attempt('я'.repeat(37), 2)).toMatchObject({ ok: false, error: { issues: [{ path: 'password', message: 'password_too_long' }] } });
    expect(await attempt('a'.repeat(73), 3)).toMatchObject({ ok: false, error: { issues: [{ path: 'password', message: 'password_too_long' }] } });
    expect((await attempt('я'.repeat(36), 4)).ok).toBe(true);
    expect(await ctx.db.select().from(users)).toHaveLength(1);
  });

  it('signs in offline by username or email in any case, and never returns a password hash', async () => {
    const core = await signedOut();
    await core.call('accounts.register', anna);
    await core.call('accounts.signOut');
    expect(await core.raw('courses.list')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const byName = await core.call('accounts.signIn', { login: 'ANNA', password: anna.password });
    await core.call('accounts.signOut');
    const byEmail = await core.call('accounts.signIn', { login: 'anna@school.test', password: anna.password });
    expect(byEmail).toEqual(byName);
    const everything = JSON.stringify([byName, await core.call('accounts.current'), await core.call('accounts.signInScreen'), await core.call('profile.exportData')]);
    expect(everything).not.toMatch(/\$2[aby]\$/);
  });

  it('answers a wrong password and an unknown login with the same refusal', async () => {
    const core = await signedOut();
    await core.call('accounts.register', anna);
    await core.call('accounts.signOut');
    const wrong = await core.raw('accounts.signIn', { login: 'anna', password: 'не-тот-пароль' });
    const unknown = await core.raw('accounts.signIn', { login: 'nobody', password: 'не-тот-пароль' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('after five wrong passwords delays sign-in, doubling from one second, and the count survives a restart', async () => {
    let clock = Date.parse('2026-11-25T09:00:00Z');
    const now = () => new Date(clock);
    const core = await signedOut(now);
    await core.call('accounts.register', anna);
    await core.call('accounts.signOut');
    const wrong = () => core.raw('accounts.signIn', { login: 'anna', password: 'не-тот-пароль' });

    for (let i = 1; i <= 4; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 1 } });
    // Even the right password waits while the account is delayed.
    expect(await core.raw('accounts.signIn', { login: 'anna', password: anna.password })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    clock += 1_000;
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 2 } });

    const restarted = await signedOut(now);
    expect(await restarted.raw('accounts.signIn', { login: 'anna', password: anna.password })).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 2 } });
    clock += 2_000;
    expect(await restarted.raw('accounts.signIn', { login: 'anna', password: anna.password })).toMatchObject({ ok: true });
    expect(await ctx.db.select().from(signInGuards)).toEqual([]);
  });

  it('caps the back-off at fifteen minutes', () => {
    expect([4, 5, 6, 7, 10].map(backOffDelayMs)).toEqual([0, 1_000, 2_000, 4_000, 32_000]);
    expect(backOffDelayMs(15)).toBe(MAX_DELAY_MS);
    expect(backOffDelayMs(500)).toBe(15 * 60 * 1_000);
  });

  it('stores bcrypt hashes at the app’s cost, not the tests’', async () => {
    const { createPasswordHasher, BCRYPT_COST } = await import('./password-hasher');
    expect(BCRYPT_COST).toBeGreaterThanOrEqual(10);
    const hash = await createPasswordHasher().hash('пароль-ученика');
    expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${BCRYPT_COST}\\$`));
    expect(await createPasswordHasher().verify('пароль-ученика', hash)).toBe(true);
    expect(await createPasswordHasher().verify('пароль-ученикa', hash)).toBe(false);
  });

  it('changing a password needs the current one', async () => {
    const core = await createTestCore(ctx.database);
    expect(await core.raw('accounts.changePassword', { currentPassword: 'неверный', newPassword: 'новый-пароль-1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'currentPassword' }] },
    });
    await core.call('accounts.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'новый-пароль-1' });
    await core.call('accounts.signOut');
    expect(await core.raw('accounts.signIn', { login: core.user!.username, password: 'новый-пароль-1' })).toMatchObject({ ok: true });
  });

  it('an admin creates accounts, resets a student’s password and hides the sign-in list; a student cannot', async () => {
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' } });
    const student = await createTestCore(ctx.database);
    const teacher = await admin.call('accounts.create', { email: 't@s.test', username: 'teacher1', fullName: 'Мария Петровна', password: 'учительский', role: 'teacher' });
    expect(teacher).toMatchObject({ role: 'teacher', username: 'teacher1' });

    await admin.call('accounts.resetPassword', { userId: student.user!.id, newPassword: 'сброшенный-пароль' });
    await student.call('accounts.signOut');
    expect(await student.raw('accounts.signIn', { login: student.user!.username, password: TEST_PASSWORD })).toMatchObject({ ok: false });
    expect(await student.raw('accounts.signIn', { login: student.user!.username, password: 'сброшенный-пароль' })).toMatchObject({ ok: true });

    expect(await student.raw('accounts.resetPassword', { userId: admin.user!.id, newPassword: 'захват-админа' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student.raw('accounts.create', { email: 'x@s.test', username: 'xx1', fullName: 'X', password: 'xxxxxxxx', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await admin.call('accounts.setListHidden', { hidden: true });
    expect(await student.call('accounts.signInScreen')).toEqual({ accounts: [], listHidden: true, hasAccounts: true });
    await admin.call('accounts.setListHidden', { hidden: false });
    expect((await student.call('accounts.signInScreen')).accounts).toHaveLength(3);
  });

  it('the sign-in screen shows names and pictures, never an account’s id or role; a picture is found by username', async () => {
    const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const admin = await createTestCore(ctx.database, { as: { role: 'admin', username: 'director', fullName: 'Директор' } });
    await admin.call('profile.setAvatar', { mimeType: 'image/png', dataBase64: PNG_1PX });
    await admin.call('accounts.signOut');
    const screen = await admin.call('accounts.signInScreen');
    expect(screen.accounts).toEqual([{ username: 'director', fullName: 'Директор', avatarVersion: expect.any(String) }]);
    const text = JSON.stringify(screen);
    expect(text).not.toContain(admin.user!.id);
    expect(text).not.toContain('admin');
    expect((await admin.call('profile.avatar', { username: 'DIRECTOR' })).dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await admin.call('profile.avatar', { username: 'nobody' })).toEqual({ dataUrl: null });
  });

  it('a teacher sees every student’s progress, read-only; a student may not', async () => {
    const { courseId, lessonIds } = await seedCourse(ctx.db, 'math-5', 4);
    const teacher = await createTestCore(ctx.database, { as: { role: 'teacher', fullName: 'Учитель' } });
    const anya = await createTestCore(ctx.database, { as: { fullName: 'Аня' } });
    const boris = await createTestCore(ctx.database, { as: { fullName: 'Борис' } });
    await anya.call('progress.completeLesson', { lessonId: lessonIds[0]!, score: 90, timeSpentMinutes: 10 });
    await boris.call('courses.enrol', { courseId });

    const progress = await teacher.call('teacher.studentsProgress');
    expect(progress.map((p) => p.student.fullName)).toEqual(['Аня', 'Борис']);
    expect(progress[0]).toMatchObject({ totalLessonsCompleted: 1, courses: [{ courseId, completedLessons: 1, totalLessons: 4, progressPercentage: 25 }] });
    expect(progress[1]).toMatchObject({ totalLessonsCompleted: 0, courses: [{ courseId, completedLessons: 0 }] });
    expect(await anya.raw('teacher.studentsProgress')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('records every sign-in in the activity log, registration’s first one included, on the local day', async () => {
    const core = await signedOut();
    await core.call('accounts.register', anna);
    await core.call('accounts.signOut');
    await core.call('accounts.signIn', { login: 'anna', password: anna.password });
    const [user] = await ctx.db.select().from(users).where(eq(users.username, 'anna'));
    const exported = (await core.call('profile.exportData')) as { activity: { activityType: string; userId: string; activityData: { day?: string } }[] };
    expect(exported.activity.map((a) => a.activityType)).toEqual(['sign_in', 'sign_in']);
    expect(exported.activity.every((a) => a.userId === user?.id && /^\d{4}-\d{2}-\d{2}$/.test(a.activityData.day ?? ''))).toBe(true);
  });
});
