import { defineRoute } from '../../../platform/modules.js';
import { AppError } from '../../../platform/errors.js';
import { OrgPermissions as P } from '../org.policy.js';
import { OrgErrors } from '../org.errors.js';
import { memberInput, memberListQuery, memberPatch } from '../contracts.js';
import { createMember, updateMember } from './member.commands.js';
import { findMember } from './member.repository.js';
import { memberListJson, present } from './member-list.js';
import { idParams } from '../../../platform/http/route-kit.js';

export const memberRoutes = [
  defineRoute({
    method: 'GET', url: '/api/members', summary: 'List members: search by name or pinyin initials, filter, sort, page', tags: ['members'],
    access: { permission: P['org.members.read'] }, querystring: memberListQuery,
    async handler(req, ctx, reply) {
      // The hottest read of the app: pages are cached as JSON (member-list.ts), sent as they are.
      const body = await memberListJson(ctx.db, ctx.committeeId, req.query, ctx.can(P['org.members.read_private']));
      reply.type('application/json; charset=utf-8');
      return body;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/members/:id', summary: 'One member', tags: ['members'],
    access: { permission: P['org.members.read'] }, params: idParams, resource: 'member',
    async handler(req, ctx) {
      const m = await findMember(ctx.db, ctx.committeeId, req.params.id);
      if (!m) throw new AppError(OrgErrors['member.not_found']);
      return { ...present(m, ctx.can(P['org.members.read_private'])), abilities: { edit: ctx.can(P['org.members.write']) } };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/members', summary: 'Add a member to the current term', tags: ['members'],
    access: { permission: P['org.members.write'] }, body: memberInput,
    example: { body: { name: '探针委员', gender: 'female' } },
    async handler(req, ctx, reply) {
      const m = await createMember(ctx.db, ctx.actor, ctx.committeeId, req.body);
      reply.status(201);
      return m;
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/members/:id', summary: 'Change a member', tags: ['members'],
    access: { permission: P['org.members.write'] }, params: idParams, body: memberPatch, resource: 'member',
    example: { body: { title: '主任' } },
    async handler(req, ctx) {
      return updateMember(ctx.db, ctx.actor, ctx.committeeId, req.params.id, req.body);
    },
  }),
];
