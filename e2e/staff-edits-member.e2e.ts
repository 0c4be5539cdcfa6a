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

describe('dingxi-office (member affairs) edits and adds members', () => {
  test('opens a member, edits the job title, and sees it saved', async () => {
    const { page } = session;
    await page.goto('/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row a').first().click();
    await page.getByTestId('member-edit').click();
    await page.waitForURL(/\/edit$/);
    const title = page.getByLabel('职务职称');
    await title.fill('浏览器测试职称');
    await page.getByTestId('member-save').click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain('浏览器测试职称');
  });

  test('a wrong mobile number is caught on the form; a valid new member is created', async () => {
    const { page } = session;
    await page.goto('/members/new');
    await page.getByTestId('field-name').fill('皇甫知远');
    await page.getByTestId('field-phone').fill('12345');
    await page.getByTestId('member-save').click();
    await page.getByText('手机号应为 11 位数字').waitFor();
    await page.getByTestId('field-phone').fill('19900002002');
    await page.getByTestId('member-save').click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('皇甫知远');
    expect(session.pageErrors).toEqual([]);
  });
});
