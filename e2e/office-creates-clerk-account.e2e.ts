import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession, pickOption } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('jinchang-office adds a handling unit and an account for its clerk', () => {
  test('the unit is added; the clerk must change the office-chosen password before working', async () => {
    // Unique per run, so the spec can run again against the same server.
    const unit = `金昌市低空经济发展服务中心${String(Date.now() % 1000).padStart(3, '0')}`;
    const office = await openSession(browser);
    await logIn(office.page, 'jinchang-office');
    const { page } = office;

    await page.getByTestId('main-menu').getByTestId('nav-units').click();
    await page.getByRole('button', { name: '新增承办单位' }).click();
    const unitDialog = page.getByRole('dialog');
    await unitDialog.getByLabel('单位名称').fill(unit);
    await unitDialog.getByLabel('职责').fill('负责全市数据资源整合共享和开发利用，推进数字政府建设');
    await unitDialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => unitDialog.isVisible()).toBe(false);
    await page.getByPlaceholder('按名称或职责搜索').fill('低空经济');
    await page.getByPlaceholder('按名称或职责搜索').press('Enter');
    await expect.poll(() => page.getByTestId('unit-table').locator('tbody').textContent()).toContain(unit);

    await page.getByTestId('main-menu').getByTestId('nav-users').click();
    await page.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog');
    const username = `jc-data-${Date.now() % 100000}`;
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('马晓燕');
    await dialog.getByLabel('初始密码').fill('first-pass-2026');
    // The first role row starts as 政协委员; make it a unit clerk of the new unit.
    await dialog.getByTestId('grant-role').click();
    await pickOption(page, '承办单位工作人员', { exact: true });
    await dialog.getByTestId('grant-unit').click();
    await page.keyboard.type('低空经济');
    await pickOption(page, unit, { exact: true });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('user-table').locator('tbody').textContent()).toContain(username);
    expect(office.pageErrors).toEqual([]);
    await office.context.close();

    const clerk = await openSession(browser);
    await clerk.page.goto('/login');
    await clerk.page.getByTestId('login-username').fill(username);
    await clerk.page.getByTestId('login-password').fill('first-pass-2026');
    await clerk.page.getByTestId('login-submit').click();
    await expect.poll(() => new URL(clerk.page.url()).pathname).toBe('/account');
    // Sent to the account page, with the reason, whatever page was asked for.
    await clerk.page.goto('/proposals');
    await expect.poll(() => new URL(clerk.page.url()).pathname).toBe('/account');
    await expect.poll(() => clerk.page.getByRole('alert').first().textContent()).toContain('请先修改初始密码');
    await clerk.page.getByLabel('当前密码').fill('first-pass-2026');
    await clerk.page.getByLabel('新密码', { exact: true }).fill('my-own-pass-2026');
    await clerk.page.getByLabel('确认新密码').fill('my-own-pass-2026');
    await clerk.page.getByRole('button', { name: '修改密码' }).click();
    await clerk.page.goto('/proposals');
    await expect.poll(() => new URL(clerk.page.url()).pathname).toBe('/proposals');
    expect(clerk.pageErrors).toEqual([]);
    await clerk.context.close();
  });
});
