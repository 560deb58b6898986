/**
 * Time from launch to an interactive sign-in screen, in browser mode and Chromium: the core opens its
 * data directory (first start: from the template; warm start: an existing one), the page loads its
 * first chunk, asks the core who may sign in, and the first field accepts typing.
 * `npx tsx bench/sign-in-screen.ts` prints a table; results in bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { NO_SCHOOL_CONFIG } from '../src/core/school/load-school-config';
import { startBrowserMode } from '../src/web/start-browser-mode';
import { projectPaths } from '../src/web/project-paths';
import { launchChromium } from '../tests/e2e/browser-app';
import { ms, summarise, type Timing } from './stats';

const RUNS = Number(process.env.SIGN_IN_RUNS ?? 7);

/** Launch (the core opens) → page loaded → the first-account form's name field is enabled and focused-able. */
async function launchToInteractive(browser: Browser, dataDir: string): Promise<{ total: number; core: number }> {
  const started = performance.now();
  const app = await startBrowserMode({ dataDir, port: 0, appVersion: 'bench', school: NO_SCHOOL_CONFIG });
  const core = performance.now() - started;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.locator('[data-testid="register-fullname"], [data-testid="account-tile"], [data-testid="signin-login"]').first().waitFor({ state: 'visible' });
  const total = performance.now() - started;
  await context.close();
  await app.close();
  return { total, core };
}

export async function measureSignInScreen(): Promise<{ first: Timing; warm: Timing; firstCore: Timing; warmCore: Timing; firstChunkKb: number }> {
  const browser = await launchChromium();
  const dirs: string[] = [];
  const first: number[] = [];
  const firstCore: number[] = [];
  const warm: number[] = [];
  const warmCore: number[] = [];
  try {
    // One untimed run warms the OS file cache and Chromium, as a second launch of the day would.
    const warmup = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signin-'));
    dirs.push(warmup);
    await launchToInteractive(browser, warmup);
    for (let i = 0; i < RUNS; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signin-'));
      dirs.push(dir);
      const fresh = await launchToInteractive(browser, dir);
      first.push(fresh.total);
      firstCore.push(fresh.core);
      const again = await launchToInteractive(browser, dir);
      warm.push(again.total);
      warmCore.push(again.core);
    }
  } finally {
    await browser.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  const assets = path.join(projectPaths.rendererDir, 'assets');
  const entry = fs.readdirSync(assets).find((name) => /^index-.*\.js$/.test(name));
  const firstChunkKb = entry ? Math.round(fs.statSync(path.join(assets, entry)).size / 1024) : NaN;
  return { first: summarise(first), warm: summarise(warm), firstCore: summarise(firstCore), warmCore: summarise(warmCore), firstChunkKb };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureSignInScreen();
  const row = (name: string, t: Timing, core: Timing) => `| ${name} | ${ms(t.p50)} / ${ms(t.p95)} (n=${t.n}) | ${ms(core.p50)} / ${ms(core.p95)} |`;
  console.log(`| launch → interactive sign-in screen | p50 / p95 (ms) | of which the core opening p50 / p95 (ms) |`);
  console.log(`|---|---|---|`);
  console.log(row('first start (new data directory)', r.first, r.firstCore));
  console.log(row('warm start (existing data directory)', r.warm, r.warmCore));
  console.log(`\nfirst renderer chunk: ${r.firstChunkKb} KiB`);
}
