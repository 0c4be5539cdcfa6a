import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, horizontalOverflow, connectBrowser, logIn, openSession, screenshot } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A real 1×1 PNG: the server decides the type from the bytes.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const MARK = `述职编号${Date.now() % 100000}`;
const BODY = `${MARK}：一年来，本人认真履行常委职责，按时出席全体会议和常委会议，围绕定西马铃薯产业和乡村振兴提交提案两件，`
  + '赴安定区、陇西县开展专题调研三次，反映社情民意信息四条，参加专题协商一次，在委员联络站接待群众十余人次。';

describe('a standing-committee member submits the annual duty report with a photo; the office sees it under 已提交', () => {
  test('dingxi-member (常委) writes and submits the 述职 report; dingxi-office finds them submitted and reads the report and photo', async () => {
    const member = await openSession(browser);
    const { page } = member;
    await logIn(page, 'dingxi-member');
    // The menu offers 年度述职 to a standing-committee member.
    await page.getByTestId('nav-perf-annual-report').click();
    await page.waitForURL(/\/performance\/annual-report$/);
    // Members write it on their phones: the rest happens at 390×844, with nothing wider than the screen.
    await page.setViewportSize(PHONE);
    const name = ((await page.getByTestId('annual-member').textContent()) ?? '').trim();
    expect(name.length).toBeGreaterThan(1);
    const body = page.getByTestId('annual-body');
    await body.fill('');
    await body.fill(BODY.slice(0, 20));
    // The live count follows the text; too short is refused in the form.
    await expect.poll(() => page.getByTestId('annual-length').textContent()).toContain('已输入 20 字');
    await body.fill(BODY);
    await expect.poll(() => page.getByTestId('annual-length').textContent()).toContain(`已输入 ${BODY.length} 字`);
    await page.locator('input[type=file]').setInputFiles({ name: '述职照片.png', mimeType: 'image/png', buffer: PHOTO });
    await expect.poll(() => page.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').filter({ hasText: '述职照片.png' }).count()).toBe(1);
    await page.getByTestId('annual-submit').click();
    const status = page.getByTestId('annual-status');
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/已提交/);
    expect(await page.getByTestId('annual-submitted-at').textContent()).toMatch(/首次提交/);
    expect(await status.textContent()).toContain('五个一');
    // The form now revises the stored version, with the photo listed.
    expect(await page.getByTestId('annual-submit').textContent()).toMatch(/保\s*存\s*修\s*改/);
    expect(await page.locator('.ant-upload-list-item').filter({ hasText: '述职照片.png' }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'standing-member-annual-report-phone');

    // The office: the member is under 已提交, and the report opens with its photo.
    const staff = await openSession(browser);
    await logIn(staff.page, 'dingxi-office');
    expect(await staff.page.getByTestId('nav-perf-annual-report').count()).toBe(0);
    await staff.page.getByTestId('nav-perf-annual-reports').click();
    await staff.page.waitForURL(/\/performance\/annual-reports$/);
    const counts = staff.page.getByTestId('annuals-counts');
    await counts.waitFor();
    const [, submitted, expected] = ((await counts.textContent()) ?? '').match(/已提交 (\d+) \/ 应提交 (\d+)/) ?? [];
    expect(Number(submitted)).toBeGreaterThanOrEqual(1);
    expect(Number(expected)).toBeGreaterThanOrEqual(Number(submitted));
    await staff.page.getByTestId('annuals-filter').getByText(/^已提交/).click();
    const table = staff.page.getByTestId('annuals-table');
    const row = table.locator('tbody tr.ant-table-row', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('已提交');
    // Under 未提交 the member is not listed.
    await staff.page.getByTestId('annuals-filter').getByText(/^未提交/).click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row', { hasText: name }).count()).toBe(0);
    await staff.page.getByTestId('annuals-filter').getByText(/^已提交/).click();
    await row.getByTestId('annuals-open').click();
    const view = staff.page.getByTestId('annual-report-view');
    await expect.poll(async () => (await view.getByTestId('annual-report-body').textContent()) ?? '').toContain(MARK);
    const img = view.locator('img[alt="述职照片.png"]');
    await img.waitFor();
    // The picture is served to the office and decodes as an image.
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
    await screenshot(staff.page, 'office-reads-annual-report');
    // The office's list on a phone: the table scrolls inside itself, the page does not.
    await staff.page.keyboard.press('Escape');
    await view.waitFor({ state: 'hidden' });
    await staff.page.setViewportSize(PHONE);
    await row.waitFor();
    expect(await horizontalOverflow(staff.page)).toBeLessThanOrEqual(0);
    await screenshot(staff.page, 'office-annual-reports-phone');
    expect(member.pageErrors).toEqual([]);
    expect(staff.pageErrors).toEqual([]);
    await member.context.close();
    await staff.context.close();
  }, 300_000);
});
