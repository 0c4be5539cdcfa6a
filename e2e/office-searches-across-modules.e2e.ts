import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, logIn, openSession, screenshot } from './support/browser.js';
import type { SearchAnswer } from '../src/modules/workbench/contracts.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Types into the header's search box and waits for the results page's answer. */
async function searchFromHeader(page: Page, q: string): Promise<SearchAnswer> {
  const box = page.getByTestId('header-search').locator('input');
  await box.fill(q);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/search?') && r.request().method() === 'GET', { timeout: 60_000 }),
    box.press('Enter'),
  ]);
  expect(res.status()).toBe(200);
  await page.getByTestId('search-results').waitFor();
  return res.json() as Promise<SearchAnswer>;
}

const idsOf = (a: SearchAnswer) => a.groups.flatMap((g) => g.items.map((i) => i.id));

describe('one search box finds across modules, and nothing of another committee', () => {
  test('dingxi-office finds a proposal, a 社情民意 item and a member from the header; jinchang-office none of them', async () => {
    const { page, pageErrors } = await openSession(browser);
    await logIn(page, 'dingxi-office');
    const potato = await searchFromHeader(page, '马铃薯');
    await page.getByTestId('search-group-proposals').getByTestId('search-result').first().waitFor();
    await page.getByTestId('search-group-social_info').getByTestId('search-result').first().waitFor();
    expect(await page.getByTestId('search-results').getByTestId('search-hit').first().textContent()).toContain('马铃薯');
    await screenshot(page, 'search-dingxi-office');

    // A member by name: the first hit of the proposals group names its first signer.
    const proposal = potato.groups.find((g) => g.kind === 'proposals')!.items[0];
    const signer = proposal.meta?.[proposal.meta.length - 1] ?? '';
    const byName = await searchFromHeader(page, signer);
    const members = byName.groups.find((g) => g.kind === 'members');
    expect(members?.items.length).toBeGreaterThan(0);
    await page.getByTestId('search-group-members').getByTestId('search-result').first().click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);

    // One click opens a proposal from the results (the same query again: its answer may come from the page's cache).
    await page.getByTestId('header-search').locator('input').fill('马铃薯');
    await page.getByTestId('header-search').locator('input').press('Enter');
    // The results page may first show the previous query's answer while this one loads (a busy CI
    // machine took longer than the 30 s default once): wait for this query's proposals group.
    await page.getByTestId('search-group-proposals').getByTestId('search-result').first().click({ timeout: 90_000 });
    await page.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    expect(pageErrors).toEqual([]);

    const other = await openSession(browser);
    await logIn(other.page, 'jinchang-office');
    const theirs = await searchFromHeader(other.page, '马铃薯');
    const mine = new Set([...idsOf(potato), ...idsOf(byName)]);
    expect(idsOf(theirs).filter((id) => mine.has(id))).toEqual([]);
    // Whatever jinchang finds is jinchang's own: each hit opens for them.
    for (const g of theirs.groups) {
      for (const h of g.items.slice(0, 2)) {
        const api = h.link.replace(/^\/social-info\/items\//, '/api/social-info/items/').replace(/^\/proposals\//, '/api/proposals/').replace(/^\/members\//, '/api/members/');
        const status = await other.page.evaluate(async (u) => (await fetch(u)).status, api);
        expect(status, h.link).toBe(200);
      }
    }
    await page.context().close();
    await other.page.context().close();
  });
});
