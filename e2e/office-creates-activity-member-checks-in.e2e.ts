import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, connectBrowser, logIn, openSession, screenshot } from './support/browser.js';
import { chinaDateTime } from '../src/platform/time.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the office creates an activity in the web app and a member checks in', () => {
  test('dingxi-office creates a meeting for the standing committee; its Beijing time reads the same on every page; dingxi-member checks in on a phone', async () => {
    const TITLE = `委员座谈会（浏览器测试 ${Date.now() % 100000}）`;
    // An hour from now, in Beijing time (the browser itself runs in the machine's zone).
    const starts = chinaDateTime(Date.now() + 3600_000);
    const ends = chinaDateTime(Date.now() + 3 * 3600_000);

    const staff = await openSession(browser);
    await logIn(staff.page, 'dingxi-office');
    await staff.page.getByTestId('nav-perf-activities').click();
    await staff.page.getByTestId('activity-new').click();
    const titleInput = staff.page.getByRole('dialog').getByTestId('activity-title-input');
    await titleInput.waitFor();
    await titleInput.fill(TITLE);
    await staff.page.getByTestId('activity-starts').fill(starts.replace(' ', 'T'));
    await staff.page.getByTestId('activity-ends').fill(ends.replace(' ', 'T'));
    await staff.page.getByTestId('activity-place').fill('政协机关三楼会议室');
    await staff.page.getByTestId('activity-invite').getByText('常委及以上').click();
    await screenshot(staff.page, 'office-creates-activity');
    await staff.page.getByTestId('activity-save').click();
    await staff.page.waitForURL(/\/performance\/activities\/[0-9a-f-]{36}$/);
    const activityUrl = staff.page.url();
    await expect.poll(async () => (await staff.page.getByTestId('activity-title').textContent()) ?? '').toBe(TITLE);
    const codeEl = staff.page.getByTestId('activity-code');
    await expect.poll(async () => (await codeEl.textContent()) ?? '').toMatch(/^\d{6}$/);
    const code = (await codeEl.textContent())!;
    // The same instant, in Beijing time, on the detail page and in the list.
    expect(await staff.page.locator('.ant-descriptions').textContent()).toContain(starts);
    await staff.page.getByTestId('nav-perf-activities').click();
    const row = staff.page.getByTestId('activity-table').locator('tr', { hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain(starts);
    // The invited list: the standing committee, nobody checked in yet.
    await staff.page.goto(activityUrl);
    const attendance = staff.page.getByTestId('attendance-table');
    await attendance.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await attendance.textContent()).not.toContain('出席');

    // The member, on a phone: chooses this activity and types the code.
    const member = await openSession(browser, PHONE);
    const { page } = member;
    await logIn(page, 'dingxi-member');
    await page.goto('/performance');
    const select = page.getByTestId('check-in-activity');
    await select.waitFor();
    await select.click();
    await page.locator('.ant-select-item-option', { hasText: TITLE }).click();
    await expect.poll(async () => (await select.textContent()) ?? '').toContain(TITLE);
    await page.getByTestId('check-in-code').fill(code);
    await page.getByTestId('check-in-submit').click();
    await expect.poll(async () => (await page.getByTestId('check-in-done').count()) > 0 ? 'done' : (await page.locator('.ant-alert').allTextContents()).join(' | ')).toBe('done');
    await screenshot(page, 'member-checked-in-to-new-activity-phone');

    // The office sees the member attended; the activity can no longer be cancelled, only closed.
    await staff.page.reload();
    await expect.poll(async () => (await staff.page.getByTestId('attendance-table').textContent()) ?? '').toContain('出席');
    expect(await staff.page.getByTestId('activity-cancel').count()).toBe(0);
    expect(await staff.page.getByTestId('activity-close').count()).toBe(1);
    expect(member.pageErrors).toEqual([]);
    expect(staff.pageErrors).toEqual([]);
    await member.context.close();
    await staff.context.close();
  });
});
