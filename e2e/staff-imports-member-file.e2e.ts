import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, downloadedFile, logIn, openSession, SCREENSHOT_DIR, type Session } from './support/browser.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads the template with the page's own button, as a clerk would. */
async function downloadTemplate(page: Page): Promise<ExcelJS.Workbook> {
  await page.goto('/members/import');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await downloadedFile(download));
  return wb;
}

/** Fills rows under the template's own header (header text → value), so the spec follows the template. */
async function fillTemplate(wb: ExcelJS.Workbook, rows: Record<string, string>[]): Promise<Buffer> {
  const ws = wb.worksheets[0];
  const columnOf = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columnOf.set(String(cell.value).replace(/\*$/, ''), col));
  rows.forEach((values, i) => {
    for (const [header, value] of Object.entries(values)) {
      const col = columnOf.get(header);
      if (!col) throw new Error(`template has no column ${header}: ${[...columnOf.keys()].join(', ')}`);
      ws.getCell(i + 2, col).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, buffer: Buffer, name: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
}

async function sectorNames(page: Page): Promise<{ sectors: string[]; specials: string[] }> {
  const res = await page.request.get('/api/org/structure');
  const s = (await res.json()) as { sectors: { name: string }[]; specialCommittees: { name: string }[] };
  return { sectors: s.sectors.map((x) => x.name), specials: s.specialCommittees.map((x) => x.name) };
}

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

describe('dingxi-office imports a member file', () => {
  test('fills the template, uploads it, sees the progress finish and finds the new members by search', async () => {
    const { page } = session;
    const { sectors, specials } = await sectorNames(page);
    const wb = await downloadTemplate(page);
    const buffer = await fillTemplate(wb, [
      { 姓名: '端木清扬', 性别: '男', 民族: '汉族', 出生日期: '1978-04-12', 党派: '民盟盟员', 界别: sectors[2], 专委会: specials[0], 职务: '委员、常委', 工作单位: '定西市第一中学', 职务职称: '校长', 手机号: '19900001001', 状态: '在任' },
      { 姓名: '上官若溪', 性别: '女', 民族: '回族', 出生日期: '1985-11-30', 界别: sectors[3], 职务: '委员', 工作单位: '定西市人民医院', 职务职称: '主任医师', 状态: '在任' },
    ]);
    // Kept next to the screenshots, to open by hand when the import disagrees.
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'import.xlsx'), buffer);
    await upload(page, buffer, '新委员.xlsx');

    await page.getByTestId('import-progress').waitFor();
    await page.getByTestId('import-succeeded').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-succeeded').textContent()).toContain('2');

    await page.getByTestId('import-to-list').click();
    await page.waitForURL(/\/members$/);
    for (const name of ['端木清扬', '上官若溪']) {
      await page.getByPlaceholder('姓名或拼音首字母').fill(name);
      await page.getByPlaceholder('姓名或拼音首字母').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === name);
      const rows = page.getByTestId('member-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(name)]);
    }
    expect(session.pageErrors).toEqual([]);
  });

  test('a file with a bad row imports nothing and lists the row, column and reason', async () => {
    const { page } = session;
    const wb = await downloadTemplate(page);
    const buffer = await fillTemplate(wb, [
      { 姓名: '令狐晚舟', 性别: '女', 状态: '在任' },
      { 姓名: '独孤远山', 性别: '未知', 界别: '没有这个界别', 状态: '在任' },
    ]);
    await upload(page, buffer, '有错误的文件.xlsx');

    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 60_000 });
    const text = await errors.locator('tbody').textContent();
    expect(text).toContain('3'); // spreadsheet row of 独孤远山 (header is row 1)
    expect(text).toContain('性别');
    expect(text).toContain('界别');
    expect(await page.getByTestId('import-succeeded').count()).toBe(0);

    // All or nothing: the good row of the same file was not imported either.
    const res = await page.request.get('/api/members?q=' + encodeURIComponent('令狐晚舟'));
    expect(((await res.json()) as { total: number }).total).toBe(0);
  });
});
