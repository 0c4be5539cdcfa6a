import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession, type Session } from './support/browser.js';

let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await connectBrowser();
  session = await openSession(browser);
  await logIn(session.page, 'dingxi-member');
});
afterAll(async () => {
  await browser?.close();
});

describe('dingxi-member (a member) cannot edit members', () => {
  let memberId = '';

  test('the member directory opens, without phone numbers and without an edit button', async () => {
    const { page } = session;
    await page.getByTestId('main-menu').getByTestId('nav-members').click();
    const firstLink = page.getByTestId('member-table').locator('tbody tr.ant-table-row a').first();
    await firstLink.waitFor();
    expect(await page.getByTestId('member-table').locator('thead').textContent()).not.toContain('手机号');
    expect(await page.getByTestId('member-create').count()).toBe(0);
    await firstLink.click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    memberId = page.url().split('/').pop()!;
    await page.getByTestId('member-name').waitFor();
    await expect.poll(() => page.getByTestId('member-name').textContent()).not.toBe('委员信息');
    expect(await page.getByTestId('member-edit').count()).toBe(0);
  });

  test('opening the edit address directly shows the no-permission page', async () => {
    const { page } = session;
    await page.goto(`/members/${memberId}/edit`);
    const forbidden = page.getByTestId('forbidden');
    await forbidden.waitFor();
    expect(await forbidden.textContent()).toContain('您没有权限编辑委员信息');
    expect(await page.getByTestId('member-save').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  test('the server agrees: a PATCH from this session is refused', async () => {
    const { page } = session;
    const status = await page.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(`/api/members/${id}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ title: 'x' }),
      });
      return res.status;
    }, memberId);
    expect(status).toBe(403);
  });
});
