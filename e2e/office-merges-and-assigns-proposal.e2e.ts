import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession, pickOption, type Session } from './support/browser.js';

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

describe('dingxi-office reviews proposals: merges a duplicate, assigns a filed one', () => {
  test('merges a submitted proposal into a similar filed one, which gives it a composite number', async () => {
    const { page } = session;
    await page.goto('/proposals?state=submitted');
    const rows = page.getByTestId('proposal-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const n = await rows.count();
    let merged = false;
    for (let i = 0; i < n && !merged; i++) {
      await page.goto('/proposals?state=submitted');
      await rows.nth(i).getByTestId('proposal-link').click();
      await page.getByTestId('action-merge').click();
      const candidate = page.getByTestId('merge-candidate').first();
      await page.getByTestId('merge-candidates').waitFor();
      await expect.poll(async () => (await candidate.count()) + (await page.getByText('没有可并入的相似提案').count())).toBeGreaterThan(0);
      if (await candidate.count()) {
        await candidate.click();
        await page.getByTestId('action-confirm').click();
        merged = true;
      } else {
        await page.keyboard.press('Escape');
      }
    }
    expect(merged).toBe(true);
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('merged');
    await expect.poll(() => page.getByTestId('proposal-number').textContent()).toMatch(/第\d+并\d+号/);
  });

  test('assigns a filed proposal to a suggested unit', async () => {
    const { page } = session;
    await page.goto('/proposals?state=filed');
    await page.getByTestId('proposal-table').locator('tbody tr.ant-table-row').first().getByTestId('proposal-link').click();
    await page.getByTestId('action-assign').click();
    await page.getByTestId('suggested-unit').first().click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('assigned');
    await expect.poll(() => page.getByTestId('proposal-assignments').textContent()).toContain('主办');
  });

  test('sends one reply back to the unit and releases another with class A', async () => {
    const { page } = session;
    const open = async () => {
      await page.goto('/proposals?state=reply_review');
      await page.getByTestId('proposal-table').locator('tbody tr.ant-table-row').first().getByTestId('proposal-link').click();
      await page.getByTestId('proposal-reply').first().waitFor();
    };
    await open();
    await page.getByTestId('action-send_back').click();
    await page.getByTestId('field-reason').fill('答复未说明具体措施和时间安排，请补充后重新答复');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('handling');

    await open();
    await page.getByTestId('action-release').click();
    await page.locator('.ant-modal .ant-select').first().click();
    await pickOption(page, 'A ');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('released');
    expect(await page.getByTestId('action-close').count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });
});
