import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devicesResponseSchema } from '../shared/sync';
import { registerStudent, signInOnNewDevice, startTestServer, type TestServer } from './test-harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const nameOf = async (deviceId: string) => (await t.admin.query('SELECT name FROM sync_devices WHERE id = $1', [deviceId])).rows[0]?.name as string | undefined;

describe('POST /devices/rename', () => {
  it('renames an own device, revoked ones included, and answers with the list', async () => {
    const student = await registerStudent(t.api);
    const home = await signInOnNewDevice(t.api, student, 'Home computer');
    const answer = await t.api.post('/devices/rename', { deviceId: home.deviceId, name: '  Ноутбук дома ' }, student.tokens.accessToken);
    expect(answer.status).toBe(200);
    const { devices } = devicesResponseSchema.parse(answer.body);
    expect(devices.map((d) => [d.id, d.name, d.current])).toEqual([
      [student.deviceId, 'School laptop', true],
      [home.deviceId, 'Ноутбук дома', false],
    ]);

    await t.api.post('/devices/revoke', { deviceId: home.deviceId }, student.tokens.accessToken);
    const again = await t.api.post('/devices/rename', { deviceId: home.deviceId, name: 'Старый ноутбук' }, student.tokens.accessToken);
    expect(again.status).toBe(200);
    expect(devicesResponseSchema.parse(again.body).devices.find((d) => d.id === home.deviceId)).toMatchObject({ name: 'Старый ноутбук', revokedAt: expect.any(String) });
  });

  it('asks for a token before reading the request (401), and refuses names that are empty or too long (400)', async () => {
    const student = await registerStudent(t.api);
    expect(await t.api.post('/devices/rename', { deviceId: student.deviceId, name: 'X' })).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    expect((await t.api.post('/devices/rename', { deviceId: student.deviceId, name: '   ' }, student.tokens.accessToken)).status).toBe(400);
    expect((await t.api.post('/devices/rename', { deviceId: student.deviceId, name: 'x'.repeat(101) }, student.tokens.accessToken)).status).toBe(400);
    expect((await t.api.post('/devices/rename', { deviceId: student.deviceId }, student.tokens.accessToken)).status).toBe(400);
    expect(await nameOf(student.deviceId)).toBe('School laptop');
  });

  it('another student’s device, or none, is not found (404) and keeps its name', async () => {
    const a = await registerStudent(t.api);
    const b = await registerStudent(t.api);
    expect(await t.api.post('/devices/rename', { deviceId: a.deviceId, name: 'Мой теперь' }, b.tokens.accessToken)).toMatchObject({
      status: 404,
      body: { error: { code: 'device_not_found' } },
    });
    expect(await nameOf(a.deviceId)).toBe('School laptop');
    expect((await t.api.post('/devices/rename', { deviceId: randomUUID(), name: 'Никакой' }, b.tokens.accessToken)).status).toBe(404);
  });

  it('a revoked device cannot rename anything (403)', async () => {
    const student = await registerStudent(t.api);
    const lost = await signInOnNewDevice(t.api, student, 'Lost laptop');
    await t.api.post('/devices/revoke', { deviceId: lost.deviceId }, student.tokens.accessToken);
    expect(await t.api.post('/devices/rename', { deviceId: student.deviceId, name: 'Захвачен' }, lost.tokens.accessToken)).toMatchObject({
      status: 403,
      body: { error: { code: 'device_revoked' } },
    });
    expect(await nameOf(student.deviceId)).toBe('School laptop');
  });
});
