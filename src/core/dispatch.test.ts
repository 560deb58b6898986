import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../shared/contract';
import { createDispatcher } from './dispatch';
import { AppError } from './errors/app-error';
import type { Handlers } from './handlers';

function handlersWith(overrides: Partial<Record<string, (input: unknown) => Promise<unknown>>>) {
  const all = Object.fromEntries(methodNames.map((name) => [name, vi.fn(async () => {
    throw new Error(`unexpected call of ${name}`);
  })]));
  return { ...all, ...overrides } as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
}

const logger = { error: vi.fn() };
const admin = { current: { id: crypto.randomUUID(), role: 'admin' as const } };

describe('dispatcher', () => {
  it('rejects unknown method names, including prototype keys', async () => {
    const invoke = createDispatcher(handlersWith({}), logger, admin);
    for (const name of ['users.dropAll', '__proto__', 'constructor', 42, null]) {
      expect(await invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('enforces each method’s access before reading its input', async () => {
    const handlers = handlersWith({ 'accounts.signInScreen': async () => ({ accounts: [], listHidden: false, hasAccounts: false }) });
    const signedOut = createDispatcher(handlers, logger, { current: null });
    const student = createDispatcher(handlers, logger, { current: { id: crypto.randomUUID(), role: 'student' } });
    const teacher = createDispatcher(handlers, logger, { current: { id: crypto.randomUUID(), role: 'teacher' } });

    expect(await signedOut('courses.list', undefined)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await signedOut('courses.get', { courseId: 'garbage' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await signedOut('accounts.signInScreen', undefined)).toMatchObject({ ok: true });
    expect(await student('teacher.studentsProgress', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student('accounts.create', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await teacher('accounts.resetPassword', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['courses.list']).not.toHaveBeenCalled();
    expect(handlers['teacher.studentsProgress']).not.toHaveBeenCalled();
  });

  it('validates input before the handler runs and names the bad field', async () => {
    const handlers = handlersWith({});
    const invoke = createDispatcher(handlers, logger, admin);
    const result = await invoke('courses.get', { courseId: 'not-a-uuid' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'courseId' }] } });
    expect(handlers['courses.get']).not.toHaveBeenCalled();
    expect(await invoke('courses.get', { courseId: crypto.randomUUID(), userId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('strips what the contract does not declare from outputs (a password hash never leaves)', async () => {
    const id = crypto.randomUUID();
    const invoke = createDispatcher(
      handlersWith({
        'accounts.current': async () => ({
          user: { id, username: 'anya', fullName: 'Аня', role: 'student', avatarVersion: null, email: 'a@b.c', passwordHash: '$2b$…' },
          preferences: null,
        }),
      }),
      logger,
      admin,
    );
    const result = await invoke('accounts.current', undefined);
    expect(result).toEqual({
      ok: true,
      value: { user: { id, username: 'anya', fullName: 'Аня', role: 'student', avatarVersion: null, email: 'a@b.c' }, preferences: null },
    });
  });

  it('turns AppErrors into typed errors and hides unexpected ones', async () => {
    const invoke = createDispatcher(
      handlersWith({
        'courses.list': async () => {
          throw new AppError('forbidden', 'not yours');
        },
        'chat.listSessions': async () => {
          throw new Error('SELECT secret FROM somewhere');
        },
      }),
      logger,
      admin,
    );
    expect(await invoke('courses.list', undefined)).toEqual({ ok: false, error: { code: 'forbidden', message: 'not yours' } });
    const hidden = await invoke('chat.listSessions', undefined);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
    expect(logger.error).toHaveBeenCalled();
  });

  it('reports an output that breaks the contract as internal', async () => {
    const invoke = createDispatcher(handlersWith({ 'courses.list': async () => [{ id: 'x' }] }), logger, admin);
    expect(await invoke('courses.list', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
