/**
 * The app as installers ship it. electron-builder packages the build (`out/`) with electron-builder.yml for
 * Linux (`dir`: what AppImage and deb are made from) around a stand-in Electron, and the packaged main bundle
 * runs from the packaged app.asar under Node with a stand-in `electron` module; the test then talks to it
 * through the IPC seam as the window does. This is what found that packaging dropped the database
 * template's empty folders, so that every installed app started in recovery mode (issue 22).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, LOGS_DIR_NAME } from '../../src/core/diagnostics/log-file';
import { REQUIRED_DIRS, TEMPLATE_FILE_NAME } from '../../src/core/db/db-template';
import { IPC_INVOKE_CHANNEL } from '../../src/shared/seam';
import { PROJECT_ROOT, projectPaths } from '../../src/web/project-paths';
import { bundleRunner, packageApp, startPackagedApp, type PackagedApp, type RunningApp } from '../support/packaged-app/packaged-app';
import { tinyGguf } from '../support/tiny-gguf';

/**
 * app.asar was 91 MB when renderer-only packages were `dependencies` (issue 22); ~32 MB without them, ~40 MB
 * with the embedded model's JavaScript (node-llama-cpp and what it loads; its native builds are unpacked).
 */
const ASAR_LIMIT_BYTES = 42 * 1024 * 1024;
/** What the main process imports at run time (out/main/index.js): all that app.asar's node_modules may hold, with their own dependencies. */
const RUNTIME_PACKAGES = ['@electric-sql/pglite', 'bcryptjs', 'drizzle-orm', 'electron-updater', 'node-llama-cpp', 'ts-fsrs', 'zod'];
/** Bundled into out/renderer by Vite: shipping them again in app.asar cost ~55 MB. */
const RENDERER_PACKAGES = ['react', 'react-dom', 'recharts', 'katex', 'rehype-katex', 'react-markdown', 'remark-gfm', 'remark-math', 'zustand', 'pg'];

const ADMIN = { email: 'admin@school.test', username: 'admin', fullName: 'Администратор', password: 'packaged-app-1' };

let work: string;
let packaged: PackagedApp;
let runner: string;
const userData = () => path.join(work, 'user-data');
const running: RunningApp[] = [];

beforeAll(async () => {
  for (const built of [path.join(PROJECT_ROOT, 'out/main/index.js'), path.join(projectPaths.rendererDir, 'index.html'), projectPaths.templatePath]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(PROJECT_ROOT, built)} is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-packaged-'));
  packaged = await packageApp(PROJECT_ROOT, work);
  runner = await bundleRunner(path.join(work, 'runner'));
}, 120_000);

