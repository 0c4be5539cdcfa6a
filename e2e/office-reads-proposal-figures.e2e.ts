import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, downloadedFile, logIn, openSession, screenshot, type Session } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A download started by a click: its suggested name and size. */
async function download(s: Session, testId: string) {
  const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId(testId).click()]);
  const file = await downloadedFile(d);
  return { name: d.suggestedFilename(), size: fs.statSync(file).size, head: fs.readFileSync(file).subarray(0, 2).toString('latin1') };
}

describe('the proposal office reads the session figures and downloads the book', () => {
  test('dingxi-office: KPIs, charts, the per-unit table, figures.xlsx and book.docx', async () => {
    const s = await openSession(browser);
    await logIn(s.page, 'dingxi-office');
    await s.page.getByTestId('nav-proposal-dashboard').click();
    await s.page.getByTestId('dashboard-kpis').waitFor();
    await expect.poll(async () => Number(await s.page.getByTestId('kpi-received').textContent())).toBeGreaterThan(100);
    expect(await s.page.getByTestId('kpi-onTimeRate').textContent()).toMatch(/%$/);
    await expect.poll(() => s.page.getByTestId('chart-monthly').locator('svg').count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('chart-classes').locator('svg').count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('dashboard-units').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    await screenshot(s.page, 'office-proposal-dashboard');
    const xlsx = await download(s, 'download-figures');
    expect(xlsx.name).toMatch(/^提案统计.*\.xlsx$/);
    expect(xlsx.head).toBe('PK');
    const book = await download(s, 'download-book');
    expect(book.name).toMatch(/提案汇编\.docx$/);
    expect(book.size).toBeGreaterThan(10_000);
    expect(s.pageErrors).toEqual([]);
    await s.context.close();
  });

  test('dingxi-leader sees the figures but not the book; a member has no dashboard', async () => {
    const leader = await openSession(browser);
    await logIn(leader.page, 'dingxi-leader');
    await leader.page.getByTestId('nav-proposal-dashboard').click();
    await leader.page.getByTestId('dashboard-kpis').waitFor();
    expect(await leader.page.getByTestId('download-book').count()).toBe(0);
    await leader.context.close();
    const member = await openSession(browser);
    await logIn(member.page, 'dingxi-member');
    expect(await member.page.getByTestId('nav-proposal-dashboard').count()).toBe(0);
    await member.page.goto('/proposals/dashboard');
    await member.page.getByTestId('forbidden').waitFor();
    await member.context.close();
  });

  test('dingxi-member downloads the reply letter of a released proposal and the list as .xlsx', async () => {
    const s = await openSession(browser);
    await logIn(s.page, 'dingxi-member');
    await s.page.goto('/proposals?mine=true&state=released,closed');
    const xlsx = await download(s, 'proposal-export');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    await s.page.getByTestId('proposal-table').locator('tbody tr.ant-table-row').first().getByTestId('proposal-link').click();
    await s.page.getByTestId('proposal-reply').first().waitFor();
    const letter = await download(s, 'download-reply');
    expect(letter.name).toMatch(/^第\d+(并\d+)?号提案答复.*\.docx$/);
    expect(letter.head).toBe('PK');
    expect(s.pageErrors).toEqual([]);
    await s.context.close();
  });
});
