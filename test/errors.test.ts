import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  AppError, allErrorCodes, defineErrors, errorDef, statusOf, type ErrorKind,
} from '../src/platform/errors.js';
// The composition root: importing it declares every module's error codes.
import '../src/main.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

const KINDS: Record<ErrorKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413,
  locked: 423, rate_limited: 429, unavailable: 503, internal: 500,
};
const CJK = /[\u4e00-\u9fff]/;

describe('error codes', () => {
  it('every kind maps to its HTTP status', () => {
    for (const [kind, status] of Object.entries(KINDS)) expect(statusOf(kind as ErrorKind)).toBe(status);
  });

  it('every declared code has a kind with a status and a message in Chinese and in English', () => {
    const codes = allErrorCodes();
    expect(codes.length).toBeGreaterThan(15);
    expect(codes).toEqual(expect.arrayContaining(['request.invalid', 'auth.locked', 'member.phone_taken']));
    for (const code of codes) {
      const def = errorDef(code)!;
      expect(Object.keys(KINDS), code).toContain(def.kind);
      const e = new AppError(code, { minutes: 5, phone: '13800000000', name: 'Zhang San', count: 2 });
      expect(e.status, code).toBe(KINDS[def.kind]);
      expect(e.messageIn('zh'), code).toMatch(CJK);
      expect(e.messageIn('en'), code).toMatch(/^[\x20-\x7e]+$/);
      expect(e.messageIn('en')).not.toBe(e.messageIn('zh'));
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    }
  });

  it('refuses undeclared, duplicate and unnamespaced codes', () => {
    expect(() => new AppError('nothing.declared_here')).toThrow(/undeclared error code/);
    expect(() => defineErrors({ 'request.invalid': { kind: 'invalid', zh: '重复', en: 'dup' } })).toThrow(/declared twice/);
    expect(() => defineErrors({ nonamespace: { kind: 'invalid', zh: '无', en: 'none' } })).toThrow(/namespaced/);
  });

  it('words messages per language, with parameters', () => {
    const { 'errors_test.quota': code } = defineErrors({
      'errors_test.quota': { kind: 'conflict', zh: (p) => `已用 ${p.used} / ${p.max}`, en: (p) => `used ${p.used} of ${p.max}` },
    });
    const e = new AppError(code, { used: 3, max: 5 }, { field: 'x' });
    expect(e.status).toBe(409);
    expect(e.messageIn('zh')).toBe('已用 3 / 5');
    expect(e.messageIn('en')).toBe('used 3 of 5');
    expect(e.details).toEqual({ field: 'x' });
    const locked = new AppError('auth.locked', { minutes: 7 });
    expect(locked.status).toBe(423);
    expect(locked.messageIn('zh')).toContain('7 分钟');
    expect(locked.messageIn('en')).toContain('7 minutes');
    expect(new AppError('request.not_found').messageIn('zh')).toBe('没有这个接口');
    expect(new AppError('request.not_found').messageIn('en')).toBe('No such endpoint');
  });
});

describe('errors over HTTP', () => {
  let app: FastifyInstance;
  let staff: Session;

  beforeAll(async () => {
    const db = testDatabase().db;
    app = await testApp();
    const c = await makeCommittee(db);
    const u = await makeUser(db, c.id, [{ role: 'staff', office: 'member_affairs' }]);
    staff = await loginAs(app, u.username);
  });
  afterAll(() => app?.close());

  const shape = (body: any) => {
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message', 'requestId']);
    expect(typeof body.error.requestId).toBe('string');
    expect(body.error.requestId.length).toBeGreaterThan(0);
  };

  it('an unknown /api route is a 404 in the common shape, in Chinese unless asked for English', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no/such/route' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    shape(res.json());
    expect(res.json().error).toMatchObject({ code: 'request.not_found', message: '没有这个接口', details: null });
    const en = await app.inject({ method: 'POST', url: '/api/nope', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.statusCode).toBe(404);
    expect(en.json().error.message).toBe('No such endpoint');
  });

  it('echoes x-request-id as the requestId, and makes one up otherwise', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(res.json().error.requestId).toBe('trace-1234abcd');
    const a = (await app.inject({ method: 'GET', url: '/api/nope' })).json().error.requestId;
    const b = (await app.inject({ method: 'GET', url: '/api/nope' })).json().error.requestId;
    expect(a).not.toBe(b);
    // A header that is not a plausible id is not echoed (no log injection).
    const odd = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(odd.json().error.requestId).not.toContain('bad id');
  });

  it('an invalid query is a 400 request.invalid with a message per field, Chinese by default', async () => {
    const res = await staff.request({ method: 'GET', url: '/api/members?pageSize=0&sort=height&status=dead', headers: { 'x-request-id': 'req-invalid-1' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    shape(body);
    expect(body.error.code).toBe('request.invalid');
    expect(body.error.requestId).toBe('req-invalid-1');
    expect(body.error.message).toMatch(/^请求内容有误/);
    const fields = (body.error.details as { field: string; message: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['querystring.pageSize', 'querystring.sort', 'querystring.status']);
    for (const d of body.error.details) {
      expect(d.message, d.field).toMatch(CJK);
      expect(body.error.message).toContain(d.field);
    }
  });

  it('the same in English with accept-language: en', async () => {
    const res = await staff.request({ method: 'GET', url: '/api/members?pageSize=0&sort=height', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('request.invalid');
    expect(body.error.message).toMatch(/^The request is invalid/);
    for (const d of body.error.details) {
      expect(d.message, d.field).not.toMatch(CJK);
      expect(d.message.length).toBeGreaterThan(3);
    }
  });

  it('an invalid body names each bad field', async () => {
    const res = await staff.request({ method: 'POST', url: '/api/members', payload: { name: '', gender: 'unknown' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['body.gender', 'body.name']);
  });

  it('malformed JSON is a 400 request.invalid, not a 500', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "a", "password": ',
    });
    expect(res.statusCode).toBe(400);
    shape(res.json());
    expect(res.json().error.code).toBe('request.invalid');
    const wrongType = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(wrongType.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongType.statusCode).toBeLessThan(500);
    expect(wrongType.json().error.code).toMatch(/^request\./);
  });

  it('anonymous access to a protected route is a 401 auth.required; a forbidden one a 403 auth.forbidden', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/members' });
    expect(anon.statusCode).toBe(401);
    shape(anon.json());
    expect(anon.json().error).toMatchObject({ code: 'auth.required', message: '请先登录' });
    const forbidden = await staff.request({ method: 'GET', url: '/api/users' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('auth.forbidden');
  });
});
