import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, horizontalOverflow, connectBrowser, logIn, openSession, screenshot } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('dingxi-office uses the member list on a phone and on a desktop', () => {
  test('at 390×844 the login page and the member list fit the screen; the menu is a drawer', async () => {
    const { page, context, pageErrors } = await openSession(browser, PHONE);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'login-phone');

    await logIn(page, 'dingxi-office');
    await page.goto('/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // No sider on a phone: the menu opens from the header button.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await screenshot(page, 'members-phone');

    await page.getByTestId('menu-toggle').click();
    const drawerMenu = page.locator('.ant-drawer').getByTestId('main-menu');
    // A trial click waits until the sliding drawer stands still.
    await drawerMenu.getByTestId('nav-units').click({ trial: true });
    await screenshot(page, 'menu-phone');
    await drawerMenu.getByTestId('nav-units').click();
    await page.waitForURL(/\/units$/);
    await page.getByTestId('unit-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('at desktop width the list shows the detail columns and a sider menu', async () => {
    const { page, context } = await openSession(browser, DESKTOP);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    await screenshot(page, 'login-desktop');
    await logIn(page, 'dingxi-office');
    await page.goto('/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
    const headers = await page.getByTestId('member-table').locator('thead').textContent();
    for (const h of ['姓名', '性别', '出生日期', '界别', '专委会', '职务', '手机号', '状态']) expect(headers).toContain(h);
    expect(await page.locator('.ant-layout-sider').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'members-desktop');
    await context.close();
  });
});
