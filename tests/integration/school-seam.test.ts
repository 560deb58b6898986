import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { HTTP_INVOKE_PATH } from '../../src/shared/seam';
import { schoolConfigFromValue, type LoadedSchoolConfig } from '../../src/core/school/load-school-config';
import { createHttpSeam } from '../../src/web/http-seam';
import { LaunchSecrets } from '../../src/web/launch-secrets';
import { createTestCore, type TestCore } from '../support/test-core';
import { describeOnEachDatabase } from '../support/test-databases';

const FILE = '/etc/teacher-ai/teacher-ai.school.json';

function schoolOf(value: object): LoadedSchoolConfig {
  const { config, problems } = schoolConfigFromValue({ version: 1, ...value }, FILE);
  return { source: FILE, searched: [FILE], config, problems };
}

/** A core behind the real HTTP seam of browser mode; calls go over HTTP as the page's do. */
async function serve(core: TestCore) {
  let port = 0;
  const secrets = new LaunchSecrets();
  const server = http.createServer(createHttpSeam({ core, secrets, staticDir: '/nonexistent', port: () => port }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const call = async (method: string, input?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${HTTP_INVOKE_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secrets.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, input }),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: unknown } };
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { call, close };
}

describeOnEachDatabase('the school methods at the seam', (ctx) => {
  it('school.policy is public and answers its declared shape; school.status is for admins only', async () => {
    const school = schoolOf({ allowSelfRegistration: false, locked: ['language'], language: 'en', syncServerUrl: 'https://sync.school.example' });
    const signedOut = await serve(await createTestCore(ctx.database, { as: null, school }));
    const admin = await serve(await createTestCore(ctx.database, { as: { role: 'admin' }, school }));
    try {
      expect(contract['school.policy'].access).toBe('public');
      expect(contract['school.status'].access).toBe('admin');
      const policy = await signedOut.call('school.policy');
      expect(policy.status).toBe(200);
      expect(contract['school.policy'].output.parse(policy.body.value)).toEqual({
        hasSchoolConfig: true,
        allowSelfRegistration: false,
        locked: ['language'],
        syncServerUrl: 'https://sync.school.example',
        language: 'en',
        theme: null,
        hasProblems: false,
      });
      expect((await signedOut.call('school.status')).status).toBe(401);
      expect((await signedOut.call('school.policy', { extra: 1 })).status).toBe(400);
      const status = await admin.call('school.status');
      expect(status.status).toBe(200);
      expect(contract['school.status'].output.parse(status.body.value)).toMatchObject({ source: FILE, applied: true, ok: true });
    } finally {
      await signedOut.close();
      await admin.close();
    }
  });

  it('refusals for school reasons arrive as 403 with the reason a page can show', async () => {
    const school = schoolOf({ allowSelfRegistration: false, locked: ['language', 'ai'] });
    await createTestCore(ctx.database, { as: { role: 'admin' }, school });
    const signedOut = await serve(await createTestCore(ctx.database, { as: null, school }));
    const student = await serve(await createTestCore(ctx.database, { school }));
    try {
      const register = await signedOut.call('accounts.register', { email: 'x@school.test', username: 'xavier', fullName: 'Ксавье', password: 'длинный-пароль' });
      expect(register).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden', issues: [{ path: 'school', message: 'self_registration_disabled' }] } } });
      const language = await student.call('preferences.update', { language: 'en' });
      expect(language).toMatchObject({ status: 403, body: { error: { code: 'forbidden', issues: [{ path: 'language', message: 'locked_by_school' }] } } });
      const ai = await student.call('ai.saveUserSettings', { provider: 'offline' });
      expect(ai).toMatchObject({ status: 403, body: { error: { issues: [{ path: 'ai', message: 'locked_by_school' }] } } });
    } finally {
      await signedOut.close();
      await student.close();
    }
  });
});
