import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE, horizontalOverflow, connectBrowser, logIn, openSession, screenshot, type Session } from './support/browser.js';

/**
 * 社情民意 from end to end: an information officer (the demo member, appointed by the office)
 * submits an urgent item on a phone; the info office screens, accepts and edits it, merges a
 * similar item into it and sends it to sign-off in a new issue; the leader signs the issue off;
 * the office releases it, forwards the item and records a provincial adoption and a city
 * leader's instruction; the author sees the whole trail and the points on the performance page.
 */
let browser: Browser;
let office: Session;
let member: Session;
let leader: Session;

const STAMP = Date.now().toString(36).slice(-5);
const TITLE = `关于城区老旧小区冬季供暖不达标问题的紧急反映${STAMP}`;
const BODY = [
  '近期降温明显，安定区部分老旧小区居民反映室内温度长期低于16摄氏度，老人和儿童受冻情况突出。',
  '经走访了解，主要原因是二次管网老化、换热站设备陈旧，供热企业巡检不到位。',
  '建议市住建局督促供热企业立即开展管网排查抢修，对不达标住户落实退费补偿，并公布投诉电话。',
].join('\n');
const SIMILAR_TITLE = `关于老旧小区供暖温度不达标的反映${STAMP}`;
const SIMILAR_BODY = '部分老旧小区供暖温度不达标，居民室内温度偏低，老人儿童受冻，管网老化严重，建议供热企业抓紧排查管网、维修换热站，落实退费。';
const EDITED_LINE = '建议市住建局督促供热企业三日内完成管网排查抢修，对不达标住户按规定退费，并向社会公布投诉电话。';

const button = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(name.split('').join('\\s*')) });
const dialog = (page: Page) => page.getByRole('dialog');

/** POST to the API from the logged-in page (cookies + CSRF token), for data the story only needs to exist. */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  const res = await page.evaluate(async ({ path, body }) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as unknown };
  }, { path, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as T;
}

/** Picks an option of the antd Select with this test id (its dropdown renders at the end of the body); `typed` searches first. */
async function choose(page: Page, testId: string, option: string, typed?: string) {
  const select = page.getByTestId(testId);
  // The dialog zooms in; a click during the animation can land on a moving target.
  await select.waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-enter, .ant-zoom-appear'));
  await select.click();
  if (typed) await select.locator('input').fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The performance page: total points and how many records of each kind count (e.g. 获领导批示 → 1). */
async function standing(page: Page): Promise<{ points: number; kinds: Record<string, number> }> {
  await page.goto('/performance');
  const el = page.getByTestId('my-points');
  await el.waitFor();
  const rows = await page.getByTestId('my-by-kind').locator('tbody tr.ant-table-row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => {
      // The 已达上限 tag sits in the label cell; it is not part of the kind's name.
      const c = td.cloneNode(true) as HTMLElement;
      c.querySelectorAll('[data-testid="my-capped"]').forEach((t) => t.remove());
      return (c.textContent ?? '').trim();
    })));
  return { points: Number(await el.textContent()), kinds: Object.fromEntries(rows.map((c) => [c[0], Number(c[1])])) };
}
const KINDS = ['报送社情民意信息', '社情民意信息被采用', '获领导批示'];

let itemId = '';
let memberName = '';
let before: Awaited<ReturnType<typeof standing>>;

beforeAll(async () => {
  browser = await connectBrowser();
  office = await openSession(browser);
  member = await openSession(browser, PHONE);
  leader = await openSession(browser);
  await logIn(office.page, 'dingxi-office');
  await logIn(member.page, 'dingxi-member');
  await logIn(leader.page, 'dingxi-leader');
  memberName = await member.page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { displayName: string } }).user.displayName);
  before = await standing(member.page);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [name, s] of [['office', office], ['member', member], ['leader', leader]] as const) await screenshot(s.page, `social-info-failed-${name}`).catch(() => {});
});
afterAll(async () => {
  await browser?.close();
});

