/**
 * The app as electron-builder packages it, without Electron: electron-builder's `dir` target for Linux with
 * a stand-in Electron distribution (a folder with a fake `electron` executable — the real binary cannot be
 * downloaded everywhere tests run), and the packaged main bundle run under Node with a stand-in `electron`
 * module (electron-stand-in.ts, run-packaged-main.ts). Used by tests/integration/packaged-app.test.ts.
 */
import { extractAll } from '@electron/asar';

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build as bundle } from 'esbuild';
import { Arch, build, Platform, type AfterPackContext } from 'electron-builder';
import type { FromRunner, Launch, ToRunner } from './run-packaged-main';

const require = createRequire(import.meta.url);

export interface PackagedApp {
  /** What electron-builder made: the executable, `locales/`, `resources/`. */
  appOutDir: string;
  resourcesPath: string;
  asarFile: string;
  /** app.asar unpacked, to run from. */
  appPath: string;
  packMs: number;
}

/** A folder shaped like Electron's Linux zip: the executable and Chromium's locale files (filtered by `electronLanguages`). */
function standInElectronDist(dir: string): string {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "a stand-in for Electron (tests/support/packaged-app)" >&2\nexit 1\n', { mode: 0o755 });
  for (const locale of ['ru', 'en-US', 'de', 'fr']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  return dir;
}

/** Package the project (its `out/` build) with electron-builder.yml, as `electron-builder --linux dir` does. */
export async function packageApp(projectDir: string, workDir: string): Promise<PackagedApp> {
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  let appOutDir: string | null = null;
  const started = performance.now();
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', process.arch === 'arm64' ? Arch.arm64 : Arch.x64),
    publish: 'never',
    // Merged over electron-builder.yml: only what packaging without Electron needs.
    config: {
      electronDist: standInElectronDist(path.join(workDir, 'electron-dist')),
      electronVersion,
      // Fuses are flipped in the real binary (electron-builder looks for their sentinel in it).
      electronFuses: null,
      // The app has no native modules; nothing to rebuild.
      npmRebuild: false,
      directories: { output: path.join(workDir, 'dist') },
      afterPack: async (context: AfterPackContext) => {
        appOutDir = context.appOutDir;
      },
    },
  });
  if (!appOutDir) throw new Error('electron-builder did not package the app');
  const resourcesPath = path.join(appOutDir, 'resources');
  const asarFile = path.join(resourcesPath, 'app.asar');
  const appPath = path.join(workDir, 'app.asar.unpacked-for-test');
  extractAll(asarFile, appPath);
  return { appOutDir, resourcesPath, asarFile, appPath, packMs: Math.round(performance.now() - started) };
}

/** Bundle the runner and the stand-in `electron` (which must stay one module instance for both) into `dir`. */
export async function bundleRunner(dir: string): Promise<string> {
  await bundle({
    entryPoints: [path.join(import.meta.dirname, 'run-packaged-main.ts'), path.join(import.meta.dirname, 'electron-stand-in.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  return path.join(dir, 'run-packaged-main.mjs');
}

export interface RunningApp {
  started: Extract<FromRunner, { type: 'started' }>;
  invoke(method: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** Quit as the user does (closing the window): resolves with the exit code. */
  quit(): Promise<number>;
  /** What the process printed, for failure messages. */
  output(): string;
  kill(): void;
}

/** Start the packaged main bundle in a child process; resolves once it made its window (or failed). */
export function startPackagedApp(runner: string, launch: Launch): Promise<RunningApp> {
  const env: NodeJS.ProcessEnv = { ...process.env, TEACHER_AI_PACKAGED_APP: JSON.stringify(launch) };
  // Whatever this machine has, the app sees no school configuration named by the environment.
  delete env.TEACHER_AI_SCHOOL_CONFIG;
  delete env.ELECTRON_RENDERER_URL;
  const child: ChildProcess = fork(runner, [], { env, silent: true, execArgv: [] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pending = new Map<number, (result: never) => void>();
  let nextId = 1;
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));

  return new Promise((resolve, reject) => {
    child.on('message', (message: FromRunner) => {
      if (message.type === 'result') pending.get(message.id)?.(message.result as never);
      if (message.type !== 'started') return;
      resolve({
        started: message,
        invoke: (method, input) =>
          new Promise((done) => {
            const id = nextId++;
            pending.set(id, done);
            child.send({ type: 'invoke', id, method, input } satisfies ToRunner);
          }),
        quit: () => {
          child.send({ type: 'quit' } satisfies ToRunner);
          return exited;
        },
        output: () => output,
        kill: () => child.kill('SIGKILL'),
      });
    });
    void exited.then((code) => reject(new Error(`the packaged app exited (${code}) before it started:\n${output}`)));
  });
}
