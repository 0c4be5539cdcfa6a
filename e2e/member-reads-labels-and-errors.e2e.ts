import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zhCN } from '../web/src/locales/zh-CN.js';
import { DESKTOP, PHONE, connectBrowser, horizontalOverflow, logIn, openSession, screenshot } from './support/browser.js';

/**
 * What a person reads: the server's enums in English when English is chosen (checked over the
 * label catalogue: no Chinese label of any enum.* entry in the places that show enums), an error
 * that says what to do with the request id behind 详情, a required field named in its message,
 * and the proposal list as cards on a phone with the state and deadline in view.
 */
const ZH_ENUM_LABELS = Object.entries(zhCN).filter(([k]) => k.startsWith('enum.')).map(([, v]) => v);

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function toEnglish(page: Page) {
  await page.getByTestId('lang-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
}

/** The catalogue's Chinese labels found in a text (longest first, so 出席全体会议 is not also reported as 全体会议). */
function chineseEnumLabels(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (const label of [...ZH_ENUM_LABELS].sort((a, b) => b.length - a.length)) {
    if (rest.includes(label)) {
      found.push(label);
      rest = rest.split(label).join(' ');
    }
  }
  return found;
}

describe('labels, errors and phone lists', () => {
  test('in English, the member sees no Chinese enum label: duty kinds, grade, quotas, activity types', async () => {
    expect(ZH_ENUM_LABELS.length).toBeGreaterThan(80);
    const { page, context, pageErrors } = await openSession(browser);
    await logIn(page, 'dingxi-member');
    await toEnglish(page);
    await page.goto('/performance');
    const byKind = page.getByTestId('my-by-kind');
    await byKind.locator('tbody tr').first().waitFor();
    const byKindText = (await byKind.textContent()) ?? '';
    expect(chineseEnumLabels(byKindText)).toEqual([]);
    expect(byKindText).toMatch(/[A-Za-z]{4,}/);
    // The grade statistic and the quota card (its names and requirements).
    expect(chineseEnumLabels((await page.locator('.ant-statistic').allTextContents()).join(' '))).toEqual([]);
    const quotas = page.locator('.ant-card').filter({ has: page.locator('.ant-progress') });
    expect(await quotas.count()).toBe(1);
    expect(chineseEnumLabels((await quotas.textContent()) ?? '')).toEqual([]);
    await screenshot(page, 'english-my-performance');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('in English, the office sees activity types and grades in English', async () => {
    const { page, context } = await openSession(browser);
    await logIn(page, 'dingxi-office');
    await toEnglish(page);
    await page.goto('/performance/activities');
    const table = page.getByTestId('activity-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const types = await table.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(chineseEnumLabels(types.join(' '))).toEqual([]);
    await screenshot(page, 'english-activities');
    await context.close();
  });

  test('an error says what to do; the request id shows only behind 详情', async () => {
    const { page, context } = await openSession(browser);
    await logIn(page, 'dingxi-member');
    await page.goto('/proposals/00000000-0000-4000-8000-000000000000');
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    expect(await page.getByTestId('error-remedy').textContent()).toContain('返回列表');
    expect(await alert.textContent()).not.toMatch(/requestId|请求编号/);
    await page.getByTestId('error-details-toggle').click();
    await expect.poll(() => page.getByTestId('error-details').textContent()).toMatch(/请求编号 \S+/);
    await screenshot(page, 'error-details');
    await context.close();
  });

  test('a required field is named in its message (请填写案由)', async () => {
    const { page, context } = await openSession(browser);
    await logIn(page, 'dingxi-member');
    await page.goto('/proposals/new');
    await page.getByTestId('proposal-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toContain('请填写案由');
    expect(await page.locator('.ant-form-item-explain-error', { hasText: /^必填$/ }).count()).toBe(0);
    await context.close();
  });

  test('on a phone the proposal list is cards, each with its state (and deadline) in view, nothing off-screen', async () => {
    const { page, context, pageErrors } = await openSession(browser, PHONE);
    await logIn(page, 'dingxi-office');
    await page.goto('/proposals?state=handling');
    const cards = page.getByTestId('proposal-card');
    await cards.first().waitFor();
    expect(await page.getByTestId('proposal-table').count()).toBe(0);
    const first = cards.first();
    const state = first.getByTestId('proposal-state');
    const box = await state.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    expect(await first.getByTestId('proposal-card-deadline').count()).toBe(1);
    expect(await first.getByTestId('countdown').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-proposal-cards');
    await page.goto('/social-info');
    await page.getByTestId('info-card').first().waitFor();
    expect(await page.getByTestId('info-card').first().getByTestId('info-state').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-info-cards');
    await page.setViewportSize(DESKTOP);
    await page.goto('/proposals');
    await page.getByTestId('proposal-table').waitFor();
    await screenshot(page, 'desktop-proposal-list');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
