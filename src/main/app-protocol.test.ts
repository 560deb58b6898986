import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { chooseWindowSource } from './window-source';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-app-scheme-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Teacher AI</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.key'), 'not for the page');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the app:// scheme', () => {
  it('is registered standard and secure, so the page has an origin of its own and a secure context', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_PAGE_URL).toBe('app://teacher-ai/index.html');
  });

  it('serves the built renderer with its type and the content security policy', async () => {
    const handle = createAppProtocolHandler(rendererDir);
    const page = handle(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Teacher AI');
    const script = handle(new Request('app://teacher-ai/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(handle(new Request('app://teacher-ai/')).status).toBe(200);
  });

  it('refuses paths out of the renderer folder, other hosts and other methods', async () => {
    const handle = createAppProtocolHandler(rendererDir);
    for (const url of [
      'app://teacher-ai/../secret.key',
      'app://teacher-ai/%2e%2e/secret.key',
      'app://teacher-ai/..%2fsecret.key',
      'app://teacher-ai/assets/..%2f..%2fsecret.key',
      'app://teacher-ai/%2e%2e%5csecret.key',
      'app://teacher-ai/index.html%00.png',
      `app://teacher-ai/${encodeURIComponent(path.join(root, 'secret.key'))}`,
      'app://other-host/index.html',
      'app://teacher-ai/missing.js',
      'app://teacher-ai/assets',
    ]) {
      const answer = handle(new Request(url));
      expect({ url, status: answer.status }).toEqual({ url, status: 404 });
      expect(await answer.text()).not.toContain('not for the page');
    }
    expect(handle(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' })).status).toBe(404);
  });
});

describe('where the window’s page comes from', () => {
  it('an installed app always loads app://, whatever ELECTRON_RENDERER_URL says', () => {
    for (const devServerUrl of [undefined, 'http://localhost:5173/', 'https://evil.example/', 'file:///tmp/page.html']) {
      expect(chooseWindowSource({ isPackaged: true, devServerUrl })).toEqual({ url: 'app://teacher-ai/index.html', urlPrefix: 'app://teacher-ai/' });
    }
  });

  it('a development build uses the dev server on this computer, and nothing else', () => {
    expect(chooseWindowSource({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/',
      urlPrefix: 'http://localhost:5173/',
    });
    expect(chooseWindowSource({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173' }).urlPrefix).toBe('http://127.0.0.1:5173/');
    for (const devServerUrl of ['https://evil.example/', 'http://localhost.evil.example:5173/', 'file:///tmp/page.html', 'javascript:alert(1)']) {
      expect(chooseWindowSource({ isPackaged: false, devServerUrl }).url).toBe('app://teacher-ai/index.html');
    }
    expect(chooseWindowSource({ isPackaged: false, devServerUrl: undefined }).url).toBe('app://teacher-ai/index.html');
  });
});
