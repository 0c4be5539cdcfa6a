import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession, type Session } from './support/browser.js';

let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await connectBrowser();
  session = await openSession(browser);
  await logIn(session.page, 'dingxi-office');
});
afterAll(async () => {
  await browser?.close();
});

describe('dingxi-office reviews the session\'s merge clusters (并案聚类)', () => {
  test('sees clusters of the demo\'s overlapping proposals and merges one into its master, which takes it out of the cluster', async () => {
    const { page } = session;
    await page.getByTestId('main-menu').getByTestId('nav-proposal-clusters').click();
    await page.waitForURL(/\/proposals\/clusters/);
    // The demo plenary session (the current one) is chosen by default.
    await expect.poll(() => page.getByTestId('clusters-session').textContent()).toMatch(/会议/);
    await page.getByTestId('clusters-summary').waitFor();
    const clusters = page.getByTestId('cluster');
    await clusters.first().waitFor();
    expect(await clusters.count()).toBeGreaterThan(0);

    // A cluster with a filed master offers 并案 for its open proposals.
    const row = page.locator('[data-testid="cluster"] tr[data-row-key]:has([data-testid="cluster-merge"]:not([disabled]))').first();
    await row.waitFor();
    const button = row.getByTestId('cluster-merge');
    const id = await row.getAttribute('data-row-key');
    expect(id).toBeTruthy();
    const cluster = page.locator('[data-testid="cluster"]', { has: page.locator(`tr[data-row-key="${id}"]`) });
    const masterId = await cluster.getAttribute('data-master-id');
    await button.click();
    await page.getByText(/已并案，编号 第\d+并\d+号/).waitFor();
    // It leaves every cluster; the master stays listed (with its other members, if any remain).
    await expect.poll(() => page.locator(`tr[data-row-key="${id}"]`).count()).toBe(0);

    await page.goto(`/proposals/${id}`);
    await expect.poll(() => page.getByTestId('proposal-state').first().getAttribute('data-state')).toBe('merged');
    expect(masterId).toBeTruthy();
    expect(session.pageErrors).toEqual([]);
  });
});