describe('an information officer submits an urgent item; it is edited, merged, signed, released, adopted and instructed', () => {
  test('the office appoints the member as information officer and adds the periodical', async () => {
    const { page } = office;
    await page.goto('/social-info/office');
    await choose(page, 'officer-member', memberName, memberName);
    await button(page, '聘任信息员').click();
    await expect.poll(() => page.getByTestId('officer-table').textContent()).toContain(memberName);

    await page.goto('/social-info/issues');
    await button(page, '新增刊物').click();
    await dialog(page).getByLabel('刊物名称').fill(`社情民意${STAMP}`);
    await dialog(page).getByRole('button', { name: /添\s*加/ }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
  });

  test('the officer submits an urgent item on a phone, with a live character count', async () => {
    const { page } = member;
    await page.goto('/social-info');
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('dialog').getByRole('link', { name: '报送信息' }).click();
    await page.getByRole('heading', { name: '报送社情民意信息' }).waitFor();
    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    // The title brings up similar items beside (on a phone: below) the form; a dropdown opened while
    // they arrive is moved by the new layout and the click on its option lands on a label instead.
    await page.getByTestId('similar-item').first().waitFor();
    await choose(page, 'field-sourceKind', '信息员');
    await page.getByRole('checkbox', { name: '急报' }).check();
    await page.getByLabel('正文', { exact: true }).fill(BODY);
    const chars = BODY.replace(/\s+/g, '').length;
    await expect.poll(() => page.getByTestId('char-count').textContent()).toContain(`${chars} / 1500`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await button(page, '报送').click();
    await expect.poll(() => page.url(), { timeout: 60_000 }).toMatch(/\/social-info\/items\/[0-9a-f-]{36}$/);
    itemId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('info-state').getAttribute('data-state')).toBe('submitted');
    expect(await page.getByTestId('info-urgent').count()).toBe(1);
    expect(await page.getByTestId('info-authors').textContent()).toContain(memberName);
  });

  test('the office screens, accepts and edits it; the diff shows the change beside the original', async () => {
    const { page } = office;
    await page.goto('/social-info?urgent=true');
    const search = page.getByRole('searchbox', { name: '搜索标题、正文（中文）' });
    await search.fill(TITLE);
    await search.press('Enter');
    await page.getByRole('link', { name: TITLE }).click();
    await button(page, '筛选').click();
    await expect.poll(() => page.getByTestId('info-state').getAttribute('data-state')).toBe('screening');
    await button(page, '采编').click();
    await expect.poll(() => page.getByTestId('info-state').getAttribute('data-state')).toBe('editing');

    await button(page, '编辑').click();
    const body = dialog(page).getByLabel('正文', { exact: true });
    await body.fill(BODY.replace(/建议市住建局.*$/, EDITED_LINE));
    await dialog(page).getByLabel('说明').fill('压缩措辞，明确时限');
    await dialog(page).getByRole('button', { name: /编\s*辑/ }).click();
    await expect.poll(() => page.getByTestId('info-body').textContent()).toContain('三日内');
    const diff = page.getByTestId('diff-body');
    await expect.poll(() => diff.locator('[data-op="removed"]').textContent()).toContain('立即开展管网排查抢修');
    await expect.poll(() => diff.locator('[data-op="added"]').textContent()).toContain('三日内完成');
  });

  test('the office merges a similar item into it, choosing among the similar candidates', async () => {
    const { page } = office;
    const similar = await apiPost<{ id: string }>(page, '/api/social-info/items', {
      title: SIMILAR_TITLE, body: SIMILAR_BODY, sourceKind: 'organisation', sourceName: '民盟定西市委会',
    });
    await page.goto(`/social-info/items/${similar.id}`);
    await button(page, '合并').click();
    await dialog(page).getByTestId('merge-candidates').getByText(TITLE).click();
    await dialog(page).getByRole('button', { name: /合\s*并/ }).click();
    await expect.poll(() => page.getByTestId('info-state').getAttribute('data-state')).toBe('merged');
    await page.getByTestId('info-merged-into').click();
    await expect.poll(() => page.url()).toContain(itemId);
  });

  test('the office starts a new issue and sends the item to sign-off in it', async () => {
    const { page } = office;
    await page.goto('/social-info/issues');
    await button(page, '新建一期').click();
    await choose(page, 'field-periodical', `社情民意${STAMP}`);
    await dialog(page).getByRole('button', { name: /新建一期/ }).click();
    await expect.poll(() => page.url(), { timeout: 60_000 }).toMatch(/\/social-info\/issues\/[0-9a-f-]{36}$/);
    const row = page.getByTestId('issue-add-items').getByRole('listitem').filter({ hasText: TITLE });
    await row.getByRole('button', { name: /送\s*签/ }).click();
    await expect.poll(() => page.getByTestId('issue-items').textContent()).toContain(TITLE);
    expect(await page.getByTestId('issue-items').getByTestId('info-urgent').count()).toBe(1);
  });

  test('the leader signs the issue off', async () => {
    const { page } = leader;
    await page.goto('/social-info/issues');
    await page.getByRole('link', { name: new RegExp(`社情民意${STAMP}`) }).first().click();
    await expect.poll(() => page.getByTestId('issue-items').textContent()).toContain(TITLE);
    await button(page, '签发').click();
    await expect.poll(() => page.getByTestId('issue-status').getAttribute('data-status')).toBe('signed');
  });

  test('the office releases the issue, forwards the item and records a provincial adoption and a city instruction', async () => {
    const { page } = office;
    await page.goto('/social-info/issues');
    await page.getByRole('link', { name: new RegExp(`社情民意${STAMP}`) }).first().click();
    await button(page, '印发').click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('issue-status').getAttribute('data-status')).toBe('released');
    await expect.poll(() => page.getByTestId('issue-name').textContent()).toMatch(/第 1 期/);

    await page.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page.getByTestId('info-state').getAttribute('data-state')).toBe('published');
    await button(page, '报送').click();
    await choose(page, 'field-destinations', '省政协');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '市委' }).first().click();
    await dialog(page).locator('.ant-modal-title').click();
    await dialog(page).getByRole('button', { name: /报\s*送/ }).click();
    await expect.poll(() => page.getByTestId('info-forward').count()).toBe(2);

    await button(page, '登记结果').click();
    await dialog(page).getByText('采用', { exact: true }).click();
    await choose(page, 'field-destination', '省政协');
    await dialog(page).getByLabel('采用刊物').fill('甘肃政协信息');
    await dialog(page).getByRole('button', { name: /登记结果/ }).click();
    await expect.poll(() => page.getByTestId('info-forwards').textContent()).toContain('《甘肃政协信息》');

    await button(page, '登记结果').click();
    await dialog(page).getByText('批示', { exact: true }).click();
    await choose(page, 'field-destination', '市委');
    await dialog(page).getByLabel('批示领导').fill('王市长');
    await dialog(page).getByText('市级领导', { exact: true }).click();
    await dialog(page).getByLabel('内容').fill('请市住建局牵头，三日内解决，结果报市政府。');
    await dialog(page).getByRole('button', { name: /登记结果/ }).click();
    await expect.poll(() => page.getByTestId('info-forwards').textContent()).toContain('王市长（市级领导）');
    expect(office.pageErrors).toEqual([]);
    expect(leader.pageErrors).toEqual([]);
  });

  test('the author sees the whole trail and the points on the performance page', async () => {
    const { page } = member;
    await page.goto('/social-info');
    await page.getByRole('link', { name: TITLE }).click();
    const trail = page.getByTestId('info-timeline');
    await expect.poll(() => trail.textContent()).toContain('王市长（市级领导）批示');
    const text = (await trail.textContent()) ?? '';
    for (const step of ['报送信息', '进入筛选', '采编，进入编辑', '编辑修改了文字', '送领导签发', `刊发于《社情民意${STAMP}》`, '报送 省政协、市委', '省政协采用（《甘肃政协信息》）']) {
      expect(text).toContain(step);
    }
    await expect.poll(() => page.getByTestId('diff-body').locator('[data-op="added"]').textContent()).toContain('三日内完成');

    // The credits arrive as duty.recorded events (published, adopted, instructed at city level): one more record of each kind.
    const after = await standing(page);
    for (const kind of KINDS) expect(after.kinds[kind] ?? 0, kind).toBe((before.kinds[kind] ?? 0) + 1);
    expect(after.points).toBeGreaterThanOrEqual(before.points);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(member.pageErrors).toEqual([]);
  });
});