afterAll(() => {
  for (const app of running.splice(0)) app.kill();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function start(): Promise<RunningApp> {
  const app = await startPackagedApp(runner, { appPath: packaged.appPath, resourcesPath: packaged.resourcesPath, userData: userData() });
  running.push(app);
  return app;
}

async function quit(app: RunningApp): Promise<void> {
  expect(await app.quit(), app.output()).toBe(0);
  running.splice(running.indexOf(app), 1);
}

async function value<T>(app: RunningApp, method: string, input?: unknown): Promise<T> {
  const result = await app.invoke(method, input);
  expect(result, `${method}\n${app.output()}`).toMatchObject({ ok: true });
  return result.value as T;
}

const logLines = () =>
  fs
    .readFileSync(path.join(userData(), 'data', LOGS_DIR_NAME, LOG_FILE_NAME), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: string; message: string; data?: Record<string, unknown> });

const sameBytes = (a: string, b: string) => fs.readFileSync(a).equals(fs.readFileSync(b));

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((it) => it.isFile()).map((it) => path.relative(dir, path.join(it.parentPath, it.name))).sort();

describe('the packaged app (electron-builder --linux dir)', () => {
  it('ships migrations, starter content, achievements and the database template where the app looks for them', () => {
    const resources = packaged.resourcesPath;
    expect(fs.readdirSync(resources).sort()).toEqual(['app.asar', 'app.asar.unpacked', 'drizzle', TEMPLATE_FILE_NAME, 'resources'].sort());
    // Outside the archive only what cannot be loaded from it: llama.cpp's native CPU builds (no GPU ones)
    // and the native file-copy module node-llama-cpp uses.
    const unpacked = path.join(resources, 'app.asar.unpacked/node_modules');
    expect(fs.readdirSync(unpacked).sort()).toEqual(['@node-llama-cpp', '@reflink', 'node-llama-cpp']);
    // Only the packaged architecture's CPU build (this is a Linux package of the machine's architecture).
    expect(fs.readdirSync(path.join(unpacked, '@node-llama-cpp'))).toEqual([`linux-${process.arch}`]);
    // llama.cpp's sources (a 34 MB git bundle) are for building from source, which the app never does.
    expect(fs.existsSync(path.join(unpacked, 'node-llama-cpp/llama/gitRelease.bundle'))).toBe(false);
    // No update server is built in: no resources/app-update.yml, so the app polls nothing (see below).
    expect(filesUnder(path.join(resources, 'drizzle'))).toEqual(filesUnder(projectPaths.migrationsFolder));
    expect(filesUnder(path.join(resources, 'resources/content'))).toEqual(filesUnder(projectPaths.contentDir));
    expect(sameBytes(path.join(resources, 'resources/achievements/catalogue.json'), projectPaths.achievementsFile)).toBe(true);
    // One file that packaging copies byte for byte (a folder lost its empty folders).
    expect(sameBytes(path.join(resources, TEMPLATE_FILE_NAME), projectPaths.templatePath)).toBe(true);
    expect(fs.statSync(path.join(resources, TEMPLATE_FILE_NAME)).size).toBeLessThan(8 * 1024 * 1024);
    // Chromium's strings only in the app's languages.
    expect(fs.readdirSync(path.join(packaged.appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'ru.pak']);
  });

  it('packs only the built app and the main process’s run-time packages into app.asar (≤ 42 MB)', () => {
    const size = fs.statSync(packaged.asarFile).size;
    expect(size).toBeLessThanOrEqual(ASAR_LIMIT_BYTES);
    const top = fs.readdirSync(packaged.appPath).sort();
    expect(top).toEqual(['node_modules', 'out', 'package.json']);
    expect(fs.readdirSync(path.join(packaged.appPath, 'out')).sort()).toEqual(['main', 'preload', 'renderer']);
    const modules = path.join(packaged.appPath, 'node_modules');
    for (const name of RUNTIME_PACKAGES) expect(fs.existsSync(path.join(modules, name, 'package.json')), name).toBe(true);
    for (const name of RENDERER_PACKAGES) expect(fs.existsSync(path.join(modules, name)), name).toBe(false);
    expect(filesUnder(modules).filter((file) => /\.(map|d\.ts|d\.cts|d\.mts)$/.test(file))).toEqual([]);
  });

  it('first start: opens the database from the template, registers an account, lists the five starter courses', async () => {
    const app = await start();
    const { started } = app;
    expect(started.errorBoxes, app.output()).toEqual([]);
    expect(started.channels).toEqual([IPC_INVOKE_CHANNEL]);
    expect(started.permissionHandlerSet).toBe(true);
    // The window loads the packaged page, with the packaged preload, isolated.
    expect(started.permissionsDenied).toBe(true);
    expect(started.hardenedWebContents).toBe(1);
    // The page comes from app://teacher-ai/ (served from the packaged out/renderer), not file://.
    expect(started.window?.url).toBe('app://teacher-ai/index.html');
    expect(started.page).toMatchObject({ status: 200, html: true, type: expect.stringMatching(/^text\/html/) });
    expect(fs.existsSync(path.join(packaged.appPath, 'out/renderer/index.html'))).toBe(true);
    expect(fs.existsSync(String(started.window?.preload))).toBe(true);
    expect(started.window?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });

    expect(await value(app, 'recovery.status')).toEqual({ active: false });
    expect(await value(app, 'app.info')).toMatchObject({ version: JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version });
    await value(app, 'accounts.register', { ...ADMIN, becomeAdmin: true });
    const courses = await value<{ title: string }[]>(app, 'courses.list');
    expect(courses).toHaveLength(fs.readdirSync(projectPaths.contentDir).filter((file) => file.endsWith('.json')).length);
    expect(courses).toHaveLength(5);
    await quit(app);

    // The database has every folder PostgreSQL needs (the ones packaging used to drop).
    for (const dir of REQUIRED_DIRS) expect(fs.statSync(path.join(userData(), 'data/db', dir)).isDirectory(), dir).toBe(true);
    const lines = logLines();
    // Made from the shipped template (not by the initdb fallback), and opened: no recovery mode.
    expect(lines.slice(0, 2)).toMatchObject([
      { message: 'database created', data: { from: 'template' } },
      { message: 'app started', data: { mode: 'desktop', recovery: false } },
    ]);
    expect(lines.filter((line) => line.level !== 'info'), JSON.stringify(lines)).toEqual([]);
    // Nothing is polled until an update server is configured.
    expect(lines).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^Updates are off: no update server is configured/) }));
    const bytesUnder = (dir: string) => filesUnder(dir).reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0);
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.info(
      `packaged in ${packaged.packMs} ms; first start ${started.ms} ms; app.asar ${mb(fs.statSync(packaged.asarFile).size)}; ` +
        `unpacked ${mb(bytesUnder(path.join(packaged.resourcesPath, 'app.asar.unpacked')))}; resources/ ${mb(bytesUnder(packaged.resourcesPath))}`,
    );
  }, 90_000);

  it('second start: reopens the same database (the account signs in, the courses are there)', async () => {
    const app = await start();
    expect(app.started.errorBoxes, app.output()).toEqual([]);
    expect(await value(app, 'recovery.status')).toEqual({ active: false });
    await value(app, 'accounts.signIn', { login: ADMIN.username, password: ADMIN.password });
    expect(await value<{ user: { role: string } | null }>(app, 'accounts.current')).toMatchObject({ user: { role: 'admin' } });
    expect(await value<unknown[]>(app, 'courses.list')).toHaveLength(5);
    await quit(app);
    const starts = logLines().filter((line) => line.message === 'app started');
    expect(starts.map((line) => line.data?.recovery)).toEqual([false, false]);
  }, 90_000);

  it('the embedded model answers from the packaged app: the one CPU build it ships loads llama.cpp', async () => {
    const model = tinyGguf();
    const app = await start();
    await value(app, 'accounts.signIn', { login: ADMIN.username, password: ADMIN.password });
    await value(app, 'ai.saveComputerSettings', { provider: 'embedded', modelPath: model, timeoutSeconds: 60 });
    const session = await value<{ id: string }>(app, 'chat.startSession', { sessionType: 'interactive' });
    const { replyId } = await value<{ replyId: string }>(app, 'chat.sendMessage', { sessionId: session.id, content: 'Что такое дробь?' });
    type Message = { id: string; streaming: boolean; content: string };
    const replyNow = async () => (await value<Message[]>(app, 'chat.listMessages', { sessionId: session.id })).find((message) => message.id === replyId);
    const waitFor = async (done: (reply: Message | undefined) => boolean) => {
      const deadline = Date.now() + 60_000;
      let reply = await replyNow();
      while (!done(reply) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        reply = await replyNow();
      }
      return reply;
    };
    // The model's first words arrive (a random-weight model never stops by itself: it is stopped).
    expect(await waitFor((reply) => (reply?.content.trim() ?? '') !== ''), app.output()).toMatchObject({ content: expect.stringMatching(/\S/) });
    await value(app, 'chat.stop', { sessionId: session.id });
    expect(await waitFor((reply) => reply?.streaming === false), app.output()).toMatchObject({ streaming: false });
    await quit(app);
    // The model answered: a fallback to the offline teacher is logged as an error with its reason.
    const sinceStart = logLines().slice(logLines().findLastIndex((line) => line.message === 'app started'));
    expect(sinceStart.filter((line) => line.level !== 'info'), JSON.stringify(sinceStart)).toEqual([]);
  }, 120_000);
});
