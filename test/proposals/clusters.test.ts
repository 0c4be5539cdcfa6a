import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlenarySession } from '../../src/modules/org/index.js';
import { createDraft, fileProposal, mergeProposal, rejectProposal, submitProposal } from '../../src/modules/proposals/index.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from '../../src/modules/proposals/domain/matching.js';
import { sessionClusters, type SessionClusters } from '../../src/modules/proposals/queries/session-clusters.js';
import { DEMO_TOPICS, type DemoTopic } from '../../src/modules/proposals/seed/demo-topics.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { proposalWorld, stateOf, type World } from './support.js';

/** A demo-like proposal text (as seed/demo.ts writes them): title variant, three parts from the topic's fragments. */
function demoText(topic: DemoTopic, i: number) {
  const at = <T>(xs: readonly T[], k: number) => xs[k % xs.length];
  return {
    title: at(topic.titles, i),
    body: `一、基本情况\n${at(topic.situation, i)}${at(topic.situation, i + 1)}\n二、问题分析\n${at(topic.analysis, i)}\n三、具体建议\n${at(topic.suggestions, i + 1)}`,
    category: topic.category,
  };
}

const topic = (key: string) => DEMO_TOPICS.find((t) => t.key === key)!;

describe('GET /api/proposals/clusters: clusters of the same matter across a session', () => {
  let app: FastifyInstance;
  let w: World;
  let office: Session, member: Session, clerk: Session;
  let otherSession: string;
  const ids: Record<string, string> = {};

  const submit = async (by: number, text: ReturnType<typeof demoText>, sessionId = w.sessionId) => {
    const id = await createDraft(w.db, w.member(by), { ...text, sessionId });
    await submitProposal(w.db, w.member(by), id);
    return id;
  };
  const clusters = async (s: Session, sessionId = w.sessionId) => s.request({ method: 'GET', url: `/api/proposals/clusters?sessionId=${sessionId}` });

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 3 });
    const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) => loginAs(app, (await makeUser(w.db, committeeId, grants)).username);
    office = await login([{ role: 'staff', office: 'proposals' }]);
    member = await login([{ role: 'member', memberId: w.members[0] }]);
    clerk = await login([{ role: 'unit_clerk', unitId: [...w.units.values()][0] }]);
    const other = await proposalWorld({ units: 0 });
    otherSession = other.sessionId;

    // 农村饮水: a filed master and two open ones of the same matter.
    ids.waterMaster = await submit(0, demoText(topic('water'), 0));
    await fileProposal(w.db, w.office, ids.waterMaster);
    ids.water1 = await submit(1, demoText(topic('water'), 1));
    ids.water2 = await submit(2, demoText(topic('water'), 2));
    // 马铃薯: two open ones, nothing filed yet.
    ids.potato0 = await submit(3, demoText(topic('potato'), 0));
    ids.potato1 = await submit(4, demoText(topic('potato'), 1));
    // Not candidates: a draft, a proposal not filed, one already merged; one of another session.
    ids.waterDraft = await createDraft(w.db, w.member(5), demoText(topic('water'), 1));
    ids.waterRejected = await submit(5, demoText(topic('water'), 2));
    await rejectProposal(w.db, w.office, ids.waterRejected, { reasonCode: 'personal' });
    ids.waterMerged = await submit(5, demoText(topic('water'), 0));
    await mergeProposal(w.db, w.office, ids.waterMerged, { masterId: ids.waterMaster });
    const later = await addPlenarySession(w.db, { userId: null, label: 'test' }, w.committeeId, w.committee.termId, { number: 4, name: '第五届委员会第四次会议', startDate: '2026-01-10' });
    ids.waterLater = await submit(1, demoText(topic('water'), 2), later);
    // A singleton of another matter.
    ids.teachers = await submit(2, demoText(topic('teachers'), 0));
    // Two filed proposals of one matter and nothing open to merge: no group (masters are not linked to each other).
    for (const k of [0, 1]) {
      ids[`elder${k}`] = await submit(3 + k, demoText(topic('eldercare'), 0));
      await fileProposal(w.db, w.office, ids[`elder${k}`]);
    }
  }, 120_000);
  afterAll(() => app?.close());

  it('groups open proposals with their filed master, suggests the master, omits singletons, largest first', async () => {
    const res = await clusters(office);
    expect(res.statusCode).toBe(200);
    const body = res.json() as SessionClusters;
    expect(body.session).toEqual({ id: w.sessionId, name: '第五届委员会第三次会议' });
    expect(body.threshold).toBe(DEFAULT_DUPLICATE_THRESHOLD);
    // The session's open proposals and filed masters only.
    expect(body.compared).toBe(8);
    expect(body.clusters.map((c) => c.items.map((i) => i.id).sort())).toEqual([
      [ids.waterMaster, ids.water1, ids.water2].sort(),
      [ids.potato0, ids.potato1].sort(),
    ]);
    const [water, potato] = body.clusters;
    expect(water.masterId).toBe(ids.waterMaster);
    expect(water.masterFiled).toBe(true);
    expect(water.items[0]).toMatchObject({ id: ids.waterMaster, isMaster: true, canBeMaster: true, canMerge: false, score: 1, state: 'filed', stateLabel: '已立案' });
    expect(water.items[0].numberLabel).toMatch(/^第\d+号$/);
    expect(water.items[1]).toMatchObject({ isMaster: false, canMerge: true, numberLabel: null, state: 'submitted' });
    expect(water.items[1].proposers.length).toBe(1);
    expect(water.items[1].score).toBeGreaterThanOrEqual(water.items[2].score);
    // No filed one: the earliest submitted is suggested, and it must be filed before merging into it.
    expect(potato.masterId).toBe(ids.potato0);
    expect(potato.masterFiled).toBe(false);
  });

  it('scores as the merge candidates do (the same scorer and threshold)', async () => {
    const body = (await clusters(office)).json() as SessionClusters;
    for (const c of body.clusters) {
      const res = await office.request({ method: 'GET', url: `/api/proposals/${c.masterId}/similar?limit=50` });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const similar = res.json() as { threshold: number; items: { id: string; score: number }[] };
      expect(similar.threshold).toBe(body.threshold);
      for (const item of c.items.filter((i) => !i.isMaster)) {
        expect(item.score, item.title).toBe(similar.items.find((s) => s.id === item.id)?.score);
        expect(item.score).toBeGreaterThanOrEqual(body.threshold);
      }
    }
  });

  it('defaults to the current session; office staff only; another committee\'s session is 404; a bad id 400', async () => {
    const cur = await office.request({ method: 'GET', url: '/api/proposals/clusters' });
    expect(cur.statusCode).toBe(200);
    expect((cur.json() as SessionClusters).session?.name).toBe('第五届委员会第四次会议');
    expect((cur.json() as SessionClusters).clusters).toEqual([]);
    expect((await clusters(member)).statusCode).toBe(403);
    expect((await clusters(clerk)).statusCode).toBe(403);
    const foreign = await clusters(office, otherSession);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('proposal.cluster_session_not_found');
    expect((await clusters(office, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('a proposal merged into the suggested master (the existing 并案 route) leaves its cluster', async () => {
    const res = await office.request({ method: 'POST', url: `/api/proposals/${ids.water1}/merge`, payload: { masterId: ids.waterMaster } });
    expect(res.statusCode).toBe(200);
    expect(await stateOf(w.db, ids.water1)).toBe('merged');
    const body = (await clusters(office)).json() as SessionClusters;
    const water = body.clusters.find((c) => c.masterId === ids.waterMaster)!;
    expect(water.items.map((i) => i.id).sort()).toEqual([ids.waterMaster, ids.water2].sort());
    // Merging into an unfiled suggested master is refused by the command (409), not hidden.
    const refused = await office.request({ method: 'POST', url: `/api/proposals/${ids.potato1}/merge`, payload: { masterId: ids.potato0 } });
    expect(refused.statusCode).toBe(409);
  });

  it('keeps two filed masters of one matter in one group, so the office may choose either', async () => {
    const sessionId = await addPlenarySession(w.db, { userId: null, label: 'test' }, w.committeeId, w.committee.termId, { number: 6, name: '第五届委员会第六次会议', startDate: '2028-01-10' });
    const a = await submit(0, demoText(topic('doctors'), 0), sessionId);
    const b = await submit(1, demoText(topic('doctors'), 1), sessionId);
    for (const id of [a, b]) await fileProposal(w.db, w.office, id);
    const open = await submit(2, demoText(topic('doctors'), 2), sessionId);
    const body = (await clusters(office, sessionId)).json() as SessionClusters;
    expect(body.clusters).toHaveLength(1);
    expect(body.clusters[0].items.filter((i) => i.canBeMaster).map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(body.clusters[0].items.find((i) => i.id === open)?.canMerge).toBe(true);
  });

  it('clusters a session of ~300 demo-like proposals in one pass, by matter', async () => {
    const sessionId = await addPlenarySession(w.db, { userId: null, label: 'test' }, w.committeeId, w.committee.termId, { number: 5, name: '第五届委员会第五次会议', startDate: '2027-01-10' });
    const topicOf = new Map<string, string>();
    let made = 0;
    for (const t of DEMO_TOPICS) {
      const n = Math.round(t.count * 1.3);
      for (let i = 0; i < n; i++) {
        const id = await submit(made % 6, demoText(t, i), sessionId);
        topicOf.set(id, t.key);
        // Every topic's first proposal is filed: the master the others could join.
        if (i === 0) await fileProposal(w.db, w.office, id);
        made++;
      }
    }
    expect(made).toBeGreaterThanOrEqual(280);
    const caller = { committeeId: w.committeeId, actor: { userId: null, label: 'test' }, grants: [{ role: 'staff' as const, office: 'proposals' as const }], admin: false };
    await sessionClusters(w.db, caller, sessionId); // warm
    // One pass, not a query per proposal: count the statements a warm call issues. (A duration
    // limit here failed on a loaded machine; the count does not depend on the machine.)
    let statements = 0;
    const counting = new Proxy(w.db, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function' || !['execute', 'select', 'selectDistinct', 'transaction'].includes(String(key))) return value;
        return (...args: unknown[]) => {
          statements++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    await sessionClusters(counting, caller, sessionId);
    const times: number[] = [];
    let result!: SessionClusters;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      result = await sessionClusters(w.db, caller, sessionId);
      times.push(performance.now() - t0);
    }
    const t0 = performance.now();
    const http = await clusters(office, sessionId);
    const httpMs = performance.now() - t0;
    expect(http.statusCode).toBe(200);
    const clustered = result.clusters.flatMap((c) => c.items);
    // Purity: the share of clustered proposals whose matter is their cluster's most common one.
    const pure = result.clusters.reduce((s, c) => {
      const counts = new Map<string, number>();
      for (const i of c.items) counts.set(topicOf.get(i.id)!, (counts.get(topicOf.get(i.id)!) ?? 0) + 1);
      return s + Math.max(...counts.values());
    }, 0);
    const median = [...times].sort((a, b) => a - b)[2];
    console.log(`clusters of ${result.compared} proposals: ${result.clusters.length} clusters, ${clustered.length} clustered, ` +
      `largest ${result.clusters[0]?.items.length}, purity ${(pure / clustered.length).toFixed(3)}; ` +
      `${statements} statements, query median ${median.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join('/')}), over HTTP ${httpMs.toFixed(0)} ms`);
    expect(result.compared).toBe(made);
    expect(result.clusters.length).toBeGreaterThanOrEqual(DEMO_TOPICS.length / 2);
    expect(pure / clustered.length).toBeGreaterThan(0.95);
    // Filed masters are suggested wherever a cluster has one; clusters come largest first.
    for (const c of result.clusters) {
      if (c.items.some((i) => i.canBeMaster)) expect(c.masterFiled).toBe(true);
      expect(c.items.some((i) => i.canMerge)).toBe(true);
    }
    expect(result.clusters.map((c) => c.items.length)).toEqual([...result.clusters.map((c) => c.items.length)].sort((a, b) => b - a));
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(8);
  }, 300_000);
});
