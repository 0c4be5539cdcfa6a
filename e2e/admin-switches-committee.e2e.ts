import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the platform admin switches between committees', () => {
  test('searches the committee tree, picks 金昌市政协 and then works on its members', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    await logIn(page, 'admin');
    expect(await page.getByTestId('current-committee').textContent()).toContain('甘肃省');

    await page.getByTestId('committee-switcher').click();
    await page.keyboard.type('金昌市');
    // The switcher is a tree select (its nodes are not select options): wait for the node, let the dropdown settle, click.
    const node = page.locator('.ant-select-dropdown:visible').getByTitle('中国人民政治协商会议金昌市委员会');
    await node.waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-slide-up-enter, .ant-slide-up-appear'));
    await node.click();
    await expect.poll(() => page.getByTestId('current-committee').textContent()).toContain('金昌市委员会');

    await page.getByTestId('main-menu').getByTestId('nav-members').click();
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
    const res = await page.request.get('/api/org/structure');
    expect(((await res.json()) as { committee: { code: string } }).committee.code).toBe('jinchang');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
