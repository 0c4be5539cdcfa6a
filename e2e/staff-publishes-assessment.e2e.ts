import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { connectBrowser, downloadedFile, logIn, openSession, screenshot, type Session } from './support/browser.js';
import { chinaYear } from '../src/platform/time.js';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A download started by a click: its suggested name and content. */
async function download(s: Session, testId: string) {
  const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), body: fs.readFileSync(await downloadedFile(d)) };
}

// 金昌 (not 定西): publishing freezes the year, and the other specs run 定西's assessment as a draft.
describe('staff run and publish the year\'s assessment and download the results and a report card', () => {
  test('jinchang-office: run, publish, results.xlsx (opens, one row per member), the charts, a member\'s .docx report card', async () => {
    const s = await openSession(browser);
    const { page } = s;
    await logIn(page, 'jinchang-office');
    await page.getByTestId('nav-perf-assessment').click();
    await page.getByTestId('assess-run').click();
    const summary = page.getByTestId('assess-summary');
    await expect.poll(async () => (await summary.textContent()) ?? '').toContain('草稿');
    await page.getByTestId('assess-publish').click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(async () => (await summary.textContent()) ?? '').toContain('已发布');
    await expect.poll(() => page.getByTestId('assess-run').count()).toBe(0);
    await screenshot(page, 'assessment-published');

    // The results workbook: a real .xlsx, one row per member assessed.
    const runs = await (await page.request.get(`/api/performance/assessments?year=${chinaYear()}`)).json();
    const assessed = runs.items[0].summary.members as number;
    expect(assessed).toBeGreaterThan(20);
    const xlsx = await download(s, 'assess-xlsx');
    expect(xlsx.name).toMatch(/年度履职考核结果-第1版\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const ws = wb.getWorksheet('考核结果')!;
    expect(ws.rowCount).toBe(assessed + 1);
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['名次', '姓名', '界别', '职务']);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(String(wb.getWorksheet('汇总')!.getRow(4).getCell(2).value)).toContain('已发布');

    // The results page: three charts, the member list.
    await page.getByTestId('assess-results').click();
    await page.waitForURL(/\/performance\/assessment\/[0-9a-f-]{36}\/results$/);
    for (const id of ['chart-grades', 'chart-sectors', 'chart-quotas']) {
      await expect.poll(() => page.getByTestId(id).locator('svg').count()).toBe(1);
    }
    expect(await page.getByTestId('chart-grades').textContent()).toContain('优秀');
    await screenshot(page, 'assessment-results-charts');

    // A member's report card (the first in the list), as a page and as Word.
    const first = page.getByTestId('results-table').locator('tbody tr.ant-table-row').first().getByRole('link');
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/performance\/report-card\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await page.getByTestId('card-summary').textContent()) ?? '').toContain(name);
    expect(await page.getByTestId('card-summary').textContent()).toContain('第 1 版');
    await expect.poll(() => page.getByTestId('card-chart').locator('svg').count()).toBe(1);
    await screenshot(page, 'member-report-card');
    const docx = await download(s, 'card-docx');
    expect(docx.name).toBe(`${name}-${chinaYear()}年度履职成绩单.docx`);
    const zip = await JSZip.loadAsync(docx.body);
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain(name);
    expect(doc).toContain('年度委员履职成绩单');
    expect(Object.keys(zip.files).some((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    const pdf = await download(s, 'card-pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(s.pageErrors).toEqual([]);
    await s.context.close();
  }, 300_000);
});
