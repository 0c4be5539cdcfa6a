import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'demo-password';
export const SCREENSHOT_DIR = '/tmp/xieshang-e2e';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A connection to the run's one browser (shared-browser.ts); `close()` disconnects and drops this spec's contexts. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/**
 * A finished download as a local file. Over a connection to the shared browser Download.path()
 * is refused ("not available when connecting remotely"); saveAs copies the file here.
 */
export async function downloadedFile(d: Download): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, 'downloads', `${crypto.randomUUID()}-${d.suggestedFilename()}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await d.saveAs(file);
  return file;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a spec ends by expecting none. */
  pageErrors: string[];
}

/** A fresh context (own cookies) in Chinese at the given size. */
export async function openSession(browser: Browser, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, locale: 'zh-CN', acceptDownloads: true });
  // React's production errors are codes ("Minified React error #520"); the cause says what broke.
  await context.addInitScript(() =>
    window.addEventListener('error', (e) => {
      const cause = (e.error as { cause?: { message?: string } } | undefined)?.cause?.message;
      if (cause) console.error(`[cause] ${location.pathname}: ${cause}`);
    }));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.text().startsWith('[cause]')) pageErrors.push(m.text());
  });
  return { context, page, pageErrors };
}

/** Logs in through the login page and waits for the home page greeting. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('greeting').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** How far the page is wider than the viewport (0 = no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/**
 * Picks an option in the open antd select dropdown once its slide-in (and any dialog's zoom) has
 * ended: a click during the animation can be lost, and the option stays unchosen. `option` is
 * the option's text (substring), or null for the first option; returns the chosen option's text.
 */
export async function pickOption(page: Page, option: string | null, opts: { exact?: boolean } = {}): Promise<string> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const target = option === null ? options.first()
    : opts.exact ? options.filter({ has: page.getByText(option, { exact: true }) }).first() : options.filter({ hasText: option }).first();
  await target.waitFor(); // the dropdown is rendered (its animation class is set with it) …
  await page.waitForFunction(() => !document.querySelector('.ant-slide-up-enter, .ant-slide-up-appear, .ant-zoom-enter, .ant-zoom-appear')); // … and has settled
  const text = (await target.textContent()) ?? '';
  await target.click();
  return text;
}
