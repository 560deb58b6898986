import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/test-databases';

const LINE = /^Teacher AI is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?code=([\w-]+))$/m;
const NEXT = /^Teacher AI: that address has been used\. To open the app in another tab or browser: http:\/\/127\.0\.0\.1:(\d+)\/\?code=([\w-]+)$/m;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function serve(dataDir: string) {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/web/cli.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

function get(port: number, pathname: string, host = `127.0.0.1:${port}`) {
  return new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('npm run serve', () => {
  it('prints one line with the launch address, refuses requests without its code or with another Host, and stops cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-serve-'));
    dirs.push(dataDir);
    const running = serve(dataDir);
    await expect.poll(() => LINE.test(running.output().stdout), { timeout: 60_000, interval: 200 }).toBe(true);
    const [, , port, code] = running.output().stdout.match(LINE)!;
    const lines = running.output().stdout.trim().split('\n');
    expect(lines).toHaveLength(1);

    expect(await get(Number(port), `/?code=${code}`)).toBe(200);
    expect(await get(Number(port), '/')).toBe(401);
    expect(await get(Number(port), `/?code=${code}`, `attacker.example:${port}`)).toBe(403);

    // The page exchanges the code once; the terminal then shows the next address, and the used one opens nothing.
    const exchanged = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(exchanged.status).toBe(200);
    await expect.poll(() => NEXT.test(running.output().stdout), { timeout: 5_000 }).toBe(true);
    const [, nextPort, next] = running.output().stdout.match(NEXT)!;
    expect(nextPort).toBe(port);
    expect(next).not.toBe(code);
    expect(await get(Number(port), `/?code=${code}`)).toBe(401);
    expect(await get(Number(port), `/?code=${next}`)).toBe(200);
    // Nothing secret reaches the app's log.
    const token = ((await exchanged.json()) as { value: { token: string } }).value.token;
    const logs = fs.readdirSync(path.join(dataDir, 'logs')).map((name) => fs.readFileSync(path.join(dataDir, 'logs', name), 'utf8')).join('');
    for (const secret of [code, next, token]) expect(logs + running.output().stderr).not.toContain(secret);

    // A second instance on the same data directory is refused with a reason, not a corrupted database.
    const second = serve(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.output().stderr).toMatch(/already in use/);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'teacher-ai.lock'))).toBe(false);
  });

  it('refuses a bad port with a usage message', async () => {
    const running = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/web/cli.ts', '--port', 'eighty'], { cwd: ROOT });
    children.push(running);
    let stderr = '';
    running.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => running.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a whole number');
  });
});
