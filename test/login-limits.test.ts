import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config/index.js';
import { testApp } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser, PASSWORD, uniq } from './support/factories.js';

/**
 * The login's two limits: per account (lockout after LOGIN_MAX_FAILURES, whatever the address)
 * and per client address (LOGIN_RATE_LIMIT a minute), where the address is the socket's unless
 * TRUST_PROXY names the proxy in front — so a forged X-Forwarded-For buys nothing.
 */
const db = () => testDatabase().db;
type Opts = { ip: string; xff?: string; username?: string; password?: string };

describe('login limits', () => {
  const apps: FastifyInstance[] = [];
  let committeeId: string;
  beforeAll(async () => {
    committeeId = (await makeCommittee(db())).id;
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  const app = async (env: Record<string, string>) => {
    const a = await testApp(env);
    apps.push(a);
    return a;
  };
  const attempt = (a: FastifyInstance, o: Opts) =>
    a.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: o.ip,
      headers: o.xff ? { 'x-forwarded-for': o.xff } : {},
      payload: { username: o.username ?? uniq('nobody'), password: o.password ?? 'not-it-at-all' },
    });

  it('TRUST_PROXY is off by default; it takes true, a hop count or a list of addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone please' })).toThrow(/TRUST_PROXY/);
  });

  it('without TRUST_PROXY, a forged X-Forwarded-For does not get around the per-IP limit', async () => {
    const a = await app({ LOGIN_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(a, { ip: '203.0.113.7', xff: `198.51.100.${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await attempt(a, { ip: '203.0.113.7', xff: '198.51.100.200' });
    expect(limited.json().error.code).toBe('request.rate_limited');
    // Another client is not held back by the first one's attempts.
    expect((await attempt(a, { ip: '203.0.113.8' })).statusCode).toBe(401);
  });

  it('behind a trusted proxy, the limit is keyed on the client it names; an untrusted sender cannot pose as one', async () => {
    const a = await app({ LOGIN_RATE_LIMIT: '3', TRUST_PROXY: '10.0.0.1' });
    const viaProxy = (client: string) => attempt(a, { ip: '10.0.0.1', xff: client });
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await viaProxy('198.51.100.1')).statusCode);
    expect(first).toEqual([401, 401, 401, 429]);
    // Another client behind the same proxy has its own count.
    expect((await viaProxy('198.51.100.2')).statusCode).toBe(401);
    // A sender that is not the proxy is counted by its own address, whatever it claims.
    const forged: number[] = [];
    for (let i = 0; i < 4; i++) forged.push((await attempt(a, { ip: '203.0.113.50', xff: `198.51.100.${10 + i}` })).statusCode);
    expect(forged).toEqual([401, 401, 401, 429]);
  });

  it('the per-account lockout counts failures from every address', async () => {
    const a = await app({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '10', TRUST_PROXY: '10.0.0.1' });
    const u = await makeUser(db(), committeeId, [{ role: 'leader' }]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt(a, { ip: '10.0.0.1', xff: `198.51.100.${30 + i}`, username: u.username })).statusCode);
    expect(statuses).toEqual([401, 401, 423]);
    const right = await attempt(a, { ip: '203.0.113.99', username: u.username, password: PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('auth.locked');
  });
});
