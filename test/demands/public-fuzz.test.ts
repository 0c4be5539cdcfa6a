import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { solveChallenge } from '../../src/modules/demands/index.js';
import { testApp } from '../support/app.js';
import { BAD_STRINGS, enc, HUGE, leaks, MULTIPART_BODIES, UNSTORABLE } from '../support/fuzz.js';
import { demandWorld, multipart, PNG } from './support.js';

/**
 * A focused fuzz of the public routes (the generic route fuzzer reaches them too, but its bodies
 * never carry a solved challenge, so it stops at the challenge check). Here part of the bodies carry
 * a valid, solved challenge and a valid photo receipt, so bad values reach the kind check, the photo
 * claim and the insert. XS_DEMANDS_FUZZ_RUNS per route (default 200 in `npm test`; the 1,200 run is the security check); every answer below 500,
 * every error in the one error shape, no internals.
 */
const RUNS = Number(process.env.XS_DEMANDS_FUZZ_RUNS ?? 200);
const SEED = 20261205;

describe('public demand routes: bad input never gives a 5xx', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  const bad = fc.oneof(
    fc.constantFrom<unknown>(...BAD_STRINGS, ...UNSTORABLE, HUGE.slice(0, 5000), '', ' ', null, 0, -1, 1e308, true, [], {}, [1, 2], { a: 1 }),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.integer(),
    fc.anything({ maxDepth: 2 }),
  );
  const FIELDS = ['challenge', 'solution', 'kind', 'matter', 'details', 'placeText', 'personName', 'personPhone', 'personIdNo', 'photos'];

  it(`sends ${RUNS} inputs to each public route`, async () => {
    const w = await demandWorld(app);
    await w.office.request({ method: 'PATCH', url: '/api/demands/settings', payload: { powBits: 8 } });
    const stats: Record<string, Record<number, number>> = {};
    const failures: string[] = [];
    const send = async (route: string, opts: InjectOptions) => {
      const res = await app.inject(opts);
      (stats[route] ??= {})[res.statusCode] = (stats[route][res.statusCode] ?? 0) + 1;
      const where = `${route} ${String(opts.url).slice(0, 120)} ${String(opts.payload ?? '').slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (res.statusCode >= 500) failures.push(`5xx: ${where}`);
      else if (res.statusCode >= 400) {
        let body: { error?: { code?: unknown; message?: unknown } } = {};
        try { body = res.json(); } catch { /* checked below */ }
        if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') failures.push(`shape: ${where}`);
      }
      const leak = leaks(res.body);
      if (leak) failures.push(`${leak}: ${where}`);
      return res;
    };
    const fresh = async () => {
      const f = (await app.inject({ method: 'GET', url: `/api/public/${w.code}/demand-form` })).json();
      return { challenge: f.challenge as string, solution: solveChallenge(f.challenge, f.bits) };
    };
    const photo = (await app.inject({ method: 'POST', url: `/api/public/${w.code}/photos`, ...multipart('p.png', PNG) })).json();
    const valid = { kind: '基础设施', matter: '村道损坏需要修复', details: '雨天泥泞', placeText: '安定区', personName: '张三', personPhone: '13800001234' };

    // The submission: one to three fields replaced by bad values; every fourth with a fresh solved challenge.
    const samples = fc.sample(fc.record({
      fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
      values: fc.array(bad, { minLength: 3, maxLength: 3 }),
      raw: fc.option(fc.constantFrom('{', '[]', 'null', '"x"', '{"matter":', '\u0000', '{"a":1}'.repeat(1000)), { freq: 8 }),
      withPhoto: fc.boolean(),
    }), { seed: SEED, numRuns: RUNS });
    let solved = await fresh();
    for (const [i, s] of samples.entries()) {
      if (i % 4 === 0) solved = await fresh();
      const body: Record<string, unknown> = { ...valid, ...solved, ...(s.withPhoto ? { photos: [{ id: photo.id, receipt: photo.receipt }] } : {}) };
      s.fields.forEach((f, k) => { body[f] = s.values[k]; });
      const payload = s.raw ?? JSON.stringify(body);
      await send('POST /api/public/:code/demands', { method: 'POST', url: `/api/public/${i % 10 ? w.code : enc(String(s.values[0]))}/demands`, payload, headers: { 'content-type': 'application/json' } });
    }

    // The tracking page and the rating: random codes, and bad bodies to a real code.
    const d = (await w.office.request({ method: 'POST', url: '/api/demands', payload: { channel: 'phone', ...valid } })).json();
    await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/answer-on-spot`, payload: { answer: '已答复' } });
    const codes = fc.sample(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...BAD_STRINGS), fc.constant(d.trackingCode), fc.constant(d.trackingCode.toLowerCase())), { seed: SEED + 1, numRuns: RUNS });
    for (const c of codes) await send('GET /api/public/track/:code', { method: 'GET', url: `/api/public/track/${enc(String(c)) || 'x'}` });
    const ratings = fc.sample(fc.record({ rating: bad, comment: bad }), { seed: SEED + 2, numRuns: RUNS });
    for (const [i, r] of ratings.entries()) {
      await send('POST /api/public/track/:code/rating', { method: 'POST', url: `/api/public/track/${i % 3 ? d.trackingCode : enc(String(codes[i])) || 'x'}/rating`, payload: JSON.stringify(r), headers: { 'content-type': 'application/json' } });
    }

    // Photos: the shared multipart corpus, random bytes under picture names, and random committee codes.
    const files = fc.sample(fc.record({ name: fc.oneof(fc.constantFrom('a.png', 'a.jpg', 'a.heic', 'IMG', '', '../../etc/passwd', 'a.png\u0000.exe'), fc.string({ maxLength: 50 })), bytes: fc.uint8Array({ maxLength: 2000 }), png: fc.boolean() }), { seed: SEED + 3, numRuns: RUNS });
    for (const [i, f] of files.entries()) {
      const url = `/api/public/${w.code}/photos`;
      if (i % 5 === 0) {
        const mp = MULTIPART_BODIES[i % MULTIPART_BODIES.length];
        await send('POST /api/public/:code/photos', { method: 'POST', url, payload: mp.body, headers: { 'content-type': mp.contentType } });
      } else {
        await send('POST /api/public/:code/photos', { method: 'POST', url, ...multipart(f.name.replace(/["\r\n]/g, ''), f.png ? Buffer.concat([PNG, Buffer.from(f.bytes)]) : Buffer.from(f.bytes)) });
      }
    }
    const forms = fc.sample(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...BAD_STRINGS)), { seed: SEED + 4, numRuns: RUNS });
    for (const c of forms) await send('GET /api/public/:code/demand-form', { method: 'GET', url: `/api/public/${enc(String(c)) || 'x'}/demand-form` });

    console.log('public demand routes fuzz:', JSON.stringify(stats));
    expect(failures.slice(0, 20)).toEqual([]);
    for (const [route, byStatus] of Object.entries(stats)) expect(Object.values(byStatus).reduce((a, b) => a + b, 0), route).toBeGreaterThanOrEqual(RUNS);
  }, 0);
});
