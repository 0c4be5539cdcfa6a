import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE, connectBrowser, horizontalOverflow, logIn, openSession, screenshot, type Session } from './support/browser.js';

/**
 * 协商议政 from end to end: a member proposes a topic on a phone (议题征集); the office drafts the
 * year's plan, accepts the topic into it as an item and takes it along 主席会议审议 → 党委常委会确定 (date and document number) → 印发;
 * the member sees the outcome; a leader reads the plan and its plan-items figure, 本级 and 全市各级.
 */
let browser: Browser;
let office: Session;
let member: Session;
let leader: Session;

const STAMP = Date.now().toString(36).slice(-5);
const TITLE = `推进县域中医药服务体系建设${STAMP}`;
const DOC_NO = `定市委办发〔2026〕${STAMP}号`;

const dialog = (page: Page) => page.getByRole('dialog');

/** Picks an option of the antd Select with this test id (its dropdown renders at the end of the body). */
async function choose(page: Page, testId: string, option: string) {
  const select = page.getByTestId(testId);
  await select.waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear'));
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** One approval move: its button, then the dialog's confirm; waits until the dialog is gone. */
async function move(page: Page, action: string, fill?: (d: ReturnType<typeof dialog>) => Promise<void>) {
  await page.getByTestId(`move-${action}`).click();
  await dialog(page).waitFor();
  if (fill) await fill(dialog(page));
  await page.getByTestId('move-confirm').click();
  await expect.poll(() => dialog(page).count()).toBe(0);
}

beforeAll(async () => {
  browser = await connectBrowser();
  office = await openSession(browser);
  member = await openSession(browser, PHONE);
  leader = await openSession(browser);
  await logIn(office.page, 'dingxi-office');
  await logIn(member.page, 'dingxi-member');
  await logIn(leader.page, 'dingxi-leader');
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [name, s] of [['office', office], ['member', member], ['leader', leader]] as const) await screenshot(s.page, `consultation-failed-${name}`).catch(() => {});
});
afterAll(async () => {
  await browser?.close();
});

describe('a member proposes a topic; the office plans it and issues the plan; a leader reads the figure', () => {
  test('the member proposes a topic on a phone and sees it among theirs', async () => {
    const { page } = member;
    await page.goto('/consultation/topics');
    await page.getByTestId('topic-title').fill(TITLE);
    await page.getByTestId('topic-description').fill('建议围绕基层中医馆建设和中医药人才下沉开展对口协商。');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('topic-submit').click();
    const row = page.getByTestId('my-topics').locator('tr', { hasText: TITLE });
    await expect.poll(() => row.getByTestId('topic-state').textContent()).toBe('已提出');
    await screenshot(page, 'consultation-member-topics-phone');
  });

  test('the office drafts the year\'s plan and accepts the topic into it', async () => {
    const { page } = office;
    await page.goto('/consultation/plan');
    // The browser specs' server seeds no consultation demo: the year starts without a plan.
    await page.getByTestId('plan-create').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toBe('草案');
    await expect.poll(() => page.getByTestId('plan-card').textContent()).toContain('第1版');

    await page.getByTestId('tab-inbox').click();
    const row = page.getByTestId('inbox-topics').locator('tr', { hasText: TITLE });
    await row.getByTestId('topic-accept').click();
    await dialog(page).waitFor();
    await choose(page, 'item-form', '对口协商');
    await dialog(page).getByTestId('item-lead').fill('教科卫体委员会');
    await dialog(page).getByTestId('item-month').fill('9');
    await page.getByTestId('accept-confirm').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    // The inbox shows open topics: the accepted one leaves it.
    await expect.poll(() => page.getByTestId('inbox-topics').locator('tr', { hasText: TITLE }).count()).toBe(0);
  });

  test('the office takes the plan through review and the party decision to 印发', async () => {
    const { page } = office;
    await page.getByTestId('tab-plan').click();
    await expect.poll(() => page.getByTestId('item-row-title').allTextContents()).toContain(TITLE);
    await move(page, 'submit_review');
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toBe('主席会议审议');
    await move(page, 'decide', (d) => d.getByTestId('field-docNo').fill(DOC_NO));
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toBe('党委常委会确定');
    await expect.poll(() => page.getByTestId('plan-decision').textContent()).toContain(DOC_NO);
    await move(page, 'issue');
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toBe('已印发');
    // Issued: no item edits, and the only move left is 调整.
    expect(await page.getByTestId('item-add').count()).toBe(0);
    await expect.poll(() => page.getByTestId('plan-moves').textContent()).toMatch(/^调\s*整$/);
    await expect.poll(() => page.getByTestId('plan-history').textContent()).toContain('印发');
    await screenshot(page, 'consultation-office-plan-issued');
  });

  test('the member sees the topic in the plan', async () => {
    const { page } = member;
    await page.reload();
    const row = page.getByTestId('my-topics').locator('tr', { hasText: TITLE });
    await expect.poll(() => row.getByTestId('topic-state').textContent()).toBe('已列入计划');
  });

  test('a leader reads the issued plan and its figure, 本级 and 全市各级', async () => {
    const { page } = leader;
    await page.goto('/consultation/plan');
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toBe('已印发');
    expect(await page.getByTestId('plan-moves').count()).toBe(0);
    expect(await page.getByTestId('item-add').count()).toBe(0);
    // The figure counts the version in force: the one item the office accepted.
    await expect.poll(() => page.getByTestId('figure-items').textContent()).toBe('1');
    await page.getByTestId('figure-chart').locator('svg').waitFor();
    await expect.poll(() => page.getByTestId('figure-table').textContent()).toContain('对口协商');
    await page.getByTestId('figure-scope').getByText('全市各级').click();
    await expect.poll(async () => Number(await page.getByTestId('figure-committees').textContent())).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'consultation-leader-figure');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('figure-chart').locator('svg').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'consultation-leader-figure-phone');
  });
});
