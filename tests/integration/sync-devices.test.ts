import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/test-core';
import { linkedStudent, twoComputers } from '../support/sync-world';

/*
 * Issue 18, item 8: one computer linked again after a revoke used to show up as identical rows that
 * could not be renamed. Each link now carries a short suffix of its device id, and a student renames
 * any of their devices from any of them.
 */

const computers = twoComputers();

describe('the student’s devices', () => {
  it('a computer linked again is told apart, and a device renamed on one is renamed for all', async () => {
    const { a, b } = await linkedStudent(computers.world, computers.first, computers.second);
    const { devices } = await b.call('sync.devices');
    expect(devices).toHaveLength(2);
    expect(new Set(devices.map((d) => d.name)).size).toBe(2);
    for (const device of devices) expect(device.name).toBe(`Компьютер в классе · ${device.id.slice(0, 4)}`);

    // B is revoked from A, then the student signs in on B again: a third row, with its own name.
    const old = devices.find((d) => d.current)!;
    await a.call('sync.revokeDevice', { deviceId: old.id });
    const again = await computers.second.core({ as: null });
    await again.call('sync.signInFromServer', { serverUrl: computers.world.serverUrl, login: a.user!.username, password: TEST_PASSWORD });
    const listed = (await again.call('sync.devices')).devices;
    expect(listed).toHaveLength(3);
    expect(new Set(listed.map((d) => d.name)).size).toBe(3);
    expect(listed.find((d) => d.id === old.id)!.revokedAt).toEqual(expect.any(String));

    const renamed = await again.call('sync.renameDevice', { deviceId: old.id, name: 'Старый вход в классе' });
    expect(renamed.devices.find((d) => d.id === old.id)).toMatchObject({ name: 'Старый вход в классе', revokedAt: expect.any(String) });
    const onA = (await a.call('sync.devices')).devices;
    expect(onA.find((d) => d.id === old.id)!.name).toBe('Старый вход в классе');

    expect(await again.raw('sync.renameDevice', { deviceId: old.id, name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
