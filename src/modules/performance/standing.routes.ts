import { defineRoute } from '../../platform/modules.js';
import { saveRules } from './commands/save-rules.js';
import { rulesInput, standingsQuery } from './contracts.js';
import { PRESETS } from './domain/presets.js';
import { ownMemberId, PerformancePermissions as P } from './performance.policy.js';
import { committeeStandings } from './queries/committee-standings.js';
import { getRules } from './queries/effective-rules.js';
import { getMemberStanding } from './queries/member-standing.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { tags, yearOr, yearQuery } from './route-kit.js';

/** Live standing (履职成绩单), the committee table, and the year's rules. */
export const standingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/performance/standing', summary: "The caller's own live standing: points by kind, quotas, grade, pending records", tags,
    access: { permission: P['performance.participate'] }, querystring: yearQuery,
    handler: (req, ctx) => getMemberStanding(ctx.db, ctx.committeeId, ownMemberId(callerOf(ctx)), yearOr(req.query.year)),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/members/:id/standing', summary: "A member's live standing (staff, leaders)", tags,
    access: { permission: P['performance.oversee'] }, params: idParams, querystring: yearQuery, resource: 'member',
    handler: (req, ctx) => getMemberStanding(ctx.db, ctx.committeeId, req.params.id, yearOr(req.query.year)),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/standings', summary: 'The committee table: live points of every member, ranked; filter by sector, role, grade; sort by points or name', tags,
    access: { permission: P['performance.oversee'] }, querystring: standingsQuery,
    handler: (req, ctx) => committeeStandings(ctx.db, ctx.committeeId, req.query),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/rules', summary: "The year's scoring rules (its own, carried over, or the default preset) and their versions", tags,
    access: { permission: P['performance.read'] }, querystring: yearQuery,
    handler: (req, ctx) => getRules(ctx.db, ctx.committeeId, yearOr(req.query.year)),
  }),
  defineRoute({
    method: 'PUT', url: '/api/performance/rules', summary: "Set a year's rules from a preset or in full (a new version; refused once the year is published)", tags,
    access: { permission: P['performance.configure'] }, body: rulesInput, example: { body: { year: 2026, preset: 'tongcheng' } },
    async handler(req, ctx) {
      const body = req.body;
      await saveRules(ctx.db, callerOf(ctx), body);
      return getRules(ctx.db, ctx.committeeId, body.year);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/presets', summary: 'Rule presets a committee can start from (安庆, 桐城, 济南)', tags,
    access: { permission: P['performance.read'] },
    handler: async () => ({ items: Object.entries(PRESETS).map(([key, p]) => ({ key, label: p.label, rules: p.rules })) }),
  }),
];
