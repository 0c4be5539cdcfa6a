import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { can, type Grant } from '../src/platform/access.js';
import type { ModuleManifest, RouteDef } from '../src/platform/modules.js';
import { createMember, createUnit } from '../src/modules/org/index.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';
import { testModules } from './support/modules.js';

/**
 * The access probe: walks every registered route with every role, aiming at a record of another
 * committee. Routes added by later modules are covered without touching this file: they only
 * need to declare `access` and, for `:id` routes, the `resource` kind with a probe fixture.
 */
const PUBLIC_INFRA = [/^\/api\/health$/, /^\/api\/docs/];

interface Probe {
  name: string;
  grants: Grant[];
  admin?: boolean;
  session?: Session;
}

describe('access probe: every route × every role × another committee', () => {
  let app: FastifyInstance;
  let modules: ModuleManifest[];
  const probes: Probe[] = [
    { name: 'platform admin', grants: [], admin: true },
    { name: 'staff (all offices)', grants: [{ role: 'staff', office: 'proposals' }, { role: 'staff', office: 'info' }, { role: 'staff', office: 'member_affairs' }, { role: 'staff', office: 'general' }] },
    { name: 'staff: proposals office', grants: [{ role: 'staff', office: 'proposals' }] },
    { name: 'staff: info office', grants: [{ role: 'staff', office: 'info' }] },
    { name: 'staff: member affairs', grants: [{ role: 'staff', office: 'member_affairs' }] },
    { name: 'staff: general office', grants: [{ role: 'staff', office: 'general' }] },
    { name: 'member', grants: [{ role: 'member' }] },
    { name: 'unit clerk', grants: [{ role: 'unit_clerk' }] },
    { name: 'leader', grants: [{ role: 'leader' }] },
  ];
  const foreign = new Map<string, string>();
  let other: { id: string };

  beforeAll(async () => {
    const db = testDatabase().db;
    app = await testApp();
    modules = testModules();
    const home = await makeCommittee(db);
    other = await makeCommittee(db);
    const memberA = await createMember(db, { userId: null, label: 'test' }, home.id, { name: '本会委员', gender: 'male' } as never);
    const unitA = await createUnit(db, { userId: null, label: 'test' }, home.id, { name: '本会单位' });
    for (const p of probes) {
      p.grants = p.grants.map((g) => ({ ...g, memberId: g.role === 'member' ? memberA.id : null, unitId: g.role === 'unit_clerk' ? unitA : null }));
      const u = await makeUser(db, home.id, p.grants, { admin: p.admin });
      p.session = await loginAs(app, u.username);
    }
    for (const m of modules) for (const [kind, make] of Object.entries(m.probeFixtures ?? {})) foreign.set(kind, await make(db, other.id));
  });
  afterAll(() => app?.close());

  const urlFor = (def: RouteDef) => def.url.replace(/:id\b/, def.resource ? foreign.get(def.resource) ?? 'missing-fixture' : '00000000-0000-4000-8000-000000000000');
  const send = (s: Session | undefined, def: RouteDef, committeeId?: string) => {
    const opts = {
      method: def.method,
      url: urlFor(def) + (def.example?.query ? '?' + new URLSearchParams(def.example.query) : ''),
      ...(def.method !== 'GET' && def.method !== 'DELETE' && !def.multipart ? { payload: (def.example?.body ?? {}) as object } : {}),
      committeeId,
    };
    return s ? s.request(opts) : app.inject(opts);
  };

  it('every /api route declares its access, and every :id route names its resource kind with a fixture', () => {
    const undeclared = app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.def && !PUBLIC_INFRA.some((re) => re.test(r.url)) && r.method !== 'HEAD');
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const defs = modules.flatMap((m) => m.routes);
    const missing = defs.filter((d) => d.url.includes(':') && (!d.resource || !foreign.has(d.resource))).map((d) => `${d.method} ${d.url}`);
    expect(missing).toEqual([]);
    expect(defs.length).toBeGreaterThan(10);
    // The test-only skeleton module is probed like the real ones (registered in test/support/modules.ts only).
    expect(defs.filter((d) => d.url.startsWith('/api/skeleton/') || d.url.startsWith('/api/figures/skeleton/')).map((d) => d.url).sort())
      .toEqual(['/api/figures/skeleton/requests', '/api/skeleton/requests/:id', '/api/skeleton/requests/:id/approve']);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const defs = modules.flatMap((m) => m.routes).filter((d) => !('public' in d.access));
    const wrong: string[] = [];
    for (const def of defs) {
      const res = await send(undefined, def);
      if (res.statusCode !== 401) wrong.push(`${def.method} ${def.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a forbidden role gets 403; an allowed role aiming at another committee gets 404', async () => {
    const defs = modules.flatMap((m) => m.routes).filter((d) => !('public' in d.access));
    const wrong: string[] = [];
    let checked = 0;
    for (const def of defs) {
      for (const p of probes) {
        let expected: number | undefined;
        let committeeId: string | undefined;
        if ('authenticated' in def.access) {
          if (!def.resource) continue; // self-scoped (own profile, own tokens): covered by their own tests
          expected = 404;
        } else if (!can({ isPlatformAdmin: !!p.admin }, p.grants, (def.access as { permission: string }).permission)) {
          expected = 403;
        } else if (p.admin) {
          continue; // the platform admin may address every committee
        } else if (def.resource) {
          expected = 404; // a record of another committee, addressed from the caller's own
        } else {
          expected = 404; // the other committee itself, which the caller does not belong to
          committeeId = other.id;
        }
        const res = await send(p.session, def, committeeId);
        checked++;
        const body = res.json() as { error?: { code: string; requestId: string } };
        if (res.statusCode !== expected || !body.error?.code || !body.error.requestId) {
          wrong.push(`${p.name}: ${def.method} ${def.url} → ${res.statusCode} ${res.body.slice(0, 120)} (expected ${expected})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
