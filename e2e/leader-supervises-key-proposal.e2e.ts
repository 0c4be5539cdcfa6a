import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, logIn, openSession, pickOption, type Session } from './support/browser.js';

/**
 * 重点提案督办 in the browser: the office shortlists a proposal in handling, the leader approves it
 * from the supervision list, the office names the leader to lead the supervision (领衔督办), and
 * the leader records a supervision event (走访承办单位).
 */
const pick = (page: Page, option: string) => pickOption(page, option);

let browser: Browser;
let office: Session, leader: Session;
let url = '';
let title = '';

beforeAll(async () => {
  browser = await connectBrowser();
  office = await openSession(browser);
  leader = await openSession(browser);
  await logIn(office.page, 'dingxi-office');
  await logIn(leader.page, 'dingxi-leader');
});
afterAll(async () => {
  await browser?.close();
});

describe('key proposal supervision: dingxi-office shortlists, dingxi-leader approves and supervises', () => {
  test('the office shortlists a proposal in handling', async () => {
    const { page } = office;
    // The first proposal in handling that is not a key proposal yet (the demo has some).
    for (let i = 0; i < 10 && !url; i++) {
      await page.goto('/proposals?state=handling');
      const row = page.getByTestId('proposal-table').locator('tbody tr.ant-table-row').nth(i);
      await row.waitFor();
      title = (await row.getByTestId('proposal-link').textContent())!.trim();
      await row.getByTestId('proposal-link').click();
      await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
      await page.getByTestId('key-panel').waitFor();
      if ((await page.getByTestId('key-status').textContent()) === '未列入') url = new URL(page.url()).pathname;
    }
    expect(url).not.toBe('');
    await page.getByTestId('key-action-shortlist').click();
    await page.getByTestId('key-field-reason').fill('事关群众切身利益，社会关注度高');
    await page.getByTestId('key-confirm').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('key-status').textContent()).toBe('重点提案候选');
    // Approval belongs to the leaders here: the office has no approve button.
    expect(await page.getByTestId('key-action-approve').count()).toBe(0);
    expect(office.pageErrors).toEqual([]);
  });

  test('the leader approves it from the supervision list', async () => {
    const { page } = leader;
    await page.getByTestId('nav-proposal-supervision').click();
    // By its link, not its title: the demo has proposals of the same title (merged or repeated matters).
    const link = page.getByTestId('supervision-list').locator(`a[data-testid="supervision-row-link"][href="${url}"]`);
    await link.waitFor();
    expect((await link.textContent())!.trim()).toBe(title);
    await link.click();
    await page.waitForURL(new RegExp(`${url}$`));
    await page.getByTestId('key-action-approve').click();
    await page.getByTestId('key-field-channel').click();
    await pick(page, '政协主席会议成员督办');
    await page.getByTestId('key-confirm').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('key-status').textContent()).toBe('重点提案');
    await expect.poll(() => page.getByTestId('key-channel').textContent()).toBe('政协主席会议成员督办');
    expect(leader.pageErrors).toEqual([]);
  });

  test('the office names the leader; the leader records a supervision event', async () => {
    let page = office.page;
    await page.goto(url);
    await page.getByTestId('key-action-set_supervision').click();
    await page.getByTestId('key-field-leader').click();
    await pick(page, '定西市政协领导');
    await page.getByTestId('key-confirm').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('key-leader').textContent()).toBe('定西市政协领导');

    page = leader.page;
    await page.goto(url);
    await page.getByTestId('key-action-record_event').click();
    await page.getByTestId('sup-field-kind').click();
    await pick(page, '走访承办单位');
    await page.getByTestId('sup-field-date').click();
    await page.keyboard.type('2026-03-16');
    await page.keyboard.press('Enter');
    await page.getByTestId('sup-field-participants').fill('市政协副主席、承办单位负责同志');
    await page.getByTestId('sup-field-notes').fill('听取办理进展汇报，要求细化措施、按期答复。');
    await page.getByTestId('key-confirm').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    const event = page.getByTestId('supervision-event').first();
    await expect.poll(() => event.textContent()).toContain('走访承办单位');
    expect(await event.textContent()).toContain('2026-03-16');
    expect(leader.pageErrors).toEqual([]);
  });
});
