import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { defineRoute } from '../../../platform/modules.js';
import { AppError } from '../../../platform/errors.js';
import { OrgPermissions as P } from '../org.policy.js';
import { OrgErrors } from '../org.errors.js';
import { unitInput } from '../contracts.js';
import { createUnit, updateUnit } from './unit.commands.js';

const cols = sql`id, name, kind, duties, contact_person as "contactPerson", contact_phone as "contactPhone", active`;

export const unitRoutes = [
  defineRoute({
    method: 'GET', url: '/api/units', summary: 'Handling units (承办单位) with their duties', tags: ['units'],
    access: { permission: P['org.units.read'] },
    querystring: z.object({ q: z.string().trim().max(40).optional() }),
    async handler(req, ctx) {
      const q = req.query.q;
      const { rows } = await ctx.db.execute(sql`select ${cols} from handling_units where committee_id = ${ctx.committeeId}
        ${q ? sql`and (name like ${'%' + q + '%'} or duties like ${'%' + q + '%'})` : sql``} order by name`);
      return { items: rows, total: rows.length };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/units/:id', summary: 'One handling unit', tags: ['units'],
    access: { permission: P['org.units.read'] }, params: z.object({ id: z.uuid() }), resource: 'unit',
    async handler(req, ctx) {
      const { rows } = await ctx.db.execute(sql`select ${cols} from handling_units where committee_id = ${ctx.committeeId} and id = ${req.params.id}`);
      if (!rows[0]) throw new AppError(OrgErrors['unit.not_found']);
      return rows[0];
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/units', summary: 'Add a handling unit', tags: ['units'],
    access: { permission: P['org.units.write'] }, body: unitInput,
    example: { body: { name: '探针单位', duties: '' } },
    async handler(req, ctx, reply) {
      const id = await createUnit(ctx.db, ctx.actor, ctx.committeeId, req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/units/:id', summary: 'Change a handling unit', tags: ['units'],
    access: { permission: P['org.units.write'] }, params: z.object({ id: z.uuid() }), body: unitInput.partial(), resource: 'unit',
    example: { body: { duties: '负责全市教育工作' } },
    async handler(req, ctx) {
      await updateUnit(ctx.db, ctx.actor, ctx.committeeId, req.params.id, req.body);
      return { ok: true };
    },
  }),
];
