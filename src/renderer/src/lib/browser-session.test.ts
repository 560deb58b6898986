import { describe, expect, it, vi } from 'vitest';
import { startBrowserSession, type BrowserSessionDeps } from './browser-session';

function page(href: string, stored: Record<string, string> = {}, answer: () => Promise<Response> = async () => Response.json({ ok: true, value: { token: 'api-token' } })) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const fetch = vi.fn(answer);
  const deps: BrowserSessionDeps = {
    location: { href },
    history: { state: { keep: 1 }, replaceState: (_state, _unused, url) => replaced.push(String(url)) },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    fetch: fetch as unknown as typeof globalThis.fetch,
  };
  return { deps, storage, replaced, fetch };
}

describe('browser-mode session', () => {
  it('takes the launch code out of the address bar at once and exchanges it for the API token', async () => {
    const { deps, storage, replaced, fetch } = page('http://127.0.0.1:5173/?code=one-time&lang=ru#/courses');
    const token = startBrowserSession(deps);
    // Before the exchange has even answered.
    expect(replaced).toEqual(['/?lang=ru#/courses']);
    await expect(token()).resolves.toBe('api-token');
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/session');
    expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin' });
    expect(JSON.parse(init.body as string)).toEqual({ code: 'one-time' });
    expect([...storage.values()]).toEqual(['api-token']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a reload (no code) uses the token this tab already has and asks nothing', async () => {
    const { deps, replaced, fetch } = page('http://127.0.0.1:5173/#/chat', { 'teacher-ai.api-token': 'kept' });
    await expect(startBrowserSession(deps)()).resolves.toBe('kept');
    expect(replaced).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a spent code falls back to the tab’s token, or to none', async () => {
    const refused = async () => Response.json({ ok: false, error: { code: 'unauthenticated', message: 'used' } }, { status: 401 });
    const withToken = page('http://127.0.0.1:5173/?code=spent', { 'teacher-ai.api-token': 'kept' }, refused);
    await expect(startBrowserSession(withToken.deps)()).resolves.toBe('kept');
    const without = page('http://127.0.0.1:5173/?code=spent', {}, refused);
    await expect(startBrowserSession(without.deps)()).resolves.toBeNull();
    expect(without.replaced).toEqual(['/']);
    const offline = page('http://127.0.0.1:5173/?code=x', {}, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(startBrowserSession(offline.deps)()).resolves.toBeNull();
  });
});
