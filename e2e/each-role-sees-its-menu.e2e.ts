import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, logIn, openSession } from './support/browser.js';

// 我的履职 and 撰写提案 act as a member: the platform admin and staff must not be offered them (they answered 403).
const ALL = ['nav-home', 'nav-members', 'nav-member-import', 'nav-units', 'nav-users', 'nav-account', 'nav-my-performance', 'nav-proposal-new'] as const;
const OFFICE = ['nav-home', 'nav-members', 'nav-member-import', 'nav-units', 'nav-users', 'nav-account'] as const;
type Item = (typeof ALL)[number];

/** What each demo login must find in the menu; everything else in ALL must be absent. */
const CASES: { username: string; committee: string; menu: Item[] }[] = [
  { username: 'admin', committee: '甘肃省', menu: [...OFFICE] },
  { username: 'dingxi-office', committee: '定西市委员会', menu: [...OFFICE] },
  { username: 'jinchang-office', committee: '金昌市委员会', menu: [...OFFICE] },
  { username: 'dingxi-member', committee: '定西市委员会', menu: ['nav-home', 'nav-members', 'nav-account', 'nav-my-performance', 'nav-proposal-new'] },
  { username: 'dingxi-unit', committee: '定西市委员会', menu: ['nav-home', 'nav-account'] },
  { username: 'dingxi-leader', committee: '定西市委员会', menu: ['nav-home', 'nav-members', 'nav-units', 'nav-account'] },
];

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('each demo role sees the menu its abilities allow', () => {
  for (const c of CASES) {
    test(c.username, async () => {
      const { page, context, pageErrors } = await openSession(browser);
      await logIn(page, c.username);
      await expect.poll(() => page.getByTestId('current-committee').textContent()).toContain(c.committee);
      const menu = page.getByTestId('main-menu');
      for (const item of ALL) {
        const count = await menu.getByTestId(item).count();
        expect(count, `${c.username}: ${item}`).toBe(c.menu.includes(item) ? 1 : 0);
      }
      expect(pageErrors).toEqual([]);
      await context.close();
    });
  }

  test('a page outside the menu shows the no-permission page (dingxi-unit opens /members)', async () => {
    const { page, context } = await openSession(browser);
    await logIn(page, 'dingxi-unit');
    await page.goto('/members');
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('member-table').count()).toBe(0);
    await context.close();
  });
});
