import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createMember } from '../src/modules/org/index.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

/**
 * The input edge (platform/http/input.ts, platform/schema.ts): the bad inputs a probe against the
 * demo turned into 500s each get a 400 that names the field, in the caller's language.
 */
const db = () => testDatabase().db;
const actor = { userId: null, label: 'test' };

describe('the input edge refuses bad input with a 400 naming the field', () => {
  let app: FastifyInstance;
  let staff: Session;
  let memberId: string;

  beforeAll(async () => {
    app = await testApp();
    const c = await makeCommittee(db());
    memberId = (await createMember(db(), actor, c.id, { name: '边界委员', gender: 'female' } as never)).id;
    const u = await makeUser(db(), c.id, [
      { role: 'staff', office: 'proposals' }, { role: 'staff', office: 'info' }, { role: 'staff', office: 'member_affairs' }, { role: 'staff', office: 'general' },
    ]);
    staff = await loginAs(app, u.username);
  });
  afterAll(() => app?.close());

  const expectBadText = (res: { statusCode: number; json(): any }, field: string) => {
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('request.bad_text');
    expect(body.error.requestId).toBeTruthy();
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(body.error.message).toContain(field);
  };

  it('a NUL byte in a search query: lists and .xlsx exports', async () => {
    for (const url of [
      '/api/proposals?q=%00', '/api/members?q=a%00b', '/api/units?q=%00', '/api/social-info/items?q=%00',
      '/api/proposals/export.xlsx?q=%00', '/api/members/export.xlsx?q=%00',
    ]) {
      const res = await staff.request({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expectBadText(res, 'querystring.q');
      expect(res.json().error.message).toContain('空字符');
    }
    const en = await staff.request({ method: 'GET', url: '/api/proposals?q=%00', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toMatch(/NUL character/);
  });

  it('a lone surrogate or NUL in a 社情民意 title; a surrogate pair (emoji) is fine', async () => {
    const body = { title: '关于\ud800取暖', body: '近期走访发现，部分农村留守老人仍使用土炉取暖。', sourceKind: 'organisation', sourceName: '民盟' };
    const lone = await staff.request({ method: 'POST', url: '/api/social-info/items', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expectBadText(lone, 'body.title');
    expect(lone.json().error.message).toContain('代理项');
    const nul = await staff.request({ method: 'POST', url: '/api/social-info/items', payload: { ...body, title: '关于\u0000取暖' } });
    expectBadText(nul, 'body.title');
    const ok = await staff.request({ method: 'POST', url: '/api/social-info/items', payload: { ...body, title: '关于取暖🔥问题' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().title).toBe('关于取暖🔥问题');
  });

  it('strings are stored in NFC', async () => {
    const decomposed = '关于Cafe\u0301的建议';
    const res = await staff.request({ method: 'POST', url: '/api/social-info/items', payload: { title: decomposed, body: '近期走访发现，部分农村留守老人仍使用土炉取暖。', sourceKind: 'organisation', sourceName: '民盟' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().title).toBe('关于Caf\u00e9的建议');
  });

  it('impossible dates in duty records and activities: 400 naming the field, in zh and en', async () => {
    const record = { kind: 'investment', title: '赴深圳开展招商推介', memberIds: [memberId] };
    for (const occurredOn of ['2026-02-30', '0000-01-01', '2026-13-01', '1800-01-01']) {
      const res = await staff.request({ method: 'POST', url: '/api/performance/records', payload: { ...record, occurredOn } });
      expect(res.statusCode, `${occurredOn}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('request.invalid');
      expect(res.json().error.details[0].field).toBe('body.occurredOn');
    }
    const en = await staff.request({ method: 'POST', url: '/api/performance/records', payload: { ...record, occurredOn: '2026-02-30' }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.details[0].message).toBe('2026-02-30 is not a date that exists');
    const zh = await staff.request({ method: 'POST', url: '/api/performance/records', payload: { ...record, occurredOn: '2026-02-30' } });
    expect(zh.json().error.details[0].message).toBe('2026-02-30 不是有效的日期');
    const leap = await staff.request({ method: 'POST', url: '/api/performance/records', payload: { ...record, occurredOn: '2024-02-29' } });
    expect(leap.statusCode, leap.body).toBe(201);

    const activity = { type: 'plenary', title: '政协第五届委员会第四次会议', halfDays: 1, inviteeIds: [memberId] };
    for (const startsAt of ['2026-02-30T09:00:00+08:00', '0000-01-10T09:00:00+08:00', '9999-01-10T09:00:00+08:00']) {
      const res = await staff.request({ method: 'POST', url: '/api/performance/activities', payload: { ...activity, startsAt } });
      expect(res.statusCode, `${startsAt}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.startsAt');
    }
  });

  it('evidence links: http(s) only', async () => {
    const record = { kind: 'investment', title: '赴深圳开展招商推介', occurredOn: '2026-03-15', memberIds: [memberId] };
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'not a url']) {
      const res = await staff.request({ method: 'POST', url: '/api/performance/records', payload: { ...record, evidence: [{ name: '链接', url }] } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.evidence.0.url');
    }
    const ok = await staff.request({ method: 'POST', url: '/api/performance/records', payload: { ...record, evidence: [{ name: '报道', url: 'https://news.example.cn/a?id=1' }] } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('malformed multipart bodies get a 400, an over-limit part a 413', async () => {
    const boundary = '----xsboundary';
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello`;
    for (const payload of [cut, `--${boundary}\r\nbroken header line\r\n\r\nx\r\n--${boundary}--`, 'not multipart at all']) {
      for (const url of ['/api/attachments', '/api/members/import']) {
        const res = await staff.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
        expect(res.statusCode, `${url}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
        expect(res.json().error.code).toBeTruthy();
      }
    }
    const noBoundary = await staff.request({ method: 'POST', url: '/api/attachments', payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBeLessThan(500);
  });

  it('each route caps its body by what its schema takes: a 413 in the error shape, zh and en', async () => {
    // /api/auth/language takes one short field: its cap is the floor (64 KB), far below the 2 MB ceiling.
    const big = JSON.stringify({ lang: 'zh', pad: 'x'.repeat(100 * 1024) });
    const zh = await staff.request({ method: 'POST', url: '/api/auth/language', payload: big, headers: { 'content-type': 'application/json' } });
    expect(zh.statusCode, zh.body).toBe(413);
    expect(zh.json().error).toMatchObject({ code: 'request.body_too_large', message: '请求内容过大：此接口最多接受 64 KB' });
    expect(zh.json().error.requestId).toBeTruthy();
    const en = await staff.request({ method: 'POST', url: '/api/auth/language', payload: big, headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('The request body is too large: this endpoint takes at most 64 KB');
    // The same 100 KB is a normal size for a proposal (20,000 characters, sent \u-escaped), so it is
    // not refused for its size there: the schema's own rules answer.
    const proposal = JSON.stringify({ title: '关于加强社区养老服务的建议', body: '社'.repeat(20000) }).replace(/[\u4e00-\u9fff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    expect(proposal.length).toBeGreaterThan(100 * 1024);
    const p = await staff.request({ method: 'POST', url: '/api/proposals', payload: proposal, headers: { 'content-type': 'application/json' } });
    expect(p.statusCode, p.body).not.toBe(413);
    expect(p.statusCode).toBeLessThan(500);
  });

  it('a member import over its own 10 MB cap is a 413 in the error shape', async () => {
    const boundary = '----xsbig';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const payload = Buffer.concat([Buffer.from(head), Buffer.alloc(10 * 1024 * 1024 + 1024, 1), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await staff.request({ method: 'POST', url: '/api/members/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
  });

  it('values the database refuses (class 22) are a 400 without SQL in the body', async () => {
    // Page numbers far past any table: the offset overflows bigint in PostgreSQL.
    const res = await staff.request({ method: 'GET', url: '/api/members?page=99999999999999999999' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(/select|bigint|sqlstate.*:/i);
  });
});
