import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpBrowserApps } from './browser-app';

const student = { fullName: 'Диана Тайнова', username: 'diana', password: 'пароль-дианы-секрет' };
const SENTENCE = 'Никому не говори, что я путаю числитель и знаменатель';
const API_KEY = 'sk-diana-0123456789abcdef';

const apps = setUpBrowserApps();

describe('diagnostics', () => {
  it('«Экспорт диагностики» in Settings downloads one redacted report and says its name and size', async () => {
    const running = await apps.openAsStudent(student);
    const { page, app, dataDir } = running;
    // Something private to keep out of the file: a chat message and an API key.
    const session = await app.core.invoke('chat.startSession', { sessionType: 'interactive' });
    if (!session.ok) throw new Error(session.error.message);
    await app.core.invoke('ai.saveUserSettings', { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: API_KEY });
    await app.core.invoke('chat.sendMessage', { sessionId: (session.value as { id: string }).id, content: SENTENCE });
    await app.core.replies.idle();

    await page.getByTestId('nav-settings').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-diagnostics').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^teacher-ai-diagnostics-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.json$/);
    const text = fs.readFileSync((await file.path())!, 'utf8');
    const done = page.getByTestId('diagnostics-done');
    await expect.poll(() => done.textContent()).toContain(file.suggestedFilename());
    expect(await done.textContent()).toMatch(/\d+(,\d)?\u00a0КБ/);
    await running.screenshot('settings-diagnostics');

    const report = JSON.parse(text) as { app: { version: string }; database: { tableRows: Record<string, number> }; logs: { lines: { message: string }[] } };
    expect(report.app.version).toBe('0.0.0-e2e');
    expect(report.database.tableRows).toMatchObject({ users: 1, chat_messages: expect.any(Number) as number });
    // Browser mode logs to <dataDir>/logs from its start on.
    expect(report.logs.lines.map((line) => line.message)).toContain('app started');
    expect(fs.existsSync(path.join(dataDir, 'logs', 'teacher-ai.log'))).toBe(true);
    for (const secret of [student.password, SENTENCE, API_KEY, student.fullName, `${student.username}@example.com`]) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(running.problems).toEqual([]);
  });
});
