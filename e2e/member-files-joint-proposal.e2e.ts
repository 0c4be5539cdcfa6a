import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession, pickOption, type Session } from './support/browser.js';

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

const BODY = '一、基本情况\n我市城区公共充电桩数量不足，新能源汽车车主充电难。\n二、问题分析\n充电设施规划滞后，老旧小区电力容量不足。\n三、具体建议\n编制充电设施专项规划，在公共停车场配建充电桩，推进老旧小区电力增容。';

describe('dingxi-member drafts proposals, invites a co-signer, confirms an invitation and submits', () => {
  test('writes a joint draft with a co-signer, seeing similar proposals and the format pre-check', async () => {
    const { page } = session;
    await page.getByTestId('nav-proposal-new').click();
    await page.getByTestId('field-title').fill('关于马铃薯产业链延伸的建议');
    await page.getByTestId('field-body').fill(BODY.replace('城区公共充电桩', '马铃薯加工企业'));
    // Search before you propose: the demo session has many 马铃薯 proposals.
    await expect.poll(() => page.getByTestId('similar-item').count()).toBeGreaterThan(0);
    await page.getByTestId('format-no_research_basis').waitFor();
    await page.getByTestId('field-title').fill('关于加快城区充电设施建设的建议');
    await page.getByTestId('field-body').fill(BODY);
    await page.getByTestId('field-research').fill('2026年新能源汽车专题调研');
    await page.getByTestId('format-ok').waitFor();
    await page.locator('.ant-radio-button-wrapper', { hasText: '委员联名' }).click();
    await page.getByTestId('field-cosigners').click();
    await page.keyboard.type('王');
    await pickOption(page, null);
    await page.keyboard.press('Escape');
    await page.getByTestId('proposal-save').click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('draft');
    await expect.poll(() => page.getByTestId('proposal-signers').textContent()).toContain('待确认');
  });

  test('confirms the invitation to co-sign a colleague\'s draft', async () => {
    const { page } = session;
    await page.goto('/proposals?mine=true&state=draft');
    const rows = page.getByTestId('proposal-table').locator('tbody tr.ant-table-row', { hasText: '关于建设中药材产业园区的建议' });
    await rows.first().getByTestId('proposal-link').click();
    await page.getByTestId('action-confirm_cosign').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('proposal-signers').textContent()).toContain('已确认');
    expect(await page.getByTestId('action-submit').count()).toBe(0);
  });

  test('rates the released reply to a proposal of theirs', async () => {
    const { page } = session;
    await page.goto('/proposals?mine=true&state=released');
    await page.getByTestId('proposal-table').locator('tbody tr.ant-table-row').first().getByTestId('proposal-link').click();
    await page.getByTestId('proposal-reply').first().waitFor();
    await page.getByTestId('action-rate').click();
    await page.locator('.ant-modal .ant-radio-button-wrapper', { hasText: '基本满意' }).click();
    await page.getByTestId('field-remarks').fill('答复较具体，希望加快落实');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('proposal-feedback').allTextContents().then((x) => x.join())).toContain('答复较具体，希望加快落实');
  });

  test('writes an individual proposal and submits it', async () => {
    const { page } = session;
    await page.goto('/proposals/new');
    await page.getByTestId('field-title').fill('关于完善城区公共充电网络的建议');
    await page.getByTestId('field-body').fill(BODY);
    await page.getByTestId('field-research').fill('2026年专题调研');
    await page.getByTestId('proposal-save').click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await page.getByTestId('action-submit').click();
    // A click during the confirm dialog's zoom-in can be lost (it failed once in the fresh-clone CI with the
    // proposal left a draft): click again while the dialog is still open, until the state has moved.
    const confirm = page.getByTestId('action-confirm');
    await expect.poll(async () => {
      if (await confirm.isVisible()) await confirm.click({ timeout: 5_000 }).catch(() => undefined);
      return page.getByTestId('proposal-state').getAttribute('data-state');
    }, { timeout: 60_000 }).toBe('submitted');
    expect(session.pageErrors).toEqual([]);
  });
});
