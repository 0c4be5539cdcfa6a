import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, connectBrowser, logIn, openSession } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('jinchang-office manages personal API tokens on the account page', () => {
  test('creates a token that works, sees it listed, and revokes it', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    await logIn(page, 'jinchang-office');
    await page.getByTestId('main-menu').getByTestId('nav-account').click();
    await page.getByTestId('token-name').fill('统计脚本');
    await page.getByTestId('token-create').click();
    const secret = (await page.getByTestId('token-secret').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    const table = page.getByTestId('token-table');
    await expect.poll(() => table.locator('tbody').textContent()).toContain('统计脚本');

    // The shown secret is a working bearer token (no browser cookies involved).
    const me = await fetch(`${baseUrl()}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);

    await table.getByRole('button', { name: /吊\s*销/ }).first().click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => table.locator('tbody').textContent()).not.toContain('统计脚本');
    await expect.poll(async () => (await fetch(`${baseUrl()}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a wrong current password is refused with the server message', async () => {
    const { page, context } = await openSession(browser);
    await logIn(page, 'jinchang-office');
    await page.goto('/account');
    await page.getByLabel('当前密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill('a-new-password-1');
    await page.getByLabel('确认新密码').fill('a-new-password-1');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('当前密码不正确');
    await context.close();
  });
});
