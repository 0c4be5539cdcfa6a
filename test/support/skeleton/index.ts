/**
 * The skeleton module: the smallest module the kit supports — one table, one workflow, one read
 * route and one workflow route, one figure, a permission, error codes and a probe fixture. It lives in its
 * own folder and is registered by one line in test/support/modules.ts; the access probe, the
 * workflow table tests and the docs script pick it up from the registry without naming it.
 * (A real module also adds its table to a migration; this one creates it for the tests.)
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineOffices, definePermissions, defineRoles, has } from '../../../src/platform/access.js';
import type { Db } from '../../../src/platform/db/database.js';
import { transact, type Executor } from '../../../src/platform/db/unit-of-work.js';
import { AppError, defineErrors } from '../../../src/platform/errors.js';
import { defineModule, defineRoute, type RequestContext } from '../../../src/platform/modules.js';
import { defineWorkflow } from '../../../src/platform/workflow.js';
import { defineFigure, scopeParam } from '../../../src/platform/figures.js';
import { inCommittees } from '../../../src/platform/scope.js';

const Errors = defineErrors({
  'skeleton.not_found': { kind: 'not_found', zh: '申请不存在', en: 'No such request' },
  'skeleton.not_allowed': { kind: 'forbidden', zh: (p) => `您不能${p.actionLabel}该申请`, en: (p) => `You may not ${p.actionLabelEn} this request` },
  'skeleton.invalid_transition': {
    kind: 'conflict', zh: (p) => `申请当前状态为“${p.stateLabel}”，不能${p.actionLabel}`, en: (p) => `The request is ${p.stateLabelEn}; it cannot be ${p.actionLabelEn} now`,
  },
});

// A module brings the roles and offices it needs; accounts may then be given them (platform/access.ts).
defineRoles({ skeleton_reviewer: { zh: '骨架审阅人', en: 'Skeleton reviewer' } });
defineOffices({ skeleton_office: { zh: '骨架办', en: 'Skeleton office' } });

const Permissions = definePermissions({
  'skeleton.read': (g) => g.length > 0,
  'skeleton.decide': has.anyStaff,
});

export const skeletonWorkflow = defineWorkflow({
  name: 'skeleton_request',
  title: 'Skeleton requests (骨架申请)',
  initial: 'submitted',
  states: { submitted: '已提交', approved: '已同意', declined: '未同意' },
  actors: { office: 'any staff of the committee' },
  transitions: {
    approve: { from: ['submitted'], to: 'approved', by: ['office'], label: '同意', labelEn: 'approved' },
    decline: { from: ['submitted'], to: 'declined', by: ['office'], label: '不同意', labelEn: 'declined' },
  },
  errors: { notAllowed: Errors['skeleton.not_allowed'], invalidTransition: Errors['skeleton.invalid_transition'] },
});

let created: Promise<unknown> | undefined;
const ensureTable = (db: Db) =>
  (created ??= db.execute(sql`create table if not exists skeleton_requests (
    id uuid primary key default gen_random_uuid(),
    committee_id uuid not null references committees(id),
    title text not null,
    state text not null default 'submitted')`));

async function find(db: Executor, committeeId: string, id: string, lock = false) {
  const { rows } = await db.execute<{ id: string; title: string; state: 'submitted' | 'approved' | 'declined' }>(
    lock
      ? sql`select id, title, state from skeleton_requests where committee_id = ${committeeId} and id = ${id} for update`
      : sql`select id, title, state from skeleton_requests where committee_id = ${committeeId} and id = ${id}`,
  );
  if (!rows[0]) throw new AppError(Errors['skeleton.not_found']);
  return rows[0];
}

const view = async (ctx: RequestContext, id: string) => {
  const row = await find(ctx.db, ctx.committeeId, id);
  const actors = new Set(ctx.can(Permissions['skeleton.decide']) ? (['office'] as const) : []);
  return { ...row, stateLabel: skeletonWorkflow.stateLabel(row.state, ctx.lang), abilities: skeletonWorkflow.allowedActions(row.state, actors) };
};

const idParams = z.object({ id: z.uuid() });

export function skeletonModule() {
  return defineModule({
    name: 'skeleton',
    workflows: [skeletonWorkflow],
    figures: [
      defineFigure({
        name: 'requests', title: { zh: '申请数', en: 'Requests' }, permission: Permissions['skeleton.read'],
        query: z.object({ scope: scopeParam }),
        async compute(db, scope) {
          await ensureTable(db);
          const { rows } = await db.execute<{ state: string; n: number }>(sql`select state, count(*)::int as n from skeleton_requests
            where ${inCommittees(sql.raw('committee_id'), scope)} group by 1 order by 1`);
          return { committees: scope.committeeIds.length, byState: rows };
        },
      }),
    ],
    routes: [
      defineRoute({
        method: 'GET', url: '/api/skeleton/requests/:id', summary: 'One skeleton request', tags: ['skeleton'],
        access: { permission: Permissions['skeleton.read'] }, resource: 'skeleton_request', params: idParams,
        handler: async (req, ctx) => (await ensureTable(ctx.db), view(ctx, idParams.parse(req.params).id)),
      }),
      defineRoute({
        method: 'POST', url: '/api/skeleton/requests/:id/approve', summary: 'Approve a skeleton request', tags: ['skeleton'],
        access: { permission: Permissions['skeleton.decide'] }, resource: 'skeleton_request', params: idParams,
        async handler(req, ctx) {
          await ensureTable(ctx.db);
          const { id } = idParams.parse(req.params);
          await transact(ctx.db, ctx.actor, (uow) =>
            skeletonWorkflow.move(uow, {
              action: 'approve', committeeId: ctx.committeeId, entity: 'skeleton_request', entityId: id,
              load: async () => ({ ...(await find(uow.tx, ctx.committeeId, id, true)), actors: new Set(ctx.can(Permissions['skeleton.decide']) ? (['office'] as const) : []) }),
              writeState: async (to) => void (await uow.tx.execute(sql`update skeleton_requests set state = ${to} where committee_id = ${ctx.committeeId} and id = ${id}`)),
              event: 'skeleton.approved',
            }),
          );
          return view(ctx, id);
        },
      }),
    ],
    probeFixtures: {
      skeleton_request: async (db, committeeId) => {
        await ensureTable(db);
        const { rows } = await db.execute<{ id: string }>(sql`insert into skeleton_requests (committee_id, title) values (${committeeId}, '骨架申请') returning id`);
        return rows[0].id;
      },
    },
  });
}
