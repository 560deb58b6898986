import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH, HTTP_SESSION_PATH } from '../../src/shared/seam';
import { registerAccount, setUpBrowserApps } from './browser-app';

const apps = setUpBrowserApps();
const anna = { fullName: 'Анна Петрова', username: 'anna', password: 'секретный-пароль-1', becomeAdmin: true };

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** Another program on 127.0.0.1 (a lesson's link, an address the student types): it records everything it receives. */
async function listenElsewhere() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Somebody else</title><p>Not the app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
}
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Every string another program could try to replay: header values, cookie values, query values, path parts. */
function candidatesIn(received: Received[]): string[] {
  const out = new Set<string>();
  for (const { url, headers } of received) {
    const parsed = new URL(url, 'http://x');
    for (const value of parsed.searchParams.values()) out.add(value);
    for (const part of parsed.pathname.split('/')) if (part) out.add(part);
    for (const value of Object.values(headers).flat()) {
      if (!value) continue;
      out.add(value);
      for (const pair of value.split(/[;,]\s*/)) {
        const [, cookieValue] = pair.split('=');
        if (cookieValue) out.add(cookieValue.trim());
      }
    }
  }
  return [...out];
}

describe('browser mode keeps its API token to itself', () => {
  it('another listener on 127.0.0.1 the page visits receives nothing that opens /api/invoke; the launch code is spent and gone from the address bar', async () => {
    const running = await apps.open();
    const { page, app } = running;
    await registerAccount(page, anna);
    // The code left the address bar; nothing in the URL grants anything.
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(#.*)?$/);
    expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: not even the page's scripts see the asset cookie

    const other = await listenElsewhere();
    closers.push(other.close);
    // The student follows a link in a new tab, and types the other address in this one (both hosts of 127.0.0.1).
    const popup = page.waitForEvent('popup');
    await page.evaluate((href) => {
      const link = document.createElement('a');
      link.href = href;
      link.target = '_blank';
      document.body.append(link);
      link.click();
    }, `http://localhost:${other.port}/lesson-link?from=app`);
    await (await popup).waitForLoadState();
    await page.goto(`http://127.0.0.1:${other.port}/typed`);
    await expect.poll(() => page.title()).toBe('Somebody else');
    expect(other.received.length).toBeGreaterThanOrEqual(2);

    // The asset cookie does travel to the other port (browsers do not separate cookies by port)…
    const headers = other.received.map((r) => JSON.stringify(r.headers)).join('\n');
    expect(headers).toContain(`teacher_ai_assets_${app.port}=`);
    // …but neither the API token nor anything else it received works on the API.
    expect(headers).not.toContain(app.apiToken);
    const base = `http://127.0.0.1:${app.port}`;
    const tries = candidatesIn(other.received);
    expect(tries.length).toBeGreaterThan(5);
    for (const value of tries) {
      const asBearer = await fetch(`${base}${HTTP_INVOKE_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${value}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'accounts.current' }),
      });
      expect({ value, status: asBearer.status }).toEqual({ value, status: 401 });
      const asCookie = await fetch(`${base}${HTTP_EVENTS_PATH}`, { headers: { Cookie: other.received[0]!.headers.cookie ?? '' } });
      expect(asCookie.status).toBe(401);
      const asCode = await fetch(`${base}${HTTP_SESSION_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: value }) });
      expect({ value, status: asCode.status }).toEqual({ value, status: 401 });
    }

    // Back to the app: the tab keeps its session (no code needed) and the student is still signed in.
    await page.goBack();
    await page.getByTestId('user-menu').waitFor();
    expect(page.url()).not.toContain('code=');

    // Nothing secret was written to the app's log.
    const logsDir = path.join(running.dataDir, 'logs');
    const logs = fs.existsSync(logsDir) ? fs.readdirSync(logsDir).map((name) => fs.readFileSync(path.join(logsDir, name), 'utf8')).join('') : '';
    expect(logs).not.toContain(app.apiToken);
    expect(logs).not.toContain('code=');
  });

  it('a launch address opened a second time (history, another browser) gives no access; a new tab says what to do', async () => {
    const running = await apps.open();
    const { page, app } = running;
    await page.locator('[data-testid="register-fullname"], [data-testid="signin-screen"]').first().waitFor();
    const browser = page.context().browser()!;

    // The next address, opened in another browser profile: it works, once.
    const second = app.url;
    const other = await browser.newContext({ locale: 'ru-RU' });
    closers.push(() => other.close());
    const first = await other.newPage();
    await first.goto(second);
    await first.locator('[data-testid="register-fullname"], [data-testid="signin-screen"]').first().waitFor();
    expect(first.url()).not.toContain('code=');
    expect(app.url).not.toBe(second);

    // The same address from history, in a third profile with nothing of the app: refused outright.
    const stranger = await browser.newContext({ locale: 'ru-RU' });
    closers.push(() => stranger.close());
    expect((await (await stranger.newPage()).goto(second))?.status()).toBe(401);

    // In a new tab of the second profile (which holds the asset cookie): the page, but no session — and it says what to do.
    const again = await other.newPage();
    await again.goto(second);
    await expect.poll(() => again.getByTestId('error-state').textContent()).toContain('Откройте адрес, который программа напечатала в терминале');
  });
});
