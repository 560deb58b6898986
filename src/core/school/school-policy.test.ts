import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../tests/support/test-core';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import type { SchoolConfigInput } from '../../shared/school-config';
import type { TeacherFactory } from '../ai/teachers';
import type { OpenAiEndpoint } from '../ai/openai-endpoint';
import type { TeachingContext } from '../ai/provider';
import { outbox, userAiSettings, userPreferences, users } from '../db/schema';
import { schoolConfigFromValue, type LoadedSchoolConfig } from './load-school-config';

const FILE = '/etc/teacher-ai/teacher-ai.school.json';

/** A school configuration as the loader would hand it to the core. */
function school(config: Omit<SchoolConfigInput, 'version'>): LoadedSchoolConfig {
  const { config: parsed, problems } = schoolConfigFromValue({ version: 1, ...config }, FILE);
  if (!parsed) throw new Error(`invalid test configuration: ${JSON.stringify(problems)}`);
  return { source: FILE, searched: [FILE], config: parsed, problems };
}

const schoolAi = { provider: 'openai', baseUrl: 'http://ai.school.local:11434', model: 'школьная-модель', apiKey: 'sk-school-secret', timeoutSeconds: 45 } as const;
const ownAi = { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'своя-модель', apiKey: 'sk-own' } as const;

const newStudent = (n: number) => ({ email: `s${n}@school.test`, username: `student${n}x`, fullName: `Ученик ${n}`, password: 'пароль-ученика' });

/** Teachers that answer one word and remember who was asked, in which language. */
function recordingTeachers() {
  const asked: { kind: string; endpoint?: OpenAiEndpoint; language: TeachingContext['language'] }[] = [];
  const teachers: TeacherFactory = {
    openai: (endpoint) => ({
      kind: 'openai',
      streamReply: async function* ({ context }) {
        asked.push({ kind: 'openai', endpoint, language: context.language });
        yield 'Да.';
      },
    }),
    offline: () => ({
      kind: 'offline',
      streamReply: async function* ({ context }) {
        asked.push({ kind: 'offline', language: context.language });
        yield 'Да.';
      },
    }),
  };
  return { asked, teachers };
}

async function askTeacher(core: TestCore): Promise<void> {
  const session = await core.call('chat.startSession', { sessionType: 'interactive' });
  await core.call('chat.sendMessage', { sessionId: session.id, content: 'Что такое дробь?' });
  await core.replies.idle();
}

