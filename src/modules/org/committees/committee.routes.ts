import { sql } from 'drizzle-orm';
import { defineRoute } from '../../../platform/modules.js';
import { OrgPermissions as P } from '../org.policy.js';

export const committeeRoutes = [
  defineRoute({
    method: 'GET', url: '/api/committees', summary: 'Committees the caller can switch to (all of them for the platform admin)', tags: ['org'],
    access: { authenticated: true },
    async handler(_req, ctx) {
      const p = ctx.principal!;
      const { rows } = await ctx.db.execute(sql`
        select id, parent_id as "parentId", code, name, short_name as "shortName", level from committees
        ${p.isPlatformAdmin ? sql`` : sql`where id in (select committee_id from user_roles where user_id = ${p.userId})`}
        order by code`);
      return { items: rows };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/org/structure', summary: 'Terms, plenary sessions, sectors, special committees and offices of the current committee', tags: ['org'],
    access: { permission: P['org.structure.read'] },
    async handler(_req, ctx) {
      const c = ctx.committeeId;
      const [committee, terms, sessions, sectors, specials, offices] = await Promise.all([
        ctx.db.execute(sql`select id, code, name, short_name as "shortName", level, parent_id as "parentId" from committees where id = ${c}`),
        ctx.db.execute(sql`select id, number, name, start_date as "startDate", end_date as "endDate", is_current as "isCurrent" from terms where committee_id = ${c} order by number desc`),
        ctx.db.execute(sql`select id, term_id as "termId", number, name, start_date as "startDate" from plenary_sessions where committee_id = ${c} order by number`),
        ctx.db.execute(sql`select id, name, kind from sectors where committee_id = ${c} order by sort`),
        ctx.db.execute(sql`select id, name from special_committees where committee_id = ${c} order by sort`),
        ctx.db.execute(sql`select id, kind, name from offices where committee_id = ${c} order by kind`),
      ]);
      return {
        committee: committee.rows[0], terms: terms.rows, sessions: sessions.rows, sectors: sectors.rows,
        specialCommittees: specials.rows, offices: offices.rows,
      };
    },
  }),
];
