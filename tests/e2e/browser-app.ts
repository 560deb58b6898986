import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src/web/start-browser-mode';
import { NO_SCHOOL_CONFIG, type LoadedSchoolConfig } from '../../src/core/school/load-school-config';
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

export interface OpenAppOptions {
  /** The computer's school-wide configuration (default: none, whatever this machine has). */
  school?: LoadedSchoolConfig;
  /** The core's clock (default: the system's): a test moves it to see tomorrow's review queue. */
  now?: () => Date;
}

/**
 * Browser mode on a fresh data directory, and a new page opened at its launch address (`app.url`: a
 * one-time code the page exchanges for its API token; reading `app.url` again gives the next address).
 */
export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teacher-ai-e2e-'));
  const app = await startBrowserMode({ dataDir, port: 0, appVersion: '0.0.0-e2e', school: options.school ?? NO_SCHOOL_CONFIG, ...(options.now ? { now: options.now } : {}) });
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

export interface BrowserApps {
  /** Opens the app on a fresh data directory; it is closed after the test. */
  open(options?: OpenAppOptions): Promise<RunningApp>;
  /** Opens the app and registers a student (not the computer's admin), who is then signed in. */
  openAsStudent(student: Omit<NewAccount, 'becomeAdmin'>): Promise<RunningApp>;
}

/**
 * For an e2e file, called at its top: one headless Chromium for all its tests (launched before them,
 * closed after them), and every app a test opens closed after that test.
 */
export function setUpBrowserApps(): BrowserApps {
  let browser: Browser | undefined;
  const opened: RunningApp[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const running of opened.splice(0)) await running.close();
  });

  const open = async (options?: OpenAppOptions): Promise<RunningApp> => {
    if (!browser) throw new Error('Chromium is not running: call setUpBrowserApps() at the top of the test file');
    const running = await openApp(browser, options);
    opened.push(running);
    return running;
  };
  return {
    open,
    openAsStudent: async (student) => {
      const running = await open();
      await registerAccount(running.page, { ...student, becomeAdmin: false });
      return running;
    },
  };
}

export interface NewAccount {
  fullName: string;
  username: string;
  /** `<username>@example.com` when not given. */
  email?: string;
  password: string;
  /** Only the first account of a computer may choose; left as the form has it when not given. */
  becomeAdmin?: boolean;
}

/** Registers from the sign-in screen (the first-account screen, or «Создать учётную запись») and waits until signed in. */
export async function registerAccount(page: Page, account: NewAccount): Promise<void> {
  await page.locator('[data-testid="register-fullname"], [data-testid="show-register"]').first().waitFor();
  if (await page.getByTestId('show-register').isVisible()) await page.getByTestId('show-register').click();
  await page.getByTestId('register-fullname').fill(account.fullName);
  await page.getByTestId('register-username').fill(account.username);
  await page.getByTestId('register-email').fill(account.email ?? `${account.username}@example.com`);
  await page.getByTestId('register-password').fill(account.password);
  if (account.becomeAdmin !== undefined) {
    const box = page.getByTestId('register-become-admin');
    if ((await box.count()) > 0) await box.setChecked(account.becomeAdmin);
    else if (account.becomeAdmin) throw new Error('Only the first account of a computer can make itself its admin');
  }
  await page.getByTestId('register-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** «Выйти» from the header's user menu; waits for the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('signout-button').click();
  await page.getByTestId('signin-screen').waitFor();
}

/** Picks the account's tile on the sign-in screen and enters the password; waits until signed in. */
export async function signInFromList(page: Page, username: string, password: string): Promise<void> {
  await page.locator(`[data-testid="account-tile"][data-username="${username}"]`).click();
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Resolves once the core has answered the next call of `method` (so the screen is about to show its result). */
export function answerOf(page: Page, method: string) {
  return page.waitForResponse(
    (response) => response.url().endsWith('/api/invoke') && (response.request().postData() ?? '').includes(`"method":"${method}"`),
  );
}
