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

describe('a visitor switches between Chinese and English', () => {
  test('the page and the server messages follow the language toggle', async () => {
    const { page, context } = await openSession(browser);
    await page.goto('/login');
    expect(await page.locator('h2').textContent()).toBe('登录协商平台');

    const tryWrongPassword = async () => {
      await page.getByTestId('login-username').fill('nobody-here');
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      return alert.textContent();
    };
    expect(await tryWrongPassword()).toContain('用户名或密码错误');

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h2').textContent()).toBe('Log in to Xieshang');
    await expect.poll(() => tryWrongPassword()).toContain('Wrong username or password');

    // The choice survives a reload and carries into the app after login.
    await page.reload();
    await logIn(page, 'dingxi-leader');
    expect(await page.getByTestId('main-menu').getByTestId('nav-members').textContent()).toBe('Members');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByTestId('main-menu').getByTestId('nav-members').textContent()).toBe('委员名录');
    await context.close();
  });
});
