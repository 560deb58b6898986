import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createCoreOnDatabase, type Core } from '../create-core';
import { silentTeachers, TEST_BCRYPT_COST } from '../../../tests/support/test-core';
import { describeOnEachDatabase, MIGRATIONS_FOLDER } from '../../../tests/support/test-databases';
import { schemaVersionOf } from '../db/schema-version';
import { createDataDirLogger } from './logger';
import { DIAGNOSTICS_FORMAT, type DiagnosticsReport } from './export-diagnostics';

const PASSWORD = 'Секретный-Пароль-Анны-77';
const SENTENCE = 'Почему дробь три восьмых больше чем одна четвёртая в моей тетради';
const API_KEY = 'sk-anna-secret-key-0123456789';
const EMAIL = 'anna.secret@school.test';
const FULL_NAME = 'Анна Секретова';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeOnEachDatabase('diagnostics export', (ctx) => {
  async function computer(): Promise<{ core: Core; dataDir: string; call: (method: string, input?: unknown) => Promise<unknown> }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-diagnostics-'));
    dirs.push(dataDir);
    const logger = createDataDirLogger(dataDir);
    const core = createCoreOnDatabase(
      { ...ctx.database, close: async () => {} },
      {
        appVersion: '9.8.7-test',
        dataDir,
        bcryptCost: TEST_BCRYPT_COST,
        teachers: silentTeachers,
        logger,
        schemaVersion: schemaVersionOf(MIGRATIONS_FOLDER),
      },
    );
    const call = async (method: string, input?: unknown) => {
      const result = await core.invoke(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    return { core, dataDir, call };
  }

  it('one JSON file with every section, and no password, key, message text or address anywhere in it', async () => {
    const { core, dataDir, call } = await computer();
    await call('accounts.register', { email: EMAIL, username: 'anna', fullName: FULL_NAME, password: PASSWORD, becomeAdmin: true });
    const session = (await call('chat.startSession', { sessionType: 'interactive' })) as { id: string };
    await call('chat.sendMessage', { sessionId: session.id, content: SENTENCE });
    await core.replies.idle();
    await call('ai.saveUserSettings', { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'local-model', apiKey: API_KEY });
    // A wrong password, and the kind of careless log line a future change might add: neither may leak.
    expect((await core.invoke('accounts.signIn', { login: 'anna', password: `${PASSWORD}-wrong` })).ok).toBe(false);
    const logger = createDataDirLogger(dataDir);
    logger.error('handler failed', { method: 'chat.sendMessage', input: { sessionId: session.id, content: SENTENCE }, password: PASSWORD, apiKey: API_KEY });
    logger.warn(`sync refused for ${EMAIL} with Bearer ${API_KEY}`);
    fs.mkdirSync(path.join(dataDir, 'backups'));
    fs.writeFileSync(path.join(dataDir, 'backups', '2026-11-25T10-00-00Z-daily.tar.gz'), 'not really a backup');

    const file = (await call('diagnostics.export')) as { fileName: string; sizeBytes: number; content: string };
    expect(contract['diagnostics.export'].output.safeParse(file).success).toBe(true);
    expect(file.fileName).toMatch(/^teacher-ai-diagnostics-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.json$/);
    const saved = path.join(dataDir, 'diagnostics', file.fileName);
    expect(fs.readFileSync(saved, 'utf8')).toBe(file.content);
    expect(file.sizeBytes).toBe(fs.statSync(saved).size);

    // Nothing private, anywhere: not in the logs, not in the counts, not in the file on disk.
    const raw = fs.readFileSync(saved, 'utf8');
    for (const secret of [PASSWORD, SENTENCE, 'дробь три восьмых', API_KEY, EMAIL, FULL_NAME, 'local-model']) {
      expect({ secret, found: raw.includes(secret) }).toEqual({ secret, found: false });
    }

    const report = JSON.parse(file.content) as DiagnosticsReport;
    expect(report.format).toBe(DIAGNOSTICS_FORMAT);
    expect(report.app.version).toBe('9.8.7-test');
    expect(report.runtime.node).toBe(process.versions.node);
    expect(report.runtime.pglite).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.system).toMatchObject({ platform: process.platform, arch: process.arch });
    expect(report.system.totalMemoryBytes).toBeGreaterThan(0);
    expect(report.storage.dataDirBytes).toBeGreaterThan(0);
    const database = report.database as Record<string, unknown> & { tableRows: Record<string, number>; migrations: { applied: number; inThisBuild: number } };
    expect(database.version).toMatch(ctx.kind === 'pglite' ? /PostgreSQL 1[5-9]/ : /PostgreSQL 15/);
    expect(database.sizeBytes).toBeGreaterThan(0);
    expect(database.tableRows).toMatchObject({ users: 1, chat_sessions: 1, chat_messages: 1 });
    expect(database.migrations.applied).toBe(schemaVersionOf(MIGRATIONS_FOLDER));
    expect(database.migrations.inThisBuild).toBe(schemaVersionOf(MIGRATIONS_FOLDER));
    expect(database.outbox).toMatchObject({ pending: expect.any(Number) as number, students: 1 });
    expect(report.backups).toEqual([{ name: '2026-11-25T10-00-00Z-daily.tar.gz', bytes: 19, modifiedAt: expect.any(String) as string }]);
    expect(report.logs.files.map((f) => f.name)).toEqual(['teacher-ai.log']);
    expect(report.logs.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'error', message: 'handler failed', data: expect.objectContaining({ method: 'chat.sendMessage' }) as unknown })]),
    );
  });

  it('is for signed-in accounts, takes no input, and keeps only the newest five exports', async () => {
    const { core, dataDir, call } = await computer();
    expect(await core.invoke('diagnostics.export', undefined)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await call('accounts.register', { email: EMAIL, username: 'anna', fullName: FULL_NAME, password: PASSWORD });
    expect(await core.invoke('diagnostics.export', { dataDir: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Seven exports in seven different seconds (the name carries the second).
    let second = 0;
    const at = () => new Date(Date.UTC(2026, 10, 25, 10, 0, second));
    const timed = createCoreOnDatabase({ ...ctx.database, close: async () => {} }, { appVersion: '1', dataDir, now: at, teachers: silentTeachers, logger: { error: () => {} } });
    timed.session.signIn(core.session.current!);
    for (; second < 7; second++) expect((await timed.invoke('diagnostics.export', undefined)).ok).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'diagnostics')).sort()).toEqual(
      [2, 3, 4, 5, 6].map((s) => `teacher-ai-diagnostics-2026-11-25T10-00-0${s}.json`),
    );
  });
});
