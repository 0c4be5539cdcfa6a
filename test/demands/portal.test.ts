import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { solveChallenge } from '../../src/modules/demands/index.js';
import { testApp } from '../support/app.js';
import { auditOf, demandWorld, multipart, PNG, submitPublic } from './support.js';

const FORM = { kind: '教育医疗', matter: '村卫生室缺少常用药品', details: '村卫生室经常没有降压药，老人要去镇上买。', placeText: '通渭县平襄镇', personName: '欧阳娜', personPhone: '13987654321' };

describe('the public demand page: challenge, photos, tracking code, no personal data out', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp({ DEMANDS_PUBLIC_RATE_LIMIT: '100000' }); });
  afterAll(() => app?.close());

  it('a person uploads a photo and submits with a solved challenge; the office sees the demand with the photo; the code shows no personal data', async () => {
    const w = await demandWorld(app);
    const form = (await app.inject({ method: 'GET', url: `/api/public/${w.code}/demand-form` })).json();
    expect(form).toMatchObject({ committeeName: expect.stringContaining('测试政协'), kinds: expect.arrayContaining(['教育医疗']), bits: 16, maxPhotos: 3 });
    const up = await app.inject({ method: 'POST', url: `/api/public/${w.code}/photos`, ...multipart('IMG_0001.PNG', PNG) });
    expect(up.statusCode).toBe(201);
    const photo = up.json();
    expect(photo).toMatchObject({ mime: 'image/png', receipt: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });

    const res = await app.inject({
      method: 'POST', url: `/api/public/${w.code}/demands`,
      payload: { ...FORM, challenge: form.challenge, solution: solveChallenge(form.challenge, form.bits), photos: [{ id: photo.id, receipt: photo.receipt }] },
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    expect(Object.keys(res.json())).toEqual(['trackingCode']);
    expect(trackingCode).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{12}$/);

    // The same solved challenge buys one demand only.
    const replay = await app.inject({ method: 'POST', url: `/api/public/${w.code}/demands`, payload: { ...FORM, challenge: form.challenge, solution: solveChallenge(form.challenge, form.bits) } });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('demand.challenge_used');

    const list = (await w.office.request({ method: 'GET', url: '/api/demands?channel=online' })).json();
    expect(list.items).toEqual([expect.objectContaining({ trackingCode, channel: 'online', person: { name: '欧**', phone: '139****4321', idNo: null } })]);
    const d = (await w.office.request({ method: 'GET', url: `/api/demands/${list.items[0].id}` })).json();
    expect(d.photos).toEqual([expect.objectContaining({ id: photo.id, mime: 'image/png' })]);
    expect((await w.office.request({ method: 'GET', url: `/api/attachments/${photo.id}` })).statusCode).toBe(200);
    // A member who does not handle it cannot read its photo.
    expect((await w.member.request({ method: 'GET', url: `/api/attachments/${photo.id}` })).statusCode).toBe(404);

    const track = await app.inject({ method: 'GET', url: `/api/public/track/${trackingCode}` });
    expect(track.json()).toMatchObject({ state: 'received', stateLabel: '已受理', answer: null, mayRate: false });
    for (const secret of ['欧阳娜', '13987654321', '4321', FORM.matter, FORM.placeText, photo.id]) expect(track.body).not.toContain(secret);
    // Rating before an answer is refused; an unknown code is a 404 with a message, a malformed one a 400.
    expect((await app.inject({ method: 'POST', url: `/api/public/track/${trackingCode}/rating`, payload: { rating: 4 } })).statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: '/api/public/track/3333333333AB' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/public/track/0OIL' })).statusCode).toBe(400);

    const audit = await auditOf(w.db, w.committeeId, list.items[0].id);
    expect(audit[0]).toMatchObject({ action: 'demand.submit', actor_label: 'anonymous', after: { channel: 'online', person: { name: '欧**', phone: '139****4321', idNo: null } } });
  });

  it('refuses unsolved, forged, expired-looking and other committees\' challenges, bad photo receipts, and files that are not photos', async () => {
    const w = await demandWorld(app);
    const other = await demandWorld(app);
    const form = (await app.inject({ method: 'GET', url: `/api/public/${w.code}/demand-form` })).json();
    const post = (payload: object, code = w.code) => app.inject({ method: 'POST', url: `/api/public/${code}/demands`, payload: { ...FORM, ...payload } });

    // Find a solution that is wrong (fewer zero bits than asked).
    let wrong = 0;
    while (crypto.createHash('sha256').update(`${form.challenge}:${wrong.toString(36)}`).digest()[0] === 0) wrong++;
    expect((await post({ challenge: form.challenge, solution: wrong.toString(36) })).json().error.code).toBe('demand.challenge_invalid');
    // A challenge edited to ask for fewer bits no longer carries a valid MAC.
    const [payload, mac] = form.challenge.split('.');
    const easier = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), b: 1 })).toString('base64url');
    expect((await post({ challenge: `${easier}.${mac}`, solution: solveChallenge(`${easier}.${mac}`, 1) })).statusCode).toBe(400);
    // One committee's challenge does not open another's form.
    expect((await post({ challenge: form.challenge, solution: solveChallenge(form.challenge, form.bits) }, other.code)).statusCode).toBe(400);
    // Expired: the same challenge, checked 31 minutes on.
    const { portalOf, verifyChallenge } = await import('../../src/modules/demands/commands/portal.js');
    const p = await portalOf(w.db, w.code);
    const sol = solveChallenge(form.challenge, form.bits);
    expect(await verifyChallenge(w.db, p, form.challenge, sol)).toMatch(/^[0-9a-f]{32}$/);
    await expect(verifyChallenge(w.db, p, form.challenge, sol, Date.now() + 31 * 60 * 1000)).rejects.toMatchObject({ code: 'demand.challenge_invalid' });
    // Unknown committee code.
    expect((await app.inject({ method: 'GET', url: '/api/public/no-such-committee/demand-form' })).statusCode).toBe(404);

    // A file uploaded by staff (unclaimed) cannot be claimed by a public submission: it has no receipt.
    const staffUp = (await w.office.request({ method: 'POST', url: '/api/attachments', ...multipart('内部材料.png', PNG) })).json();
    const forged = await submitPublic(app, w.code, { ...FORM, photos: [{ id: staffUp.id, receipt: 'A'.repeat(43) }] });
    expect(forged.json().error.code).toBe('demand.photo_invalid');
    // Another committee's receipt is not this committee's.
    const otherUp = (await app.inject({ method: 'POST', url: `/api/public/${other.code}/photos`, ...multipart('a.png', PNG) })).json();
    expect((await submitPublic(app, w.code, { ...FORM, photos: [{ id: otherUp.id, receipt: otherUp.receipt }] })).json().error.code).toBe('demand.photo_invalid');
    // A photo is claimed once.
    const up = (await app.inject({ method: 'POST', url: `/api/public/${w.code}/photos`, ...multipart('b.png', PNG) })).json();
    expect((await submitPublic(app, w.code, { ...FORM, photos: [up] })).statusCode).toBe(201);
    expect((await submitPublic(app, w.code, { ...FORM, photos: [up] })).json().error.code).toBe('demand.photo_invalid');
    // Not a photo: a PDF, text, or bytes that are not what the name says.
    for (const [name, content] of [['a.pdf', Buffer.from('%PDF-1.4\n%\n')], ['a.txt', Buffer.from('hello')], ['a.jpg', Buffer.from('not a jpeg at all')]] as const) {
      const r = await app.inject({ method: 'POST', url: `/api/public/${w.code}/photos`, ...multipart(name, content) });
      expect(r.statusCode, name).toBe(400);
    }
    // Too large (5 MB).
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const tooBig = await app.inject({ method: 'POST', url: `/api/public/${w.code}/photos`, ...multipart('big.png', big) });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe('demand.photo_too_large');
    // More than three photos.
    expect((await submitPublic(app, w.code, { ...FORM, photos: [up, up, up, up] })).statusCode).toBe(400);
    // A kind the committee does not have.
    expect((await submitPublic(app, w.code, { ...FORM, kind: '外星人' })).json().error.code).toBe('demand.kind_unknown');
  });
});

describe('the public routes are rate-limited per client address', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp({ DEMANDS_PUBLIC_RATE_LIMIT: '3', TRUST_PROXY: 'true' }); });
  afterAll(() => app?.close());

  it('the fourth submission within a minute from one address gets 429 with the one error body; another address is not affected', async () => {
    const w = await demandWorld(app);
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await submitPublic(app, w.code, FORM, from('203.0.113.7'))).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await submitPublic(app, w.code, FORM, from('203.0.113.7'));
    expect(limited.json().error).toMatchObject({ code: 'request.rate_limited' });
    expect((await submitPublic(app, w.code, FORM, from('198.51.100.9'))).statusCode).toBe(201);
    // The tracking page has its own, larger budget (6× the form's).
    const codes: number[] = [];
    for (let i = 0; i < 19; i++) codes.push((await app.inject({ method: 'GET', url: '/api/public/track/3333333333AB', headers: from('192.0.2.1') })).statusCode);
    expect(codes.slice(0, 18).every((c) => c === 404)).toBe(true);
    expect(codes[18]).toBe(429);
  });
});
