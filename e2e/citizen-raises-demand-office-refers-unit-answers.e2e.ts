import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, connectBrowser, horizontalOverflow, logIn, openSession, pickOption, screenshot } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A real 1×1 PNG: the server decides the type from the bytes.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const MATTER = `安定区中华路小学门口缺少斑马线 ${Date.now() % 100000}`;
const ANSWER = '已会同交警部门施划斑马线并设置减速标识，6月底前完成。';

describe('a citizen raises a demand on a phone; the office refers it to a unit; the clerk answers; the citizen reads the answer by code', () => {
  test('no login at 390×844: submit with a photo, get a code; dingxi-office refers to 定西市教育局; dingxi-unit answers; the code shows the answer and takes a rating', async () => {
    // The citizen: the public page, no account.
    const citizen = await openSession(browser, PHONE);
    const { page } = citizen;
    await page.goto('/d/dingxi');
    await page.getByTestId('public-demand-form').waitFor();
    await page.getByTestId('demand-kind').click();
    await pickOption(page, '教育医疗');
    await page.getByTestId('demand-matter').fill(MATTER);
    await page.getByTestId('demand-details').fill('孩子上下学要横穿马路，车辆很多，希望施划斑马线。');
    await page.getByTestId('demand-place').fill('安定区中华路');
    await page.locator('input[type=file]').setInputFiles({ name: '路口.png', mimeType: 'image/png', buffer: PHOTO });
    await expect.poll(() => page.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').filter({ hasText: '路口.png' }).count()).toBe(1);
    await page.getByTestId('demand-name').fill('马秀兰');
    await page.getByTestId('demand-phone').fill('13919321234');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'citizen-demand-form-phone');
    await page.getByTestId('demand-submit').click();
    const codeEl = page.getByTestId('tracking-code');
    await codeEl.waitFor({ timeout: 60_000 });
    const code = ((await codeEl.textContent()) ?? '').trim();
    expect(code).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{12}$/);
    await screenshot(page, 'citizen-demand-code-phone');

    // The office finds it, sees the photo and masked contact, and refers it to the education bureau.
    const office = await openSession(browser);
    await logIn(office.page, 'dingxi-office');
    await office.page.goto("/demands");
    await office.page.getByTestId('nav-demands').waitFor();
    const row = office.page.getByTestId('demand-table').locator('tbody tr.ant-table-row', { hasText: MATTER });
    await row.waitFor();
    expect(await row.textContent()).toContain('马**');
    expect(await row.textContent()).not.toContain('13919321234');
    await row.getByTestId('demand-link').click();
    await office.page.waitForURL(/\/demands\/[0-9a-f-]{36}$/);
    await office.page.getByTestId('action-refer').waitFor();
    await office.page.getByTestId('refer-unit').click();
    // The list of units is long (and virtual): type to narrow it, as staff do.
    await office.page.keyboard.type('教育局');
    await pickOption(office.page, '定西市教育局');
    await office.page.getByTestId('submit-refer').click();
    await expect.poll(() => office.page.getByTestId('detail-state').textContent()).toBe('已转办');
    await screenshot(office.page, 'office-refers-demand');

    // The clerk sees it among the unit's demands, reveals the contact (audited) and answers.
    const clerk = await openSession(browser);
    await logIn(clerk.page, 'dingxi-unit');
    await clerk.page.goto('/demands');
    const clerkRow = clerk.page.getByTestId('demand-table').locator('tbody tr.ant-table-row', { hasText: MATTER });
    await clerkRow.waitFor();
    await clerkRow.getByTestId('demand-link').click();
    await clerk.page.getByTestId('reveal').click();
    await expect.poll(() => clerk.page.getByTestId('person').textContent()).toContain('13919321234');
    await clerk.page.getByTestId('action-unit_answer').getByTestId('field-answer').fill(ANSWER);
    await clerk.page.getByTestId('submit-unit_answer').click();
    await expect.poll(() => clerk.page.getByTestId('detail-state').textContent()).toBe('已答复');
    await screenshot(clerk.page, 'clerk-answers-demand');

    // Back on the phone: the code shows the answer, never the contact, and takes a rating.
    await page.goto(`/track/${code}`);
    await expect.poll(() => page.getByTestId('track-answer').textContent()).toBe(ANSWER);
    const shown = (await page.getByTestId('track-result').textContent()) ?? '';
    expect(shown).not.toContain('马秀兰');
    expect(shown).not.toContain('13919321234');
    expect(shown).toContain('定西市教育局');
    await page.getByTestId('rating-form').locator('.ant-rate-star').nth(4).click();
    await page.getByTestId('rating-submit').click();
    await expect.poll(() => page.getByTestId('track-state').textContent()).toBe('已办结');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'citizen-reads-answer-phone');

    expect(citizen.pageErrors).toEqual([]);
    expect(office.pageErrors).toEqual([]);
    expect(clerk.pageErrors).toEqual([]);
    for (const s of [citizen, office, clerk]) await s.context.close();
  }, 300_000);
});
