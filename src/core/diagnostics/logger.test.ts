import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingFile } from './log-file';
import { createDataDirLogger, formatLogLine, type LogLine } from './logger';
import { isSensitiveKey, redact, REDACTED, scrubText } from './redact';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-logs-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const PASSWORD = 'Пароль-Ученика-2024!';
const SENTENCE = 'Мой секретный вопрос про дроби и пиццу';
const API_KEY = 'sk-test-0123456789abcdefABCDEF';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdHVkZW50In0.c2lnbmF0dXJlLXRlc3Q';

describe('redaction', () => {
  it('hides the values of secret keys however they are spelt and however deep', () => {
    const out = JSON.stringify(
      redact({
        password: PASSWORD,
        newPassword: PASSWORD,
        password_hash: 'x',
        apiKey: API_KEY,
        'api-key': API_KEY,
        API_KEY,
        accessToken: TOKEN,
        refresh_token: TOKEN,
        Authorization: `Bearer ${TOKEN}`,
        cookie: 'teacher_ai_token=abc',
        secret: 'shh',
        refreshTokenSealed: 'sealed-value',
        nested: [{ deeper: { credentials: { user: 'a', pass: PASSWORD } } }],
      }),
    );
    for (const secret of [PASSWORD, API_KEY, TOKEN, 'teacher_ai_token=abc', 'shh', 'sealed-value']) expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('hides what students write and who they are, but keeps neighbouring facts readable', () => {
    const value = redact({
      method: 'chat.sendMessage',
      input: { sessionId: 's1', content: SENTENCE },
      content: SENTENCE,
      text: SENTENCE,
      message: { role: 'user', content: SENTENCE },
      messages: [{ content: SENTENCE }],
      homeworkContent: { text: SENTENCE },
      answer: '42',
      query: 'дроби',
      email: 'anna@school.test',
      fullName: 'Анна Иванова',
      username: 'anna',
      contentType: 'image/png',
      messageCount: 3,
      status: 503,
    }) as Record<string, unknown>;
    const text = JSON.stringify(value);
    for (const secret of [SENTENCE, 'anna@school.test', 'Анна Иванова', '"anna"', 'дроби', '"42"']) expect(text).not.toContain(secret);
    expect(value).toMatchObject({ method: 'chat.sendMessage', contentType: 'image/png', messageCount: 3, status: 503, content: REDACTED });
  });

  it('scrubs secrets out of free text: bearer tokens, URL credentials, key=value, API keys, JWTs, e-mail addresses', () => {
    const text = scrubText(
      `GET https://user:${PASSWORD}@school.example/v1?token=abc123&page=2 failed; Authorization: Bearer ${TOKEN}; ` +
        `key ${API_KEY}; password=hunter2; duplicate key value (email)=(anna@school.test); ${TOKEN}`,
    );
    for (const secret of [PASSWORD, 'abc123', TOKEN, API_KEY, 'hunter2', 'anna@school.test']) expect(text).not.toContain(secret);
    expect(text).toContain('page=2');
    expect(text).toContain('school.example/v1');
  });

  it('keeps stack traces readable (a package path is not an e-mail address) and cuts very long text', () => {
    const stack = 'at q.Ee (/app/node_modules/@electric-sql/pglite/dist/chunk-XZUEO4BZ.js:3:206089)';
    expect(scrubText(stack)).toBe(stack);
    expect(scrubText('я'.repeat(5000)).length).toBeLessThan(2100);
  });

  it('turns errors, dates, bigints, buffers and cycles into JSON-safe values', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const error = new Error(`connect failed for anna@school.test`, { cause: new Error('ECONNREFUSED') });
    const out = redact({ error, at: new Date('2026-01-02T03:04:05Z'), big: 12n, bytes: new Uint8Array(10), cyclic }) as Record<string, unknown>;
    expect(out.error).toMatchObject({ name: 'Error', message: 'connect failed for [email]', cause: { message: 'ECONNREFUSED' } });
    expect(out).toMatchObject({ at: '2026-01-02T03:04:05.000Z', big: '12', bytes: '[10 bytes]', cyclic: { name: 'loop', self: '[circular]' } });
  });

  it('the key list: secrets by part of the key, private fields by the whole key', () => {
    for (const key of ['password', 'currentPassword', 'token', 'X-Api-Key', 'apiKey', 'authorization', 'content', 'text', 'email', 'args']) {
      expect({ key, sensitive: isSensitiveKey(key) }).toEqual({ key, sensitive: true });
    }
    for (const key of ['method', 'code', 'status', 'contentType', 'messageCount', 'sessionId', 'durationMs', 'keyCount']) {
      expect({ key, sensitive: isSensitiveKey(key) }).toEqual({ key, sensitive: false });
    }
  });
});

describe('the log file', () => {
  it('writes one redacted JSON line per call: time, level, message, data', () => {
    const dataDir = tempDir();
    const logger = createDataDirLogger(dataDir, { now: () => new Date('2026-11-25T10:00:00Z') });
    logger.info('app started', { mode: 'browser' });
    logger.error('handler failed', { method: 'accounts.signIn', input: { login: 'anna', password: PASSWORD }, error: `Error: bad key ${API_KEY}` });
    logger.warn('sync failed', { url: `https://server.example/sync?token=${TOKEN}` });
    const text = fs.readFileSync(path.join(dataDir, 'logs', 'teacher-ai.log'), 'utf8');
    for (const secret of [PASSWORD, API_KEY, TOKEN, '"anna"']) expect(text).not.toContain(secret);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as LogLine);
    expect(lines).toEqual([
      { time: '2026-11-25T10:00:00.000Z', level: 'info', message: 'app started', data: { mode: 'browser' } },
      { time: '2026-11-25T10:00:00.000Z', level: 'error', message: 'handler failed', data: { method: 'accounts.signIn', input: REDACTED, error: `Error: bad key ${REDACTED}` } },
      { time: '2026-11-25T10:00:00.000Z', level: 'warn', message: 'sync failed', data: { url: `https://server.example/sync?token=${REDACTED}` } },
    ]);
  });

  it('rotates at the size limit and keeps the newest files only', () => {
    const dir = tempDir();
    const file = createRotatingFile({ dir, maxBytes: 1000, keep: 3 });
    const line = (n: number) => `${JSON.stringify({ n, pad: 'x'.repeat(80) })}\n`; // ~100 bytes
    for (let n = 0; n < 65; n++) file.append(line(n));
    expect(fs.readdirSync(dir).sort()).toEqual(['teacher-ai.1.log', 'teacher-ai.2.log', 'teacher-ai.log']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(1000);
    // Oldest first, no line lost or repeated across the kept files, the newest line last.
    const kept = file.files().flatMap((f) => fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { n: number }).n));
    expect(kept.at(-1)).toBe(64);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 65 - kept.length + i));
    expect(file.files().map((f) => path.basename(f))).toEqual(['teacher-ai.2.log', 'teacher-ai.1.log', 'teacher-ai.log']);
  });

  it('by default rotates at 1 MB and keeps 5 files', () => {
    const dataDir = tempDir();
    const logger = createDataDirLogger(dataDir);
    const big = 'y'.repeat(1500);
    for (let n = 0; n < 5000; n++) logger.info('line', { n, big }); // ~7.7 MB
    const names = fs.readdirSync(path.join(dataDir, 'logs')).sort();
    expect(names).toEqual(['teacher-ai.1.log', 'teacher-ai.2.log', 'teacher-ai.3.log', 'teacher-ai.4.log', 'teacher-ai.log']);
    for (const name of names) expect(fs.statSync(path.join(dataDir, 'logs', name)).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it('a log that cannot be written never breaks the caller', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'logs');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    const logger = createDataDirLogger(dir);
    expect(() => logger.error('still fine', { n: 1 })).not.toThrow();
  });

  it('formats without data when there is none', () => {
    expect(JSON.parse(formatLogLine('info', 'hello', undefined, new Date(0)))).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'info', message: 'hello' });
  });
});
