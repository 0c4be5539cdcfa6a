import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE, horizontalOverflow, connectBrowser, logIn, openSession, screenshot } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TODAY = '双月协商座谈会：冬春季农村供暖保障';


/** The 我的履职 breakdown as label → count and points (the 已达上限 tag is not part of the label). */
async function kindRows(page: Page): Promise<Record<string, { count: number; points: number }>> {
  const rows = await page.getByTestId('my-by-kind').locator('tbody tr.ant-table-row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => {
      const c = td.cloneNode(true) as HTMLElement;
      c.querySelectorAll('[data-testid="my-capped"]').forEach((t) => t.remove());
      return (c.textContent ?? '').trim();
    })));
  return Object.fromEntries(rows.map((c) => [c[0], { count: Number(c[1]), points: Number(c[2]) }]));
}

describe('a member checks in to an activity on a phone and sees the points appear', () => {
  test('staff read the check-in code; dingxi-member at 390×844 checks in with it; the points go up', async () => {
    // Staff open today's activity (still open, from the demo seed) and read its code.
    const staff = await openSession(browser);
    await logIn(staff.page, 'dingxi-office');
    await staff.page.getByTestId('nav-perf-activities').click();
    await staff.page.getByTestId('activity-table').getByRole('link', { name: TODAY }).click();
    await staff.page.waitForURL(/\/performance\/activities\/[0-9a-f-]{36}$/);
    const codeEl = staff.page.getByTestId('activity-code');
    await expect.poll(async () => (await codeEl.textContent()) ?? '').toMatch(/^\d{6}$/);
    const code = (await codeEl.textContent())!;
    await screenshot(staff.page, 'activity-code');

    // The member, on a phone.
    const member = await openSession(browser, PHONE);
    const { page } = member;
    await logIn(page, 'dingxi-member');
    await page.goto('/performance');
    const points = page.getByTestId('my-points');
    await points.waitFor();
    const before = Number(await points.textContent());
    expect(before).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('check-in-activity').waitFor();
    expect(await page.getByTestId('check-in-activity').textContent()).toContain(TODAY);
    // Earlier specs share the database and may have credited this member a consultation already
    // (the office's new-activity spec checks the same member in): count from where it stands.
    const consultation = async () => (await kindRows(page))['参加协商活动'] ?? { count: 0, points: 0 };
    const was = await consultation();
    await page.getByTestId('check-in-code').fill(code);
    await page.getByTestId('check-in-submit').click();
    // On failure, show what the page said (the server's message) rather than only a timeout.
    await expect.poll(async () => (await page.getByTestId('check-in-done').count()) > 0 ? 'done' : (await page.locator('.ant-alert').allTextContents()).join(' | ')).toBe('done');
    // The consultation's points appear in the breakdown and the total at once.
    await expect.poll(async () => (await consultation()).count).toBe(was.count + 1);
    expect((await consultation()).points).toBe(was.points + 1.5);
    // The total rises by the consultation's 1.5 points of 定西's scheme: the demo member is kept
    // below the meetings cap (20) and the ceiling (100), so nothing hides it.
    await expect.poll(async () => Number(await points.textContent())).toBe(before + 1.5);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-checked-in-phone');

    // Staff see the member as attended.
    await staff.page.reload();
    await expect.poll(async () => (await staff.page.getByTestId('attendance-table').textContent()) ?? '').toContain('出席');
    expect(member.pageErrors).toEqual([]);
    expect(staff.pageErrors).toEqual([]);
  });

  test('staff pages open: verification queue (verify one), standings, assessment run (not published)', async () => {
    const { page, pageErrors, context } = await openSession(browser);
    await logIn(page, 'dingxi-office');
    await page.getByTestId('nav-perf-verification').click();
    const queue = page.getByTestId('verify-table');
    await queue.locator('tbody tr.ant-table-row').first().waitFor();
    const total = page.getByTestId('verify-total');
    await expect.poll(async () => Number(await total.textContent())).toBeGreaterThan(0);
    const waiting = Number(await total.textContent());
    // Verifying shows the member's text and asks first; the verification can then be undone.
    await queue.getByTestId('verify-record').first().click();
    const confirm = page.getByRole('dialog');
    await expect.poll(async () => (await confirm.getByTestId('verify-description').count())).toBe(1);
    await page.getByTestId('verify-confirm').click();
    await expect.poll(async () => Number(await total.textContent())).toBe(waiting - 1);
    await page.getByTestId('verified-table').getByTestId('unverify-record').first().click();
    await page.getByTestId('unverify-confirm').click();
    await expect.poll(async () => Number(await total.textContent())).toBe(waiting);

    await page.getByTestId('nav-perf-standings').click();
    const table = page.getByTestId('standings-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const firstPoints = Number(await table.locator('tbody tr.ant-table-row').first().locator('td').nth(4).textContent());
    expect(firstPoints).toBeGreaterThanOrEqual(90);

    await page.getByTestId('nav-perf-assessment').click();
    await page.getByTestId('assess-run').click();
    await expect.poll(async () => (await page.getByTestId('assess-summary').textContent()) ?? '').toContain('90');
    await screenshot(page, 'assessment-draft');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
