import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, horizontalOverflow, connectBrowser, logIn, openSession, screenshot, type Session } from './support/browser.js';

let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await connectBrowser();
  session = await openSession(browser);
  await logIn(session.page, 'dingxi-unit');
});
afterAll(async () => {
  await browser?.close();
});

describe('dingxi-unit (clerk of 定西市教育局) answers an assigned proposal', () => {
  test('sees only its unit\'s proposals with deadlines, drafts the reply and submits it', async () => {
    const { page } = session;
    await page.getByTestId('nav-proposals').click();
    await expect.poll(() => page.getByTestId('proposals-title').textContent()).toBe('本单位承办的提案');
    await page.goto('/proposals?state=handling');
    const rows = page.getByTestId('proposal-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('proposal-table').textContent()).toContain('定西市教育局');
    expect(await page.getByTestId('countdown').count()).toBeGreaterThan(0);
    await rows.first().getByTestId('proposal-link').click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('handling');
    // Only what the server allows: the unit may draft a reply, not file or release.
    expect(await page.getByTestId('action-file').count()).toBe(0);
    expect(await page.getByTestId('action-release').count()).toBe(0);

    await page.getByTestId('action-save_reply').click();
    // A click during the dialog's zoom-in can be lost (the class then stays unchosen and the form
    // refuses to send): wait for the dialog to settle, and check that the choice took.
    await page.locator('.ant-modal').waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear'));
    const classB = page.locator('.ant-modal .ant-radio-wrapper', { has: page.getByTestId('reply-class-B') });
    await classB.click();
    await expect.poll(() => classB.getAttribute('class')).toContain('ant-radio-wrapper-checked');
    await page.getByTestId('field-signer').fill('王局长');
    await page.getByTestId('field-contactPerson').fill('李科长');
    await page.getByTestId('field-contactPhone').fill('0932-8212345');
    await page.getByTestId('field-replyBody').fill('您提出的提案收悉。我局已将乡村教师周转宿舍建设列入年度计划，逐步推进。');
    // Wait for the save itself, so a refusal fails here with the server's answer rather than as a modal that stays open.
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() !== 'GET' && /\/api\/proposals\/[^/]+\/reply/.test(r.url()), { timeout: 60_000 }),
      page.getByTestId('action-confirm').click(),
    ]);
    expect(saved.status(), (await saved.text()).slice(0, 300)).toBe(200);
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('proposal-reply').count()).toBeGreaterThan(0);

    await page.getByTestId('action-submit_reply').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toMatch(/^(countersigning|reply_review)$/);
    expect(session.pageErrors).toEqual([]);
  });

  test('the list is usable at phone width', async () => {
    const phone = await openSession(browser, PHONE);
    await logIn(phone.page, 'dingxi-unit');
    await phone.page.goto('/proposals');
    // At phone width the list is cards (ui/card-list.tsx), with the state and the deadline in view.
    const card = phone.page.getByTestId('proposal-card').first();
    await card.waitFor();
    expect(await card.getByTestId('proposal-state').count()).toBe(1);
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'unit-proposal-cards-phone');
    await card.getByTestId('proposal-link').click();
    await phone.page.getByTestId('proposal-title').waitFor();
    await phone.page.getByTestId('proposal-timeline').waitFor();
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'unit-proposal-detail-phone');
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();
  });
});
