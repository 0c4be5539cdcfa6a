import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { acceptAssignment, submitProposal } from '../../src/modules/proposals/index.js';
import { returnItem, submitItem } from '../../src/modules/social-info/index.js';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { assigned, callerFor, draft, proposalWorld, released, submitted, WATER, type World } from '../proposals/support.js';

interface Entry { id: string; title: string; link: string; deadline?: string | null; overdue?: boolean }
interface Group { module: string; kind: string; count: number; overdue: number; nextDeadline: string | null; link: string; items: Entry[] }
interface View {
  since: string; firstVisit: boolean;
  pending: Group[]; changes: { kind: string; count: number; items: Entry[] }[];
  progress: { kind: string; label: string; parts: unknown[] }[];
  figures: { module: string; name: string; headline: { label: string; value: unknown }[] }[];
}
interface Hit { id: string; title: { text: string; hit?: true }[]; link: string }
interface SearchAnswer { groups: { module: string; kind: string; total: number; items: Hit[] }[] }

const group = (v: View, kind: string) => v.pending.find((g) => g.kind === kind);
const idsOf = (v: View, kind: string) => group(v, kind)?.items.map((i) => i.id) ?? [];

describe('workbench (工作台) and search across modules', () => {
  let app: FastifyInstance;
  let w: World;
  let other: World;
  const s: Record<'office' | 'clerk' | 'member0' | 'member1' | 'leader' | 'editor', Session> = {} as never;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld();
    other = await proposalWorld();
    const user = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(w.db, w.committeeId, grants)).username);
    s.office = await user([{ role: 'staff', office: 'proposals' }]);
    s.clerk = await user([{ role: 'unit_clerk', unitId: w.unit(WATER) }]);
    s.member0 = await user([{ role: 'member', memberId: w.members[0] }]);
    s.member1 = await user([{ role: 'member', memberId: w.members[1] }]);
    s.leader = await user([{ role: 'leader' }]);
    s.editor = await user([{ role: 'staff', office: 'info' }]);
    ids.submitted = await submitted(w, 1, { title: '关于加强城区学校周边交通安全管理的建议' });
    ids.assigned = await assigned(w, { by: 0 });
    ids.released = await released(w, { by: 0 });
    ids.draft = await draft(w, 0, { title: '关于发展高原夏菜冷链物流的建议' });
    ids.item = await submitItem(w.db, w.member(1), { title: '关于城区老旧小区供水管网改造的反映', body: '部分老旧小区供水管网锈蚀严重，冬季冻裂频发，群众反映强烈。建议纳入改造计划。' });
    ids.returnedItem = await submitItem(w.db, w.member(0), { title: '关于乡村学校冬季取暖的反映', body: '部分乡村学校冬季取暖设施老化，建议更新。' });
    await returnItem(w.db, callerFor(w.committeeId, [{ role: 'staff', office: 'info' }], 'editor'), ids.returnedItem, { reason: '请补充具体学校名称和数据' });
    // Another committee with the same texts: none of it may ever show.
    ids.otherSubmitted = await submitted(other, 1, { title: '关于加强城区学校周边交通安全管理的建议' });
    ids.otherAssigned = await assigned(other, { by: 0 });
    ids.otherItem = await submitItem(other.db, other.member(1), { title: '关于城区老旧小区供水管网改造的反映', body: '部分老旧小区供水管网锈蚀严重，冬季冻裂频发。' });
  });
  afterAll(() => app?.close());

  const home = async (who: Session) => {
    const res = await who.request({ method: 'GET', url: '/api/workbench' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const search = async (who: Session, q: string) => {
    const res = await who.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchAnswer;
  };

  it('the proposals office sees what to review and assign, with links, and nothing of another committee', async () => {
    const v = await home(s.office);
    expect(idsOf(v, 'proposals.to_review')).toContain(ids.submitted);
    expect(group(v, 'proposals.to_review')!.items.find((i) => i.id === ids.submitted)!.link).toBe(`/proposals/${ids.submitted}`);
    expect(group(v, 'proposals.to_review')!.count).toBe(1);
    expect(idsOf(v, 'proposals.to_sign_for')).toEqual([]);
    const all = JSON.stringify(v);
    for (const k of ['otherSubmitted', 'otherAssigned', 'otherItem']) expect(all).not.toContain(ids[k]);
    // Groups with nothing waiting are left out.
    expect(v.pending.every((g) => g.count > 0)).toBe(true);
  });

  it('a unit clerk sees the proposal to sign for (签收) with its deadline; after 签收 it waits to be answered', async () => {
    let v = await home(s.clerk);
    const g = group(v, 'proposals.to_sign_for')!;
    expect(g.items.map((i) => i.id)).toEqual([ids.assigned]);
    expect(g.items[0].deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(g.nextDeadline).toBe(g.items[0].deadline);
    expect(idsOf(v, 'proposals.to_review')).toEqual([]);
    await acceptAssignment(w.db, w.clerk(WATER), ids.assigned);
    v = await home(s.clerk);
    expect(idsOf(v, 'proposals.to_sign_for')).toEqual([]);
    expect(idsOf(v, 'proposals.to_answer')).toEqual([ids.assigned]);
  });

  it('a member sees replies to rate, own drafts and a returned 社情民意 item; another member does not', async () => {
    const v = await home(s.member0);
    expect(idsOf(v, 'proposals.to_rate')).toEqual([ids.released]);
    expect(idsOf(v, 'proposals.drafts')).toEqual([ids.draft]);
    expect(idsOf(v, 'social_info.returned')).toEqual([ids.returnedItem]);
    expect(group(v, 'social_info.returned')!.items[0].link).toBe(`/social-info/items/${ids.returnedItem}`);
    const v1 = await home(s.member1);
    expect(idsOf(v1, 'proposals.to_rate')).toEqual([]);
    expect(idsOf(v1, 'proposals.drafts')).toEqual([]);
    expect(idsOf(v1, 'social_info.returned')).toEqual([]);
  });

  it('the info office sees new items to screen', async () => {
    const v = await home(s.editor);
    expect(idsOf(v, 'social_info.to_screen')).toContain(ids.item);
    expect(idsOf(v, 'social_info.to_screen')).not.toContain(ids.returnedItem);
  });

  it('a leader sees the committee\'s figures (the figures slot\'s headlines)', async () => {
    const v = await home(s.leader);
    const p = v.figures.find((f) => f.module === 'proposals');
    expect(p?.headline.find((h) => h.label === '收到提案')?.value).toBeGreaterThanOrEqual(3);
    expect(v.figures.some((f) => f.module === 'social-info')).toBe(true);
    // Nothing of this to a member.
    expect((await home(s.member0)).figures).toEqual([]);
  });

  it('"what changed" counts from the last visit, which is stored per user and committee', async () => {
    const first = await home(s.member1);
    expect(first.firstVisit).toBe(true);
    const seen = await s.member1.request({ method: 'POST', url: '/api/workbench/visit' });
    expect(seen.statusCode).toBe(200);
    let v = await home(s.member1);
    expect(v.firstVisit).toBe(false);
    expect(v.changes.find((c) => c.kind === 'proposals.changed')).toBeUndefined();
    await submitProposal(w.db, w.member(1), await draft(w, 1, { title: '关于完善社区养老服务设施的建议' }));
    v = await home(s.member1);
    expect(v.changes.find((c) => c.kind === 'proposals.changed')?.count).toBe(1);
  });

  it('one search finds a proposal, a 社情民意 item and a member, highlighted, and nothing of another committee', async () => {
    const r = await search(s.office, '供水');
    const byKind = Object.fromEntries(r.groups.map((g) => [g.kind, g]));
    expect(byKind.proposals.items.map((i) => i.id)).toContain(ids.assigned);
    expect(byKind.social_info.items.map((i) => i.id)).toContain(ids.item);
    expect(byKind.social_info.items[0].title.some((seg) => seg.hit && seg.text.includes('供水'))).toBe(true);
    const names = await search(s.office, '张明');
    expect(names.groups.find((g) => g.kind === 'members')!.items.map((i) => i.id)).toEqual([w.members[0]]);
    const all = JSON.stringify([r, names]);
    for (const id of [ids.otherSubmitted, ids.otherAssigned, ids.otherItem, ...other.members]) expect(all).not.toContain(id);
  });

  it('search shows only what the caller may read, as each module\'s list does', async () => {
    // member1 may not read member0's draft nor member0's returned item; the office may not read drafts either.
    const m1 = await search(s.member1, '冷链物流');
    expect(m1.groups.find((g) => g.kind === 'proposals')!.items).toEqual([]);
    const mine = await search(s.member0, '冷链物流');
    expect(mine.groups.find((g) => g.kind === 'proposals')!.items.map((i) => i.id)).toEqual([ids.draft]);
    expect((await search(s.office, '冷链物流')).groups.find((g) => g.kind === 'proposals')!.items).toEqual([]);
    const items = await search(s.member1, '取暖');
    expect(items.groups.find((g) => g.kind === 'social_info')!.items).toEqual([]);
    // A unit clerk may not read the member list: no members group at all.
    expect((await search(s.clerk, '张明')).groups.some((g) => g.kind === 'members')).toBe(false);
  });

  it('an empty query is a 400 in the caller\'s language', async () => {
    const res = await s.office.request({ method: 'GET', url: '/api/search?q=%20' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });
});
