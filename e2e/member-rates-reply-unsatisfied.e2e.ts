import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, logIn, openSession, type Session } from './support/browser.js';

/**
 * The end of the proposal's road, in the browser: the member rates the released reply 不满意
 * and the proposal returns to the unit (重新办理) — the clerk finds it in the notices and in the
 * unit's handling list, with the rating, ready for a new reply. The way there (file, assign,
 * reply, release) is taken through the API by the real roles, as other specs show in the UI.
 */
let browser: Browser;
let member: Session, office: Session, unit: Session;
let id: string;

const TITLE = '关于改善乡村学校冬季取暖条件的建议';
const BODY =
  '一、基本情况\n我市部分乡村学校仍以燃煤小锅炉取暖，教室温度偏低，学生冻伤时有发生。\n' +
  '二、原因分析\n取暖设施老化，运行经费没有保障，清洁取暖改造滞后。\n' +
  '三、具体建议\n将乡村学校清洁取暖改造列入年度计划，落实取暖运行经费，建立冬季巡查制度。';

async function call(page: Page, method: string, path: string, body?: unknown): Promise<any> {
  const res = await page.evaluate(async ({ method, path, body }) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const r = await fetch(path, {
      method, headers: body === undefined ? { 'x-csrf-token': me.csrfToken } : { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, json: await r.json() };
  }, { method, path, body });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

beforeAll(async () => {
  browser = await connectBrowser();
  member = await openSession(browser);
  office = await openSession(browser);
  unit = await openSession(browser);
  await logIn(member.page, 'dingxi-member');
  await logIn(office.page, 'dingxi-office');
  await logIn(unit.page, 'dingxi-unit');

  id = (await call(member.page, 'POST', '/api/proposals', { title: TITLE, body: BODY, category: '教科文卫体', researchBasis: '2025年乡村教育专题调研' })).id;
  await call(member.page, 'POST', `/api/proposals/${id}/submit`);
  await call(office.page, 'POST', `/api/proposals/${id}/pre-review`, {});
  await call(office.page, 'POST', `/api/proposals/${id}/file`, {});
  const units = (await call(office.page, 'GET', '/api/units')).items as { id: string; name: string }[];
  const edu = units.find((u) => u.name === '定西市教育局')!;
  await call(office.page, 'POST', `/api/proposals/${id}/assign`, { mode: 'lead', leadUnitId: edu.id });
  await call(unit.page, 'POST', `/api/proposals/${id}/accept`);
  await call(unit.page, 'PUT', `/api/proposals/${id}/reply`, {
    replyClass: 'C', isPublic: true, signer: '王局长', contactPerson: '李科长', contactPhone: '0932-8212345', contactedOn: '2026-03-02',
    body: '您提出的提案收悉。因财力所限，乡村学校清洁取暖改造暂不能全面实施，我局将积极争取上级资金。',
  });
  await call(unit.page, 'POST', `/api/proposals/${id}/reply/submit`);
  await call(office.page, 'POST', `/api/proposals/${id}/release`, {});
});
afterAll(async () => {
  await browser?.close();
});

describe('dingxi-member rates a reply 不满意 and dingxi-unit gets it back (重新办理)', () => {
  test('the member rates the released reply 不满意; the proposal goes back to handling', async () => {
    const { page } = member;
    await page.goto(`/proposals/${id}`);
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('released');
    await page.getByTestId('action-rate').click();
    await page.locator('.ant-modal .ant-radio-button-wrapper', { hasText: '不满意' }).click();
    await page.getByTestId('field-remarks').fill('取暖问题没有解决，答复没有具体措施');
    await page.getByTestId('action-confirm').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('handling');
    await expect.poll(() => page.getByTestId('proposal-feedback').textContent()).toContain('不满意');
    expect(await page.getByTestId('action-rate').count()).toBe(0);
    expect(member.pageErrors).toEqual([]);
  });

  test('the unit clerk finds it in the notices and in the handling list, and may reply again', async () => {
    const { page } = unit;
    await page.goto('/notifications');
    const notice = page.getByTestId('notification-list').locator('.ant-list-item', { hasText: `答复不满意，请重新办理` }).filter({ hasText: TITLE });
    await notice.first().waitFor();
    await notice.first().getByRole('button', { name: /查\s*看|Open/ }).click();
    await page.waitForURL(new RegExp(`/proposals/${id}$`));
    await expect.poll(() => page.getByTestId('proposal-state').getAttribute('data-state')).toBe('handling');
    await expect.poll(() => page.getByTestId('proposal-feedback').textContent()).toContain('不满意');
    await page.getByTestId('action-save_reply').waitFor();

    await page.goto('/proposals?state=handling');
    const row = page.getByTestId('proposal-table').locator('tbody tr.ant-table-row', { hasText: TITLE });
    await row.first().waitFor();
    expect(unit.pageErrors).toEqual([]);
  });
});
