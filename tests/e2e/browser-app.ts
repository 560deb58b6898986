import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../src/web/start-browser-mode';
import { ROOT } from '../support/test-databases';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS = path.join(ROOT, 'test-results', 'e2e');

/** Debian's Chromium, headless, with nothing that reaches for the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface RunningApp {
  app: BrowserMode;
  page: Page;
  dataDir: string;
  /** Console errors and page errors seen so far: a clean screen has none. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Browser mode on a fresh data directory, and a new page opened at its tokenised address. */
export async function openApp(browser: Browser): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-e2e-'));
  const app = await startBrowserMode({ dataDir, port: 0, appVersion: '0.0.0-e2e' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await page.goto(app.url);
  return {
    app,
    page,
    dataDir,
    problems,
    screenshot: async (name) => {
      fs.mkdirSync(ARTEFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await context.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
