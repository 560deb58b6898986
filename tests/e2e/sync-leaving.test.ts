import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackFile } from '../../src/core/content/load-packs';
import { createLogger } from '../../src/server/logger';
import { startServer, type RunningServer } from '../../src/server/server';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { CONTENT_DIR } from '../support/test-databases';
import { answerOf, setUpBrowserApps } from './browser-app';
import { startCourse } from './lesson-steps';

/*
 * Issue 18, item 5, as the student sees it: «Выйти» with a change not yet sent says «Отправляю…» while it
 * sends, and the sign-in screen comes within the bound even when the server never answers the push.
 * Between the app and the real server sits a proxy that can hold every push.
 */

const maths = readPackFile(path.join(CONTENT_DIR, 'math-5-fractions.json')).pack;
const student = { fullName: 'Пётр Уходящий', username: 'petr-leaving', password: 'пароль-перед-уходом' };

const apps = setUpBrowserApps();
const slow = { timeout: 15_000 };
let cluster: PostgresCluster;
let server: RunningServer;
let proxy: http.Server;
let proxyUrl: string;
let holdPushes = false;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  server = await startServer({
    env: { DATABASE_URL: cluster.url, TOKEN_SECRET: 'e2e-token-secret-long-enough-0123456789abcdef', PORT: '0', BCRYPT_COST: '4' },
    host: '127.0.0.1',
    log: createLogger(quiet),
    version: 'e2e',
  });
  const target = new URL(server.url);
  proxy = http.createServer((req, res) => {
    if (holdPushes && req.url?.startsWith('/sync/push')) return; // accepted, never answered
    const forwarded = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await server?.close();
  cluster?.stop();
});

describe('leaving with changes not yet sent', () => {
  it('«Выйти» says «Отправляю…» while it sends, and never waits longer than its bound', async () => {
    const a = await apps.openAsStudent(student);
    await a.page.getByTestId('nav-settings').click();
    const section = a.page.getByTestId('settings-sync');
    await section.getByTestId('sync-link-form').waitFor();
    await section.getByTestId('sync-server-url').fill(proxyUrl);
    await section.getByTestId('sync-password').fill(student.password);
    await section.getByTestId('sync-link-submit').click();
    await expect.poll(() => section.getByTestId('sync-state').getAttribute('data-state'), slow).toBe('synced');

    holdPushes = true;
    await a.page.getByTestId('nav-courses').click();
    await startCourse(a.page, maths);
    const completed = answerOf(a.page, 'progress.completeLesson');
    await a.page.getByTestId('complete-lesson').click();
    await completed;
    await expect.poll(async () => Number((await a.page.getByTestId('sync-chip-text').getAttribute('data-pending')) ?? 0), slow).toBeGreaterThan(0);

    await a.page.getByTestId('user-menu').click();
    const started = Date.now();
    await a.page.getByTestId('signout-button').click();
    await expect.poll(() => a.page.getByTestId('signout-sending').count(), slow).toBe(1);
    expect(await a.page.getByTestId('signout-button').textContent()).toBe('Отправляю…');
    await a.screenshot('signout-sending');
    await a.page.getByTestId('signin-screen').waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 90_000);
});
