import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, fileProposal, submitProposal } from '../../src/modules/proposals/index.js';
import { EVAL_DOCS } from '../../src/modules/proposals/eval/documents.js';
import { highlight, markRanges, parseSearch, snippet } from '../../src/modules/proposals/queries/list-search.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { proposalWorld, type World } from './support.js';

type Seg = { text: string; hit?: true };
type Item = { id: string; title: string; firstSigner: string | null; highlight?: { title: Seg[]; snippet: Seg[] | null; firstSigner: Seg[] | null } };
const hits = (segs: Seg[] | null | undefined) => (segs ?? []).filter((s) => s.hit).map((s) => s.text);

describe('full-text search terms and highlighting (pure)', () => {
  it('cuts a query into jieba words as tokens are made, requiring the sub-words of a long word', () => {
    const [t] = parseSearch('乡村教师');
    expect(t.required).toEqual(expect.arrayContaining(['乡村', '教师']));
    expect(t.marks).toContain('乡村教师');
    // Boilerplate and single characters have no content word: they fall back to a substring.
    expect(parseSearch('建设')[0].required).toEqual([]);
    expect(parseSearch('马铃薯  马铃薯，种薯').map((x) => x.text)).toEqual(['马铃薯', '种薯']);
  });

  it('marks the longest match, merges neighbours and keeps the original characters (full width, case)', () => {
    expect(highlight('关于马铃薯种薯的建议', ['马铃薯', '种薯'])).toEqual([
      { text: '关于' }, { text: '马铃薯种薯', hit: true }, { text: '的建议' },
    ]);
    expect(markRanges('推进５Ｇ基站建设', ['5g'])).toEqual([[2, 4]]);
    expect(highlight('没有匹配', ['马铃薯'])).toEqual([{ text: '没有匹配' }]);
  });

  it('cuts a snippet around the hits with ellipses', () => {
    const body = '一'.repeat(200) + '脱毒种薯覆盖率不足六成' + '二'.repeat(200);
    const s = snippet(body, ['脱毒', '种薯'])!;
    expect(s[0].text).toBe('…');
    expect(s[s.length - 1].text).toBe('…');
    expect(hits(s)).toEqual(['脱毒种薯']);
    expect(snippet(body, ['马铃薯'])).toBeNull();
  });
});

describe('GET /api/proposals?q= — full-text search over title, body and proposers', () => {
  let app: FastifyInstance;
  let w: World;
  let office: Session, outsider: Session, author: Session;

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 0 });
    office = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'proposals' }])).username);
    author = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[2] }])).username);
    const other = await proposalWorld({ units: 0 });
    outsider = await loginAs(app, (await makeUser(w.db, other.committeeId, [{ role: 'staff', office: 'proposals' }])).username);
    // The labelled set's texts: members 3 and 4 file them in turn; member 2 keeps one as a draft.
    for (const [i, d] of EVAL_DOCS.slice(0, 24).entries()) {
      const by = 3 + (i % 2);
      const id = await createDraft(w.db, w.member(by), { title: d.title, body: d.body, category: '其他' });
      await submitProposal(w.db, w.member(by), id);
      await fileProposal(w.db, w.office, id);
    }
    await createDraft(w.db, w.member(2), { title: '关于马铃薯主粮化的建议', body: '马铃薯主粮化草稿', category: '农业农村' });
    // The same texts in another committee must never show here.
    await createDraft(other.db, other.member(0), { title: EVAL_DOCS[0].title, body: EVAL_DOCS[0].body, category: '其他' });
  });
  afterAll(() => app?.close());

  const search = async (s: Session, q: string, extra = '') => {
    const res = await s.request({ method: 'GET', url: `/api/proposals?q=${encodeURIComponent(q)}${extra}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };

  it('finds by words of the body, ranks title matches first, and marks the words in title and snippet', async () => {
    const r = await search(office, '脱毒种薯');
    const potato = EVAL_DOCS.filter((d) => d.matter === 'potato.seed').map((d) => d.title);
    expect(r.total).toBeGreaterThanOrEqual(1);
    expect(potato).toContain(r.items[0].title);
    const h = r.items[0].highlight!;
    expect(h.title.map((s) => s.text).join('')).toBe(r.items[0].title);
    expect([...hits(h.title), ...hits(h.snippet)].join('')).toMatch(/脱毒|种薯/);
    // Every result holds both words somewhere in its text.
    for (const it of r.items) expect(EVAL_DOCS.find((d) => d.title === it.title)!.title + EVAL_DOCS.find((d) => d.title === it.title)!.body).toMatch(/种薯/);
  });

  it('requires every term (AND) and finds nothing for an absent word', async () => {
    const both = await search(office, '当归 追溯');
    expect(both.items.map((i) => i.title)).toContain('关于建立中药材质量追溯体系的建议');
    for (const it of both.items) {
      const d = EVAL_DOCS.find((x) => x.title === it.title)!;
      expect(d.title + d.body).toMatch(/当归/);
      expect(d.title + d.body).toMatch(/追溯/);
    }
    expect((await search(office, '当归 电梯')).total).toBe(0);
    expect((await search(office, '航天发射')).total).toBe(0);
  });

  it('finds the proposals of a proposer by name, and marks the name', async () => {
    const r = await search(office, '刘洋');
    expect(r.total).toBe(12);
    expect(r.items.every((i) => i.firstSigner === '刘洋')).toBe(true);
    expect(hits(r.items[0].highlight!.firstSigner)).toEqual(['刘洋']);
  });

  it('combines with filters and paging; boilerplate-only terms fall back to the title', async () => {
    const page = await search(office, '建议', '&pageSize=5&page=2');
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    expect((await search(office, '马铃薯', '&state=submitted')).total).toBe(0);
  });

  it('keeps visibility: drafts only for their author, nothing of another committee', async () => {
    expect((await search(office, '主粮化')).total).toBe(0);
    expect((await search(author, '主粮化')).total).toBe(1);
    expect((await search(outsider, '脱毒种薯')).total).toBe(0);
  });

  it('answers an over-long query with 400, not a 500', async () => {
    const res = await office.request({ method: 'GET', url: `/api/proposals?q=${encodeURIComponent('马'.repeat(61))}` });
    expect(res.statusCode).toBe(400);
  });
});
