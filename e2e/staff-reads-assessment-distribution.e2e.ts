import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession, screenshot } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the demo assessment separates people', () => {
  test('dingxi-office reads the standings: not more than half 优秀, most 良好/合格, a few 不合格, scored by 定西\'s own scheme', async () => {
    const { page, pageErrors, context } = await openSession(browser);
    await logIn(page, 'dingxi-office');
    await page.getByTestId('nav-perf-standings').click();
    const total = page.getByTestId('standings-total');
    await total.waitFor({ state: 'attached' });
    const n = Number(await total.getAttribute('data-count'));
    expect(n).toBeGreaterThan(300);
    const grades = page.getByTestId('standings-grade');
    await expect.poll(() => grades.count()).toBe(4);
    const count = async (key: string) => Number(await page.locator(`[data-testid="standings-grade"][data-grade="${key}"]`).getAttribute('data-count'));
    const [excellent, good, pass, fail] = [await count('excellent'), await count('good'), await count('pass'), await count('fail')];
    expect(excellent + good + pass + fail).toBe(n);
    expect(excellent).toBeGreaterThan(0);
    expect(excellent).toBeLessThanOrEqual(n / 2);
    expect(good + pass).toBeGreaterThan(n / 2);
    expect(fail).toBeGreaterThan(0);
    expect(fail).toBeLessThan(n / 10);
    // The first place is not a crowd: the tie-break of the rules separates equal totals.
    const ranks = await page.getByTestId('standings-table').locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(ranks.filter((r) => r.trim() === '1').length).toBeLessThanOrEqual(3);
    // The scheme shown to 定西 is 定西's.
    const rules = await (await page.request.get('/api/performance/rules')).json();
    expect(JSON.stringify(rules)).toContain('定西');
    expect(JSON.stringify(rules)).not.toContain('济南');
    await screenshot(page, 'assessment-distribution');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