describeOnEachDatabase('school-wide configuration', (ctx) => {
  it('tells every screen the policy, and only an admin where it came from', async () => {
    const config = school({ allowSelfRegistration: false, locked: ['ai', 'theme', 'syncServerUrl'], syncServerUrl: 'https://sync.school.example', theme: 'dark' });
    const signedOut = await createTestCore(ctx.database, { as: null, school: config });
    expect(await signedOut.call('school.policy')).toEqual({
      hasSchoolConfig: true,
      allowSelfRegistration: false,
      locked: ['ai', 'theme', 'syncServerUrl'],
      syncServerUrl: 'https://sync.school.example',
      language: null,
      theme: 'dark',
      hasProblems: false,
    });
    expect(await signedOut.raw('school.status')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const student = await createTestCore(ctx.database, { school: config });
    expect(await student.raw('school.status')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' }, school: config });
    expect(await admin.call('school.status')).toEqual({ source: FILE, searched: [FILE], applied: true, ok: true, problems: [] });

    const broken: LoadedSchoolConfig = { source: FILE, searched: [FILE], config: null, problems: [{ file: FILE, field: 'locked.0', message: 'bad' }] };
    const withBroken = await createTestCore(ctx.database, { as: { role: 'admin' }, school: broken });
    expect(await withBroken.call('school.policy')).toMatchObject({ hasSchoolConfig: false, allowSelfRegistration: true, locked: [], hasProblems: true });
    expect(await withBroken.call('school.status')).toMatchObject({ applied: false, ok: false, problems: [{ field: 'locked.0' }] });
    // Without a file the policy is the built-in one.
    expect(await (await createTestCore(ctx.database, { as: null })).call('school.policy')).toMatchObject({ hasSchoolConfig: false, allowSelfRegistration: true, locked: [] });
  });

  it('with self-registration off, the first account of a new computer becomes its admin, then only an admin creates accounts', async () => {
    const config = school({ allowSelfRegistration: false, language: 'en', theme: 'dark' });
    const first = await createTestCore(ctx.database, { as: null, school: config });
    // Even unasked: otherwise nobody could ever create the other accounts.
    expect(await first.call('accounts.register', { ...newStudent(1), becomeAdmin: false })).toMatchObject({ role: 'admin' });

    const next = await createTestCore(ctx.database, { as: null, school: config });
    expect(await next.raw('accounts.register', newStudent(2))).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Accounts on this computer are created by the school administrator',
        issues: [{ path: 'school', message: 'self_registration_disabled' }],
      },
    });
    expect(await ctx.db.select().from(users)).toHaveLength(1);

    // The admin still creates accounts; new accounts start with the school's language and theme.
    const created = await first.call('accounts.create', { ...newStudent(3), role: 'student' });
    const [prefs] = await ctx.db.select().from(userPreferences).where(eq(userPreferences.userId, created.id));
    expect(prefs).toMatchObject({ language: 'en', theme: 'dark' });
    await first.call('accounts.signOut');
    await first.call('accounts.signIn', { login: 'student3x', password: 'пароль-ученика' });
    expect((await first.call('accounts.current')).preferences).toMatchObject({ language: 'en', theme: 'dark' });
  });

  it('with self-registration on (the default), students register as before', async () => {
    const config = school({ locked: ['language'] });
    const core = await createTestCore(ctx.database, { as: null, school: config });
    expect(await core.call('accounts.register', newStudent(1))).toMatchObject({ role: 'student' });
    await core.call('accounts.signOut');
    expect(await core.call('accounts.register', newStudent(2))).toMatchObject({ role: 'student' });
  });

  it('a locked language or theme is refused by the core, changes nothing, and shows the school’s value', async () => {
    const config = school({ locked: ['language', 'theme'], language: 'en' });
    const core = await createTestCore(ctx.database, { school: config });
    // Stored from before the school locked it: still in the account (it syncs), but not what applies here.
    await ctx.db.update(userPreferences).set({ language: 'ru', theme: 'dark' }).where(eq(userPreferences.userId, core.user!.id));

    expect(await core.raw('preferences.update', { language: 'ru' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The interface language is set by the school on this computer', issues: [{ path: 'language', message: 'locked_by_school' }] },
    });
    expect(await core.raw('preferences.update', { theme: 'light', ttsSpeed: 1.5 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ path: 'theme', message: 'locked_by_school' }] },
    });
    expect(await ctx.db.select().from(outbox)).toEqual([]);
    const [stored] = await ctx.db.select().from(userPreferences).where(eq(userPreferences.userId, core.user!.id));
    expect(stored).toMatchObject({ language: 'ru', theme: 'dark', ttsSpeed: 1 });

    // School-locked beats the student's own: English (the school's), and the built-in theme (the school named none).
    expect(await core.call('preferences.get')).toMatchObject({ language: 'en', theme: 'system' });
    expect((await core.call('accounts.current')).preferences).toMatchObject({ language: 'en', theme: 'system' });
    // What is not locked still changes.
    expect(await core.call('preferences.update', { ttsSpeed: 1.5 })).toMatchObject({ language: 'en', theme: 'system', ttsSpeed: 1.5 });

    // The AI teacher speaks the language that applies here.
    const { asked, teachers } = recordingTeachers();
    const chatting = await createTestCore(ctx.database, { school: config, teachers });
    await ctx.db.update(userPreferences).set({ language: 'ru' }).where(eq(userPreferences.userId, chatting.user!.id));
    await askTeacher(chatting);
    expect(asked).toEqual([{ kind: 'offline', language: 'en' }]);
  });

  it('an unlocked language or theme: the student’s own beats the school default', async () => {
    const config = school({ language: 'en', theme: 'dark' });
    const core = await createTestCore(ctx.database, { as: null, school: config });
    await core.call('accounts.register', newStudent(1));
    expect(await core.call('preferences.get')).toMatchObject({ language: 'en', theme: 'dark' });
    expect(await core.call('preferences.update', { language: 'ru', theme: 'light' })).toMatchObject({ language: 'ru', theme: 'light' });
    expect(await core.call('preferences.get')).toMatchObject({ language: 'ru', theme: 'light' });
  });

  it('AI teacher: the school default beats the built-in one, and never shows its key', async () => {
    const builtIn = await createTestCore(ctx.database);
    expect((await builtIn.call('ai.getSettings')).effective).toMatchObject({ provider: 'offline', source: 'default' });

    const { asked, teachers } = recordingTeachers();
    const core = await createTestCore(ctx.database, { school: school({ ai: schoolAi }), teachers });
    const settings = await core.call('ai.getSettings');
    expect(settings).toEqual({
      effective: { provider: 'openai', baseUrl: 'http://ai.school.local:11434/v1', model: 'школьная-модель', hasApiKey: true, timeoutSeconds: 45, source: 'school' },
      user: null,
      computer: null,
      school: { provider: 'openai', baseUrl: 'http://ai.school.local:11434/v1', model: 'школьная-модель', hasApiKey: true, timeoutSeconds: 45 },
      locked: false,
    });
    expect(JSON.stringify(settings)).not.toContain('sk-school-secret');
    await askTeacher(core);
    expect(asked).toEqual([
      {
        kind: 'openai',
        language: 'ru',
        endpoint: { baseUrl: 'http://ai.school.local:11434/v1', model: 'школьная-модель', apiKey: 'sk-school-secret', responseTimeoutMs: 45_000, idleTimeoutMs: 45_000, contextTokens: null },
      },
    ]);
  });

  it('AI teacher: the student’s own choice, and the computer’s, beat the school default', async () => {
    const config = school({ ai: schoolAi });
    const { asked, teachers } = recordingTeachers();
    const core = await createTestCore(ctx.database, { school: config, teachers });
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' }, school: config });

    expect((await admin.call('ai.saveComputerSettings', { provider: 'offline' })).effective).toMatchObject({ provider: 'offline', source: 'computer' });
    expect((await core.call('ai.getSettings')).effective.source).toBe('computer');

    const own = await core.call('ai.saveUserSettings', ownAi);
    expect(own.effective).toMatchObject({ provider: 'openai', model: 'своя-модель', source: 'user' });
    await askTeacher(core);
    expect(asked.map((a) => [a.kind, a.endpoint?.model, a.endpoint?.apiKey])).toEqual([['openai', 'своя-модель', 'sk-own']]);
  });

  it('AI teacher: school-locked beats the student’s own and the computer’s, and saving either is refused', async () => {
    const { asked, teachers } = recordingTeachers();
    const unlocked = await createTestCore(ctx.database, { school: school({ ai: schoolAi }) });
    await unlocked.call('ai.saveUserSettings', ownAi);

    const config = school({ ai: schoolAi, locked: ['ai'] });
    const core = await createTestCore(ctx.database, { school: config, teachers });
    // The same student after the school locked the teacher: their saved choice no longer applies.
    core.session.signIn(unlocked.user!);
    const settings = await core.call('ai.getSettings');
    expect(settings).toMatchObject({ locked: true, effective: { model: 'школьная-модель', source: 'school' }, user: { model: 'своя-модель' } });

    expect(await core.raw('ai.saveUserSettings', { provider: 'offline' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The AI teacher is set by the school on this computer', issues: [{ path: 'ai', message: 'locked_by_school' }] },
    });
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' }, school: config });
    expect(await admin.raw('ai.saveComputerSettings', { provider: 'offline' })).toMatchObject({ ok: false, error: { code: 'forbidden', issues: [{ path: 'ai' }] } });
    // Going back to the default is always allowed.
    expect((await core.call('ai.clearUserSettings')).user).toBeNull();
    expect(await ctx.db.select().from(userAiSettings)).toEqual([]);

    await askTeacher(core);
    expect(asked.map((a) => [a.kind, a.endpoint?.model])).toEqual([['openai', 'школьная-модель']]);
  });

  it('AI locked without a school teacher: students cannot choose, the computer’s admin still can', async () => {
    const config = school({ locked: ['ai'] });
    const core = await createTestCore(ctx.database, { school: config });
    expect(await core.raw('ai.saveUserSettings', ownAi)).toMatchObject({ ok: false, error: { code: 'forbidden', issues: [{ path: 'ai', message: 'locked_by_school' }] } });
    const admin = await createTestCore(ctx.database, { as: { role: 'admin' }, school: config });
    await admin.call('ai.saveComputerSettings', { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'компьютерная' });
    expect((await core.call('ai.getSettings')).effective).toMatchObject({ model: 'компьютерная', source: 'computer' });
  });
});
