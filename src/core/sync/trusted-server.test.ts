import { describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../tests/support/test-databases';
import { localSettings } from '../db/schema';
import { schoolConfigSchema } from '../../shared/school-config';
import { isTrustedServer, normaliseServerUrl, TRUSTED_SERVERS_SETTING } from './trusted-server';

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
});
