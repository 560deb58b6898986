import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { DEFAULT_ACHIEVEMENTS_FILE, DEFAULT_CONTENT_DIR } from './paths';

const SECRET = 'a-very-long-secret-that-is-at-least-32-chars';
const valid = { DATABASE_URL: 'postgres://user:pw@localhost:5432/teacher', TOKEN_SECRET: SECRET };

function problemsOf(env: Record<string, string | undefined>): { problems: readonly string[]; message: string } {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { problems: error.problems, message: error.message };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults: port 3001, a 1 MiB body limit, the shipped catalogue, bcrypt cost 10, 1024 connections', () => {
    expect(loadConfig(valid)).toEqual({
      databaseUrl: valid.DATABASE_URL,
      port: 3001,
      tokenSecret: SECRET,
      maxBodyBytes: 1024 * 1024,
      contentDir: DEFAULT_CONTENT_DIR,
      achievementsFile: DEFAULT_ACHIEVEMENTS_FILE,
      bcryptCost: 10,
      maxConnections: 1024,
      trustedProxies: [],
    });
  });

  it('reads TRUSTED_PROXIES as a list of IP addresses, and refuses anything else', () => {
    expect(loadConfig({ ...valid, TRUSTED_PROXIES: ' 10.0.0.2, ::1 ' }).trustedProxies).toEqual(['10.0.0.2', '::1']);
    expect(problemsOf({ ...valid, TRUSTED_PROXIES: '10.0.0.2, proxy.school.lan' }).problems).toEqual([
      'TRUSTED_PROXIES must be a comma-separated list of IP addresses.',
    ]);
  });

  it('reads CONTENT_DIR, ACHIEVEMENTS_FILE and BCRYPT_COST', () => {
    expect(loadConfig({ ...valid, CONTENT_DIR: '/srv/packs', ACHIEVEMENTS_FILE: '/srv/achievements.json', BCRYPT_COST: '12' })).toMatchObject({
      contentDir: '/srv/packs',
      achievementsFile: '/srv/achievements.json',
      bcryptCost: 12,
    });
    expect(problemsOf({ ...valid, BCRYPT_COST: '3' }).problems).toEqual(['BCRYPT_COST must be a whole number from 4 to 15.']);
  });

  it('reads PORT, MAX_BODY_BYTES and MAX_CONNECTIONS', () => {
    expect(loadConfig({ ...valid, PORT: '8080', MAX_BODY_BYTES: '2048', MAX_CONNECTIONS: '50' })).toMatchObject({ port: 8080, maxBodyBytes: 2048, maxConnections: 50 });
    expect(problemsOf({ ...valid, MAX_CONNECTIONS: '0' }).problems).toEqual(['MAX_CONNECTIONS must be a whole number from 1 to 1000000.']);
    expect(loadConfig({ ...valid, PORT: '0' }).port).toBe(0);
  });

  it('lists every problem at once', () => {
    const { problems } = problemsOf({ PORT: 'abc', MAX_BODY_BYTES: '-5' });
    expect(problems).toEqual([
      'DATABASE_URL is required.',
      'PORT must be a whole number from 0 to 65535.',
      'TOKEN_SECRET is required.',
      'MAX_BODY_BYTES must be a whole number from 1 to 9007199254740991.',
    ]);
  });

  it('refuses a URL that is not PostgreSQL, an out-of-range port and a zero body limit', () => {
    const { problems } = problemsOf({ ...valid, DATABASE_URL: 'mysql://x', PORT: '70000', MAX_BODY_BYTES: '0' });
    expect(problems).toEqual([
      'DATABASE_URL must be a postgres:// or postgresql:// URL.',
      'PORT must be a whole number from 0 to 65535.',
      'MAX_BODY_BYTES must be a whole number from 1 to 9007199254740991.',
    ]);
  });

  it('refuses a short secret without ever echoing it', () => {
    const shortSecret = 'hunter2-short-secret';
    const { problems, message } = problemsOf({ ...valid, TOKEN_SECRET: shortSecret });
    expect(problems).toEqual(['TOKEN_SECRET must be at least 32 characters long.']);
    expect(message).not.toContain(shortSecret);
    expect(JSON.stringify(problems)).not.toContain(shortSecret);
  });
});
