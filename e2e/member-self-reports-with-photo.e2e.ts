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
const TITLE = `安定区马铃薯产业链调研 ${Date.now() % 100000}`;

describe('a member self-reports a record with a photo on a phone; staff verify it; the points appear', () => {
  test('dingxi-member at 390×844 reports a research trip with a photo; dingxi-office sees the photo and verifies it', async () => {
    const member = await openSession(browser, PHONE);
    const { page } = member;
    await logIn(page, 'dingxi-member');
    await page.goto('/performance');
    const byKind = page.getByTestId('my-by-kind');
    await byKind.waitFor();
    const researchCount = async () => {
      const row = byKind.locator('tr', { hasText: /^调研/ });
      return (await row.count()) ? Number(await row.locator('td').nth(1).textContent()) : 0;
    };
    const before = await researchCount();
    const pointsBefore = Number(await page.getByTestId('my-points').textContent());

    await page.getByTestId('my-report').click();
    await page.waitForURL(/\/performance\/report$/);
    await page.getByTestId('report-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^调研$/ }).click();
    const date = page.locator('.ant-picker input').first();
    await date.click();
    await date.fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await date.press('Enter');
    await page.getByTestId('report-title').fill(TITLE);
    await page.locator('input[type=file]').setInputFiles({ name: '调研现场.png', mimeType: 'image/png', buffer: PHOTO });
    // The upload finishes: the file is listed as done (a thumbnail link to the stored file).
    await expect.poll(() => page.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').filter({ hasText: '调研现场.png' }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-self-report-photo-phone');
    await page.getByTestId('report-submit').click();
    await page.waitForURL(/\/performance$/);
    await expect.poll(async () => (await page.getByTestId('my-pending').textContent()) ?? '').toContain(TITLE);

    // Staff verify it, seeing the photo in the queue.
    const staff = await openSession(browser);
    await logIn(staff.page, 'dingxi-office');
    await staff.page.getByTestId('nav-perf-verification').click();
    const row = staff.page.getByTestId('verify-table').locator('tbody tr.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    const img = row.getByTestId('verify-evidence').locator('img[alt="调研现场.png"]');
    await img.waitFor();
    // The picture is served to the verifier and decodes as an image.
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
    await screenshot(staff.page, 'staff-verifies-photo');
    await row.getByTestId('verify-record').click();
    await staff.page.getByTestId('verify-confirm').click();
    await expect.poll(() => staff.page.getByTestId('verify-table').locator('tbody tr.ant-table-row', { hasText: TITLE }).count()).toBe(0);

    // Back on the phone: the record counts now.
    await page.reload();
    await byKind.waitFor();
    await expect.poll(researchCount).toBe(before + 1);
    expect(await page.getByTestId('my-pending').textContent()).not.toContain(TITLE);
    // Points rise by the research trip, up to the research group's cap.
    expect(Number(await page.getByTestId('my-points').textContent())).toBeGreaterThanOrEqual(pointsBefore);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-points-after-verification-phone');
    expect(member.pageErrors).toEqual([]);
    expect(staff.pageErrors).toEqual([]);
    await member.context.close();
    await staff.context.close();
  }, 300_000);
});
