import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Grant, Membership, Principal } from '../access.js';
import { ALL_COMMITTEES, type CacheHub } from '../cache.js';

export const SESSION_COOKIE = 'xs_session';
export const COMMITTEE_COOKIE = 'xs_committee';
export const LANG_COOKIE = 'xs_lang';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

type Row = {
  user_id: string;
  username: string;
  display_name: string;
  committee_id: string;
  is_platform_admin: boolean;
  must_change_password: boolean;
  csrf_token: string | null;
  memberships: Membership[] | null;
};

const membershipsSql = sql`
  (select json_agg(m order by m.sort) from (
     select c.id as "committeeId", c.code, c.name, min(c.code) as sort,
            json_agg(json_build_object('role', r.role, 'office', r.office, 'unitId', r.unit_id, 'memberId', r.member_id)) as grants
       from user_roles r join committees c on c.id = r.committee_id
      where r.user_id = u.id group by c.id) m)`;

/** The cache topic of accounts: sessions, tokens, passwords, roles (committee: ALL_COMMITTEES). */
export const AUTH_TOPIC = 'auth';

type Resolved = { principal: Principal; expiresAt: number | null } | null;

/**
 * Resolves a principal from a session token or an API token in one query, then keeps it for a
 * couple of seconds per token (a safety net; most requests of a page arrive together). Logout,
 * password change or reset, token revocation and role changes call `invalidateAll()`, which
 * clears this process at once and the other instances through NOTIFY (platform/cache.ts). While
 * the hub's listening connection is down every request looks its token up. A session
 * is never served from memory past its expiry.
 */
export class PrincipalResolver {
  private cache = new Map<string, { at: number; p: Promise<Resolved> }>();
  constructor(
    private db: Db,
    private ttlMs = 2000,
    private hub?: CacheHub,
  ) {
    hub?.subscribe({
      onInvalidate: (_committeeId, topic) => {
        if (topic === AUTH_TOPIC) this.cache.clear();
      },
      onDropAll: () => this.cache.clear(),
    });
  }

  /** Forgets every principal here and, through NOTIFY, in every other instance. */
  invalidateAll() {
    this.cache.clear();
    if (this.hub) void this.hub.publish(ALL_COMMITTEES, AUTH_TOPIC).catch(() => {});
  }

  /**
   * Shares one lookup among concurrent requests of the same token: the in-flight promise is
   * what is cached, so a burst after expiry costs one query, not one per request.
   */
  private async lookup(key: string, load: () => Promise<Resolved>): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.cache.get(key);
    const ttl = !this.hub || this.hub.live ? this.ttlMs : 0;
    if (hit && now - hit.at < ttl) {
      const r = await hit.p;
      if (!r || r.expiresAt === null || Date.now() < r.expiresAt) return r?.principal ?? null;
    }
    if (this.cache.size > 10_000) this.cache.clear();
    const p = load();
    const entry = { at: now, p };
    this.cache.set(key, entry);
    p.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    const r = await p;
    // Expired between the query and now (the query checked expires_at > now()).
    if (r && r.expiresAt !== null && Date.now() >= r.expiresAt) return null;
    return r?.principal ?? null;
  }

  fromSession(token: string): Promise<Principal | null> {
    const id = sha256(token);
    return this.lookup('s:' + id, async () => {
      const res = await this.db.execute<Row & { expires_ms: number }>(sql`
        select u.id as user_id, u.username, u.display_name, u.committee_id, u.is_platform_admin, u.must_change_password,
               s.csrf_token, ${membershipsSql} as memberships,
               (extract(epoch from s.expires_at) * 1000)::float8 as expires_ms
          from auth_sessions s join users u on u.id = s.user_id
         where s.id = ${id} and s.expires_at > now() and u.active`);
      const row = res.rows[0];
      return row ? { principal: toPrincipal(row, 'session', id), expiresAt: Number(row.expires_ms) } : null;
    });
  }

  fromApiToken(token: string): Promise<Principal | null> {
    const hash = sha256(token);
    return this.lookup('t:' + hash, async () => {
      const res = await this.db.execute<Row>(sql`
        select u.id as user_id, u.username, u.display_name, u.committee_id, u.is_platform_admin, u.must_change_password,
               null as csrf_token, ${membershipsSql} as memberships
          from api_tokens t join users u on u.id = t.user_id
         where t.token_hash = ${hash} and t.revoked_at is null and u.active`);
      if (!res.rows[0]) return null;
      // "Last used" to the minute is enough; not waiting for it keeps it off the request path.
      void this.db
        .execute(sql`update api_tokens set last_used_at = now() where token_hash = ${hash}
                      and (last_used_at is null or last_used_at < now() - interval '1 minute')`)
        .catch(() => {});
      return { principal: toPrincipal(res.rows[0], 'token'), expiresAt: null };
    });
  }
}

function toPrincipal(r: Row, via: 'session' | 'token', sessionId?: string): Principal {
  return {
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    homeCommitteeId: r.committee_id,
    isPlatformAdmin: r.is_platform_admin,
    mustChangePassword: r.must_change_password,
    memberships: (r.memberships ?? []).map((m) => ({
      committeeId: m.committeeId,
      code: m.code,
      name: m.name,
      grants: (m.grants as Grant[]).map((g) => ({
        role: g.role,
        office: g.office ?? null,
        unitId: g.unitId ?? null,
        memberId: g.memberId ?? null,
      })),
    })),
    via,
    sessionId,
    csrfToken: r.csrf_token ?? undefined,
  };
}

/**
 * Which committee a request addresses: the `x-committee-id` header, else the switcher's cookie,
 * else the caller's first membership (or, for the platform admin, their home committee). A
 * committee the caller does not belong to is, to them, a committee that does not exist: asking
 * for it by header is an error (`strict`), a stale cookie falls back to the default.
 * The one place this is decided: committee-scoped routes and /api/auth/me both call it.
 */
export async function resolveCommittee(
  db: Db,
  p: Principal,
  wanted: { header?: string | null; cookie?: string | null },
  exists: (id: string) => Promise<boolean> = async (id) => (await db.execute(sql`select 1 from committees where id = ${id}`)).rows.length > 0,
): Promise<{ committeeId: string; grants: Grant[]; member: boolean } | null> {
  const asked = wanted.header || wanted.cookie || null;
  if (asked) {
    const m = p.memberships.find((x) => x.committeeId === asked);
    if (m) return { committeeId: m.committeeId, grants: m.grants, member: true };
    if (p.isPlatformAdmin && UUID.test(asked) && (await exists(asked))) return { committeeId: asked, grants: [], member: false };
    if (wanted.header) return null;
  }
  const first = p.memberships[0];
  if (first) return { committeeId: first.committeeId, grants: first.grants, member: true };
  if (p.isPlatformAdmin) return { committeeId: p.homeCommitteeId, grants: [], member: false };
  return null;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
