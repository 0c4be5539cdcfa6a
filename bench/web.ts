import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { startTestServer, type TestServer } from '../e2e/support/server.js';
import type { Figure } from './figure.js';
import { log, summarize, type Summary } from './stats.js';

/**
 * First-load speed of the web app in Chromium (Debian chromium through playwright-core, as the
 * browser specs), against the built app (dist/web) on a fresh demo database. Each run opens a new
 * browser context, so its HTTP cache is empty: what a first visit costs.
 *
 *   login    cold /login until the login button is visible
 *   home     a click on 登录 until the home greeting is visible (the shell's and home's chunks)
 *   proposals  a cold load of /proposals (logged in, empty cache) until the table shows rows and
 *              the first row's link can be clicked
 *
 * Bytes are the encoded (over the wire) response bodies Chromium reports, split into JavaScript
 * and everything; requests count every response. BENCH_WEB_URL points it at a running server
 * (with the demo data) instead of starting one.
 */

export interface WebLoad {
  /** Milliseconds until the page is usable, per run. */
  ms: Summary;
  requests: number;
  bytes: number;
  jsBytes: number;
  /** Responses with Content-Encoding br / gzip, of the JS and CSS ones. */
  compressedShare: number;
}

export interface WebBenchResult {
  runs: number;
  baseUrl: string;
  login: WebLoad;
  home: WebLoad;
  proposals: WebLoad;
  /** Cache-Control of a hashed asset and of index.html, as served. */
  cacheControl: { asset: string; index: string };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'demo-password';
const USER = 'dingxi-office';

interface Traffic {
  requests: number;
  bytes: number;
  jsBytes: number;
  assets: number;
  compressed: number;
}

/** Counts every response of the page from now on; `take()` returns the totals so far and starts again. */
function meter(page: Page) {
  let t: Traffic = { requests: 0, bytes: 0, jsBytes: 0, assets: 0, compressed: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (r: Response) => {
    pending.push((async () => {
      // Waits for the body, so sizes() counts all of it; an aborted response counts what came.
      await r.finished().catch(() => {});
      const sizes = await r.request().sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      const url = new URL(r.url());
      t.requests++;
      t.bytes += bytes;
      const isJs = url.pathname.endsWith('.js');
      if (isJs) t.jsBytes += bytes;
      if (isJs || url.pathname.endsWith('.css')) {
        t.assets++;
        const enc = (await r.allHeaders().catch(() => ({} as Record<string, string>)))['content-encoding'];
        if (enc === 'br' || enc === 'gzip') t.compressed++;
      }
    })());
  });
  return {
    async take(): Promise<Traffic> {
      await Promise.all(pending.splice(0));
      const out = t;
      t = { requests: 0, bytes: 0, jsBytes: 0, assets: 0, compressed: 0 };
      return out;
    },
  };
}

async function runOnce(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const m = meter(page);
  let t = performance.now();
  await page.goto('/login');
  await page.getByTestId('login-submit').waitFor();
  const loginMs = performance.now() - t;
  // Wait for the network to settle so late chunks count toward the login page, not the home.
  await page.waitForLoadState('networkidle');
  const login = await m.take();

  await page.getByTestId('login-username').fill(USER);
  await page.getByTestId('login-password').fill(PASSWORD);
  t = performance.now();
  await page.getByTestId('login-submit').click();
  await page.getByTestId('greeting').waitFor();
  const homeMs = performance.now() - t;
  await page.waitForLoadState('networkidle');
  const home = await m.take();

  // A cold list: the same session in a new context, so nothing is cached.
  const cold = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', storageState: await context.storageState() });
  await context.close();
  const listPage = await cold.newPage();
  const lm = meter(listPage);
  t = performance.now();
  await listPage.goto('/proposals');
  const firstRow = listPage.getByTestId('proposal-link').first();
  await firstRow.waitFor();
  // "Usable": the row's link takes a click (trial: checks it is visible, stable and receives events).
  await firstRow.click({ trial: true });
  const proposalsMs = performance.now() - t;
  await listPage.waitForLoadState('networkidle');
  const proposals = await lm.take();
  await cold.close();
  return { loginMs, homeMs, proposalsMs, login, home, proposals };
}

function load(ms: number[], traffic: Traffic[]): WebLoad {
  const last = traffic[traffic.length - 1];
  return {
    ms: summarize(ms),
    requests: last.requests,
    bytes: last.bytes,
    jsBytes: last.jsBytes,
    compressedShare: last.assets ? last.compressed / last.assets : 0,
  };
}

async function headerOf(url: string, name: string): Promise<string> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  await res.arrayBuffer();
  return res.headers.get(name) ?? '(none)';
}

