import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, logIn, openSession, screenshot } from './support/browser.js';
import type { WorkbenchView } from '../src/modules/workbench/contracts.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The web has no consultation pages yet: its items are listed but cannot be opened here.
const OPENABLE = (kind: string) => !kind.startsWith('consultation.');

const workbench = (page: Page) => page.evaluate(async () => (await fetch('/api/workbench')).json()) as Promise<WorkbenchView>;

/** The home lists exactly what the server says waits, and the first item of every group opens its record. */
async function homeListsAndOpens(username: string, expectKinds: string[]) {
  const { page, pageErrors } = await openSession(browser);
  await logIn(page, username);
  await page.getByTestId('workbench-pending').waitFor();
  const view = await workbench(page);
  for (const k of expectKinds) expect(view.pending.map((g) => g.kind), `${username} should have ${k} waiting`).toContain(k);
  for (const g of view.pending) {
    const card = page.getByTestId(`workbench-group-${g.kind}`);
    await card.waitFor();
    expect(await card.getByTestId('workbench-count').textContent()).toContain(String(Math.min(g.count, 999)));
    const titles = await card.getByTestId('workbench-item').allTextContents();
    expect(titles).toEqual(g.items.map((i) => i.title));
  }
  await screenshot(page, `home-${username}`);
  for (const g of view.pending.filter((x) => OPENABLE(x.kind))) {
    const first = g.items[0];
    await page.goto('/');
    await page.getByTestId(`workbench-group-${g.kind}`).getByTestId('workbench-item').first().click();
    await page.waitForURL((u) => u.pathname + u.search === first.link);
    // The record's page, not the not-found page.
    await page.getByTestId('greeting').waitFor({ state: 'detached' });
    expect(await page.getByText('页面不存在').count()).toBe(0);
    await expect.poll(() => page.locator('body').textContent()).toContain(first.title.slice(0, 12));
  }
  expect(pageErrors).toEqual([]);
  await page.context().close();
  return view;
}

describe('each role\'s home (工作台) lists its real pending items, and one click opens each', () => {
  test('the office (all offices): proposals to review and assign, 社情民意 to screen, records to verify', async () => {
    await homeListsAndOpens('dingxi-office', ['proposals.to_review', 'social_info.to_screen', 'performance.to_verify']);
  });

  test('the unit clerk: proposals to sign for or to answer, with deadlines', async () => {
    const view = await homeListsAndOpens('dingxi-unit', []);
    const unit = view.pending.filter((g) => g.kind.startsWith('proposals.to_'));
    expect(unit.length).toBeGreaterThan(0);
    expect(unit.every((g) => g.items.every((i) => /^\d{4}-\d{2}-\d{2}$/.test(i.deadline ?? '')))).toBe(true);
  });

  test('the member: replies to rate or own items, and the standing against the quotas', async () => {
    const { page } = await openSession(browser);
    await logIn(page, 'dingxi-member');
    await page.getByTestId('workbench-quotas').waitFor();
    await page.context().close();
    await homeListsAndOpens('dingxi-member', []);
  });

  test('the leader: the committee\'s figures', async () => {
    const { page } = await openSession(browser);
    await logIn(page, 'dingxi-leader');
    await page.getByTestId('workbench-figures').waitFor();
    expect(await page.getByTestId('workbench-figures').textContent()).toContain('收到提案');
    await screenshot(page, 'home-dingxi-leader');
    await page.context().close();
  });
});
