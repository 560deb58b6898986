import { describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { localSettings, syncAccounts, users } from '../db/schema';
import { schoolConfigSchema } from '../../shared/school-config';
import { isTrustedServer, normaliseServerUrl, pullCatalogueAgainFrom, TRUSTED_SERVERS_SETTING } from './trusted-server';

const schoolWith = (syncServerUrl: string | null) => ({ config: schoolConfigSchema.parse({ version: 1, syncServerUrl }) });
const noSchool = { config: null };

describe('server addresses', () => {
  it('one server has one spelling; what is not http(s) has none', () => {
    expect(normaliseServerUrl(' HTTP://School.Local:80/sync/ ')).toBe('http://school.local/sync');
    expect(normaliseServerUrl('https://school.local/?x=1#y')).toBe('https://school.local');
    expect(normaliseServerUrl('file:///etc/passwd')).toBeNull();
    expect(normaliseServerUrl('not a url')).toBeNull();
  });
});

describeOnEachDatabase('the computer’s trusted server', (ctx) => {
  it('is the school configuration’s server, however it is spelled', async () => {
    expect(await isTrustedServer(ctx.db, schoolWith('https://sync.school.ru/'), 'HTTPS://sync.school.ru')).toBe(true);
    expect(await isTrustedServer(ctx.db, schoolWith('https://sync.school.ru'), 'https://sync.school.ru.evil.test')).toBe(false);
    expect(await isTrustedServer(ctx.db, schoolWith(null), 'https://sync.school.ru')).toBe(false);
  });

  it('or one an admin trusted on this computer; a malformed setting trusts nothing', async () => {
    expect(await isTrustedServer(ctx.db, noSchool, 'http://10.0.0.5:3000')).toBe(false);
    await ctx.db.insert(localSettings).values({ key: TRUSTED_SERVERS_SETTING, value: ['http://10.0.0.5:3000/', 42] });
    expect(await isTrustedServer(ctx.db, noSchool, 'http://10.0.0.5:3000')).toBe(true);
    expect(await isTrustedServer(ctx.db, noSchool, 'http://10.0.0.5:3001')).toBe(false);
    await ctx.db.update(localSettings).set({ value: 'http://10.0.0.5:3000' });
    expect(await isTrustedServer(ctx.db, noSchool, 'http://10.0.0.5:3000')).toBe(false);
  });

  it('once trusted, the links to a server pull its catalogue again (what it sent while untrusted was skipped)', async () => {
    const students = await ctx.db
      .insert(users)
      .values(['a', 'b'].map((n) => ({ email: `${n}@school.test`, username: n, fullName: n, passwordHash: 'x' })))
      .returning({ id: users.id });
    await ctx.db.insert(syncAccounts).values([
      { userId: students[0]!.id, serverUrl: 'http://10.0.0.5:3000', deviceId: crypto.randomUUID(), cursor: '41.17' },
      { userId: students[1]!.id, serverUrl: 'http://other.test', deviceId: crypto.randomUUID(), cursor: '8.17' },
    ]);
    expect(await pullCatalogueAgainFrom(ctx.db, 'HTTP://10.0.0.5:3000/')).toBe(1);
    expect((await ctx.db.select({ cursor: syncAccounts.cursor }).from(syncAccounts)).map((r) => r.cursor).sort()).toEqual(['41.0', '8.17']);
  });
});
