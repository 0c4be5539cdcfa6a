import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, downloadedFile, logIn, openSession, pickOption, type Session } from './support/browser.js';

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

const rows = (page: Page) => page.getByTestId('member-table').locator('tbody tr.ant-table-row');

/** Names on the current page of the list, in order. */
async function shownNames(page: Page): Promise<string[]> {
  return rows(page).locator('td:first-child').allTextContents();
}

/** The texts of one column, found by its header, so the spec does not depend on column order. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByTestId('member-table').locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.includes(header));
  if (index < 0) throw new Error(`no column ${header} in ${headers.join('|')}`);
  return rows(page).locator(`td:nth-child(${index + 1})`).allTextContents();
}

async function apiNames(page: Page, query: string): Promise<string[]> {
  const res = await page.request.get(`/api/members?${query}`);
  return ((await res.json()) as { items: { name: string }[] }).items.map((m) => m.name);
}

describe('dingxi-office searches, filters, sorts and exports the member list', () => {
  test('pinyin initials find what the API finds', async () => {
    const { page } = session;
    await page.goto('/members');
    await rows(page).first().waitFor();
    await page.getByPlaceholder('姓名或拼音首字母').fill('zs');
    await page.getByPlaceholder('姓名或拼音首字母').press('Enter');
    await page.waitForURL(/q=zs/);
    const expected = await apiNames(page, 'q=zs&pageSize=20');
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => shownNames(page)).toEqual(expected);
  });

  test('a sector filter and a sort by birth date go into the address and the rows', async () => {
    const { page } = session;
    await page.goto('/members');
    await rows(page).first().waitFor();
    await page.getByTestId('filter-sectorId').click();
    const sector = await pickOption(page, null);
    await page.waitForURL(/sectorId=/);
    await expect.poll(async () => new Set(await columnTexts(page, '界别'))).toEqual(new Set([sector]));

    await page.getByRole('columnheader', { name: /出生日期/ }).click();
    await page.waitForURL(/sort=birthDate/);
    const sectorId = new URL(page.url()).searchParams.get('sectorId');
    await expect.poll(() => shownNames(page)).toEqual(await apiNames(page, `sectorId=${sectorId}&sort=birthDate&order=asc&pageSize=20`));
  });

  test('the export button downloads the filtered roster as .xlsx', async () => {
    const { page } = session;
    const href = await page.getByTestId('member-export').getAttribute('href');
    expect(href).toMatch(/^\/api\/members\/export\.xlsx\?.*sectorId=/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('member-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await downloadedFile(download);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(session.pageErrors).toEqual([]);
  });
});
