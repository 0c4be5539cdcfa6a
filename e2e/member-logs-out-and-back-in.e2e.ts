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

describe('dingxi-member logs out, and a bookmarked page asks for login first', () => {
  test('logout leads to the login page; a deep link returns to itself after login', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    await logIn(page, 'dingxi-member');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);

    await page.goto('/members?q=zs');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/members?q=zs');
    await page.getByTestId('login-username').fill('dingxi-member');
    await page.getByTestId('login-password').fill('demo-password');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/members' && url.searchParams.get('q') === 'zs');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();

    // A session that ends while the page is open (here: its cookie is gone) sends the next call to login.
    await context.clearCookies();
    await page.getByPlaceholder('姓名或拼音首字母').fill('l');
    await page.getByPlaceholder('姓名或拼音首字母').press('Enter');
    await page.waitForURL(/\/login\?next=/);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