export async function webBench(runs = 5): Promise<WebBenchResult> {
  let server: TestServer | undefined;
  let baseUrl = process.env.BENCH_WEB_URL?.replace(/\/$/, '');
  if (!baseUrl) {
    if (!fs.existsSync('dist/web/index.html')) throw new Error('bench web: dist/web is missing; run `npm run build:web` first');
    log('web: starting the server on fresh demo data (about a minute) …');
    server = await startTestServer((msg) => log(`web: ${msg}`));
    baseUrl = server.baseUrl;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // One warm-up run: the server's first requests (its own caches, the database's pages) are not the browser's cost.
    await runOnce(browser, baseUrl);
    const all: Awaited<ReturnType<typeof runOnce>>[] = [];
    for (let i = 0; i < runs; i++) {
      log(`web: run ${i + 1} of ${runs} …`);
      all.push(await runOnce(browser, baseUrl));
    }
    const html = await (await fetch(`${baseUrl}/login`)).text();
    const asset = /\/assets\/[^"']+\.js/.exec(html)?.[0];
    return {
      runs,
      baseUrl,
      login: load(all.map((r) => r.loginMs), all.map((r) => r.login)),
      home: load(all.map((r) => r.homeMs), all.map((r) => r.home)),
      proposals: load(all.map((r) => r.proposalsMs), all.map((r) => r.proposals)),
      cacheControl: {
        asset: asset ? await headerOf(`${baseUrl}${asset}`, 'cache-control') : '(no asset in index.html)',
        index: await headerOf(`${baseUrl}/login`, 'cache-control'),
      },
    };
  } finally {
    await browser.close();
    await server?.stop();
  }
}

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

export function webNotes(r: WebBenchResult): string[] {
  const row = (name: string, l: WebLoad) =>
    `  ${name.padEnd(30)} p50 ${l.ms.p50.toFixed(0).padStart(5)} ms  max ${l.ms.max.toFixed(0).padStart(5)} ms  ` +
    `${String(l.requests).padStart(3)} requests  ${kb(l.bytes).padStart(7)} (JS ${kb(l.jsBytes)})  compressed JS/CSS ${(l.compressedShare * 100).toFixed(0)} %`;
  return [
    '',
    `Web first load (Chromium, empty cache per run, ${r.runs} runs after a warm-up, ${r.baseUrl}; bytes over the wire):`,
    row('cold /login → form', r.login),
    row('login click → home greeting', r.home),
    row('cold /proposals → rows usable', r.proposals),
    `  Cache-Control: hashed asset "${r.cacheControl.asset}", index.html "${r.cacheControl.index}"`,
    `  goals: each < 1000 ms on localhost; login + home JavaScript < 400 KB: ${kb(r.login.jsBytes + r.home.jsBytes)}`,
  ];
}

/** The figures table's lines: time to usable (p50 of the runs) against 1 s, login + home JavaScript against 400 KB. */
export function webFigures(r: WebBenchResult): Figure[] {
  const time = (name: string, l: WebLoad): Figure => ({
    figure: `web: ${name} (Chromium, cold, p50 of ${r.runs})`, value: `${l.ms.p50.toFixed(0)} ms, ${l.requests} requests, ${kb(l.bytes)}`, goal: '< 1000 ms',
    status: l.ms.p50 < 1000 ? 'PASS' : 'MISS',
  });
  const js = r.login.jsBytes + r.home.jsBytes;
  return [
    time('/login', r.login),
    time('login → home', r.home),
    time('/proposals usable', r.proposals),
    { figure: 'web: JavaScript for login + home (over the wire)', value: kb(js), goal: '< 400 KB', status: js < 400 * 1024 ? 'PASS' : 'MISS' },
  ];
}

/** `node --import tsx bench/web.ts`: the web part alone, without the bench's data set. */
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const r = await webBench(Number(process.env.BENCH_WEB_RUNS ?? 5));
  process.stdout.write(webNotes(r).join('\n') + '\n');
}
