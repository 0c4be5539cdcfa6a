import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createCommittee } from '../../src/modules/org/index.js';
import { testApp } from '../support/app.js';
import { makeUser, uniq } from '../support/factories.js';
import { loginAs } from '../support/app.js';
import { DEMAND, demandWorld } from './support.js';

describe('duplicate demands and the figures', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('the same matter from several people is found together by token similarity; an unrelated one is not', async () => {
    const w = await demandWorld(app);
    const post = async (matter: string, details: string) => (await w.office.request({ method: 'POST', url: '/api/demands', payload: { ...DEMAND, matter, details } })).json();
    const a = await post('中川村村道损坏需要硬化', '村道雨天泥泞，希望尽快硬化村道。');
    const b = await post('请求硬化中川村的村道', '下雨村道泥泞难走，孩子上学不方便，请求硬化。');
    const c = await post('村道硬化问题', '中川村村道损坏严重，雨天泥泞。');
    const other = await post('村卫生室缺少降压药', '老人买药要去镇上，希望卫生室配齐常用药。');
    const similar = (await w.office.request({ method: 'GET', url: `/api/demands/${a.id}/similar` })).json() as { similarity: number; demand: { id: string; person: { phone: string } } }[];
    const ids = similar.map((s) => s.demand.id);
    expect(ids).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(ids).not.toContain(other.id);
    expect(ids).not.toContain(a.id);
    expect(similar.every((s) => s.similarity >= 0.35 && s.similarity <= 1)).toBe(true);
    // Masked here too.
    expect(similar[0].demand.person.phone).toBe('138****1234');
    // A clerk who sees none of them gets 404 for the demand, and nothing similar.
    expect((await w.clerk.request({ method: 'GET', url: `/api/demands/${a.id}/similar` })).statusCode).toBe(404);
  });

  it('figures by source, kind, state and time to answer, for the committee or its tree', async () => {
    const w = await demandWorld(app);
    // A county below the city, with its own demands.
    const countyCode = uniq('county');
    const countyId = await createCommittee(w.db, { userId: null, label: 'test' }, { code: countyCode, name: `测试县政协${countyCode}`, shortName: countyCode, level: 'county', parentCode: w.code });
    const countyOffice = await loginAs(app, (await makeUser(w.db, countyId, [{ role: 'staff', office: 'general' }])).username);
    const ids: string[] = [];
    for (const channel of ['reception', 'reception', 'phone'] as const) ids.push((await w.office.request({ method: 'POST', url: '/api/demands', payload: { ...DEMAND, channel } })).json().id);
    await w.office.request({ method: 'POST', url: `/api/demands/${ids[0]}/answer-on-spot`, payload: { answer: '已答复' } });
    await w.office.request({ method: 'POST', url: `/api/demands/${ids[1]}/decline`, payload: { reason: '信访事项', redirectTo: '信访局' } });
    await countyOffice.request({ method: 'POST', url: '/api/demands', payload: { ...DEMAND, channel: 'field', kind: '产业发展' } });

    const self = (await w.leader.request({ method: 'GET', url: '/api/figures/demands/demands?scope=self' })).json();
    expect(self).toMatchObject({ committees: 1, total: 3, answered: 1 });
    expect(self.bySource).toEqual([{ channel: 'reception', count: 2 }, { channel: 'phone', count: 1 }]);
    expect(self.byKind).toEqual([{ kind: '基础设施', count: 3 }]);
    expect(self.byState).toEqual(expect.arrayContaining([{ state: 'answered', count: 1 }, { state: 'declined', count: 1 }, { state: 'received', count: 1 }]));
    expect(self.meanDaysToAnswer).toBeGreaterThanOrEqual(0);
    const tree = (await w.leader.request({ method: 'GET', url: '/api/figures/demands/demands?scope=tree' })).json();
    expect(tree).toMatchObject({ committees: 2, total: 4 });
    expect(tree.byKind).toEqual([{ kind: '基础设施', count: 3 }, { kind: '产业发展', count: 1 }]);
    // Members do not read figures.
    expect((await w.member.request({ method: 'GET', url: '/api/figures/demands/demands?scope=self' })).statusCode).toBe(403);
  });
});
