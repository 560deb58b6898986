/**
 * A child process (forked by tests/support/packaged-app/packaged-app.ts, bundled with esbuild) that runs a
 * packaged app's main bundle under Node with the stand-in `electron`, then answers the test's calls
 * through the IPC handler the app registered — the seam the window's preload uses — as the app's own page.
 *
 * Messages: test → here `{ type: 'invoke', id, method, input }` and `{ type: 'quit' }`;
 * here → test `{ type: 'started', … }`, `{ type: 'result', id, result }`, `{ type: 'exit', code }`.
 */
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_INVOKE_CHANNEL } from '../../../src/shared/seam';
import { app, standIn, type StandInPaths } from './electron-stand-in';

export interface Launch extends StandInPaths {
  /** The packaged app's resources folder (Electron: `process.resourcesPath`). */
  resourcesPath: string;
}

export type ToRunner = { type: 'invoke'; id: number; method: string; input?: unknown } | { type: 'quit' };
export type FromRunner =
  | {
      type: 'started';
      ms: number;
      channels: string[];
      errorBoxes: string[];
      permissionHandlerSet: boolean;
      /** Every permission handler set (request, check, device) and the web contents hardened. */
      permissionsDenied: boolean;
      hardenedWebContents: number;
      /** What the app:// handler answered for the page the window loaded. */
      page: { status: number; type: string | null; html: boolean } | null;
      window: { url: string | null; preload: unknown; webPreferences: Record<string, unknown> | undefined } | null;
    }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'exit'; code: number };

const send = (message: FromRunner, then?: () => void) => process.send!(message, undefined, {}, then);

const launch = JSON.parse(process.env.TEACHER_AI_PACKAGED_APP ?? 'null') as Launch | null;
if (!launch || !process.send) throw new Error('run-packaged-main: start me with fork() and TEACHER_AI_PACKAGED_APP');

// `import … from "electron"` in the app (Electron provides it built in) gets the stand-in, the same
// module instance as the one imported above.
const standInUrl = new URL('./electron-stand-in.mjs', import.meta.url).href;
const hooks = `export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: ${JSON.stringify(standInUrl)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

standIn.paths = { appPath: launch.appPath, userData: launch.userData };
Object.assign(process, { resourcesPath: launch.resourcesPath });
// Electron's app.exit ends the process at once, whatever is still pending.
standIn.events.on('exit', (code: number) => send({ type: 'exit', code }, () => process.exit(code)));

const { main } = JSON.parse(fs.readFileSync(path.join(launch.appPath, 'package.json'), 'utf8')) as { main: string };
const started = performance.now();
await import(pathToFileURL(path.join(launch.appPath, main)).href);

// The app is up once it made its window (or showed an error box).
while (standIn.windows.length === 0 && standIn.errorBoxes.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
const window = standIn.windows[0] ?? null;
const serve = standIn.protocolHandlers.get('app');
const pageResponse = serve && window?.loadedUrl ? await serve(new Request(window.loadedUrl)) : null;
const page = pageResponse && { status: pageResponse.status, type: pageResponse.headers.get('content-type'), html: (await pageResponse.text()).includes('<div id="root">') };
send({
  type: 'started',
  ms: Math.round(performance.now() - started),
  channels: [...standIn.handlers.keys()],
  errorBoxes: standIn.errorBoxes,
  permissionHandlerSet: standIn.permissionHandlerSet,
  permissionsDenied: standIn.permissionHandlerSet && standIn.permissionCheckHandlerSet && standIn.devicePermissionHandlerSet,
  hardenedWebContents: standIn.webContentsCreated,
  page,
  window: window && { url: window.loadedUrl, preload: window.options.webPreferences?.preload, webPreferences: window.options.webPreferences },
});

process.on('message', (message: ToRunner) => {
  if (message.type === 'quit') {
    app.quit();
    return;
  }
  const handler = standIn.handlers.get(IPC_INVOKE_CHANNEL);
  // As the window's own page calls: the top frame at the URL the app loaded.
  const event = { senderFrame: { url: window?.loadedUrl ?? '', parent: null } };
  void Promise.resolve(handler ? handler(event, message.method, message.input) : { ok: false, error: { code: 'no_handler' } }).then(
    (result) => send({ type: 'result', id: message.id, result }),
    (error: unknown) => send({ type: 'result', id: message.id, result: { ok: false, error: { code: 'threw', message: String(error) } } }),
  );
});
