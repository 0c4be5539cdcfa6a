import { z } from 'zod';
import { callerOf, idParams, moveRoute } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import { committeeScope } from '../../platform/scope.js';
import { scopeParam } from '../../platform/figures.js';
import { calendarDate } from '../../platform/schema.js';
import { createCarePair, endCarePair, recordCareVisit } from './commands/care.js';
import { closePlace, createPlace, editPlace, setPlaceStandard } from './commands/places.js';
import { addReceptionRule, addVisit, endReceptionRule, recordReception, voidReception } from './commands/receptions.js';
import { createRegion } from './commands/regions.js';
import { updateNetworkSettings } from './commands/settings.js';
import {
  careEndInput, careInput, careVisitInput, overviewQuery, placeInput, placePatch, placesQuery, rangeQuery, reasonInput, receptionInput, receptionsQuery,
  regionInput, regionsQuery, ruleInput, standardInput, visitInput,
} from './contracts.js';
import { networkSettingsPatch, parseNetworkSettings } from './domain/settings.js';
import { NetworkPermissions as P } from './network.policy.js';
import { listRegions, readSettings } from './network.repository.js';
import { listCarePairs, listReceptions, myDuties, placeSchedule } from './queries/duties.js';
import { networkMapSvg } from './queries/map.js';
import { networkOverview } from './queries/overview.js';
import { getPlace, listPlaces } from './queries/places.js';

const tags = ['network'];
const BASE = '/api/network';
const FAKE = '00000000-0000-4000-8000-000000000001';
const PLACE = {
  type: 'room', name: '鲁家沟镇将台村协商议事室', regionId: FAKE, address: '安定区鲁家沟镇将台村村委会', openingHours: '周一至周五 9:00–17:00',
  firstConvener: { name: '王建国', post: '将台村党支部书记' }, execConvener: { name: '李梅' },
};
const ok = { ok: true } as const;

export const networkRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: `${BASE}/settings`, summary: "The committee's place types and standards checklist", tags,
    access: { permission: P['network.read'] },
    handler: async (_req, ctx) => parseNetworkSettings(await readSettings(ctx.db, ctx.committeeId)),
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/settings`, summary: "Change the committee's place types and standards (office)", tags,
    access: { permission: P['network.manage'] }, body: networkSettingsPatch, example: { body: { standards: ['有阵地', '有标识', '有制度'] } },
    handler: (req, ctx) => updateNetworkSettings(ctx.db, callerOf(ctx), req.body),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/regions`, summary: "The committee's regions (filter by parent or level)", tags,
    access: { permission: P['network.read'] }, querystring: regionsQuery,
    handler: (req, ctx) => listRegions(ctx.db, ctx.committeeId, req.query),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/regions`, summary: 'Add a region (town under the county, village under a town; office)', tags,
    access: { permission: P['network.manage'] }, body: regionInput, example: { body: { level: 'county', code: '621102', name: '安定区' } },
    async handler(req, ctx, reply) {
      const id = await createRegion(ctx.db, callerOf(ctx), req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/places`, summary: 'Places of the network (filter by type, region, name)', tags,
    access: { permission: P['network.read'] }, querystring: placesQuery, example: { query: { type: 'station' } },
    handler: (req, ctx) => listPlaces(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/places`, summary: 'Set up a place (委员工作站/工作室/协商议事室/联络服务站; office)', tags,
    access: { permission: P['network.manage'] }, body: placeInput, example: { body: PLACE },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createPlace(ctx.db, caller, req.body);
      reply.status(201);
      return getPlace(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/places/:id`, summary: 'One place: conveners, members placed, standards, reception rota, photos', tags,
    access: { permission: P['network.read'] }, resource: 'network_place', params: idParams,
    handler: (req, ctx) => getPlace(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/places/:id`, summary: 'Change a place (office)', tags,
    access: { permission: P['network.manage'] }, resource: 'network_place', params: idParams, body: placePatch, example: { body: { openingHours: '每周三 9:00–12:00' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      await editPlace(ctx.db, caller, req.params.id, req.body);
      return getPlace(ctx.db, caller, req.params.id);
    },
  }),
  defineRoute({
    method: 'DELETE', url: `${BASE}/places/:id`, summary: '撤销: close a place (it stays in the ledger; office)', tags,
    access: { permission: P['network.manage'] }, resource: 'network_place', params: idParams,
    async handler(req, ctx) {
      await closePlace(ctx.db, callerOf(ctx), req.params.id);
      return ok;
    },
  }),
  moveRoute({
    base: `${BASE}/places`, path: 'standards', summary: 'Tick or untick one item of the standards checklist (office)', tags, permission: P['network.manage'],
    resource: 'network_place', body: standardInput, example: { item: '有标识', met: true }, method: 'PUT',
    run: (db, caller, id, body) => setPlaceStandard(db, caller, id, body), answer: getPlace,
  }),
  moveRoute({
    base: `${BASE}/places`, path: 'schedule', summary: '委员接待日: add a rota rule (weekly on weekdays or monthly on days) with the members on duty (office)', tags,
    permission: P['network.manage'], resource: 'network_place', body: ruleInput, status: 201,
    example: { kind: 'monthly', days: [10, 20], memberIds: [FAKE], startsOn: '2026-01-01' },
    run: (db, caller, id, body) => addReceptionRule(db, caller, id, body), answer: getPlace,
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/places/:id/schedule`, summary: "A place's reception days in a range with the members on duty", tags,
    access: { permission: P['network.read'] }, resource: 'network_place', params: idParams, querystring: rangeQuery,
    example: { query: { from: '2026-03-01', to: '2026-03-31' } },
    handler: (req, ctx) => placeSchedule(ctx.db, callerOf(ctx), req.params.id, req.query),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/schedule-rules/:id/end`, summary: 'End a rota rule from a date (office)', tags,
    access: { permission: P['network.manage'] }, resource: 'network_rule', params: idParams, body: z.object({ endsOn: calendarDate({ minYear: 2000 }) }),
    example: { body: { endsOn: '2026-12-31' } },
    async handler(req, ctx) {
      await endReceptionRule(ctx.db, callerOf(ctx), req.params.id, req.body.endsOn);
      return ok;
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/my-duties`, summary: "我的接待日: the calling member's duty days in a range", tags,
    access: { permission: P['network.read'] }, querystring: rangeQuery, example: { query: { from: '2026-03-01', to: '2026-03-31' } },
    handler: (req, ctx) => myDuties(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/places/:id/receptions`, summary: 'Record a reception held, with its visit log (credits the members a duty record)', tags,
    access: { permission: P['network.receive'] }, resource: 'network_place', params: idParams, body: receptionInput,
    example: { body: { heldOn: '2026-03-10', memberIds: [FAKE], visits: [{ visitor: '村民张大爷', matter: '村道硬化', answer: '已联系镇政府', outcome: 'referred' }] } },
    async handler(req, ctx, reply) {
      const id = await recordReception(ctx.db, callerOf(ctx), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/receptions`, summary: 'Receptions with their visit logs (office and leaders: all; a member: their own)', tags,
    access: { permission: P['network.read'] }, querystring: receptionsQuery,
    handler: (req, ctx) => listReceptions(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/receptions/:id/visits`, summary: "Add a visit to a reception's log (office or a member who held it)", tags,
    access: { permission: P['network.receive'] }, resource: 'network_reception', params: idParams, body: visitInput,
    example: { body: { visitor: '村民', matter: '灌溉水渠维修', outcome: 'recorded' } },
    async handler(req, ctx, reply) {
      const id = await addVisit(ctx.db, callerOf(ctx), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/receptions/:id/void`, summary: 'Void a reception recorded in error (its duty records are revoked; office)', tags,
    access: { permission: P['network.manage'] }, resource: 'network_reception', params: idParams, body: reasonInput, example: { body: { reason: '重复登记' } },
    async handler(req, ctx) {
      await voidReception(ctx.db, callerOf(ctx), req.params.id, req.body);
      return ok;
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/care-pairs`, summary: '结对关爱 pairings with visits, policies applied and difficulties solved counted', tags,
    access: { permission: P['network.read'] },
    handler: (_req, ctx) => listCarePairs(ctx.db, callerOf(ctx)),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/care-pairs`, summary: 'Pair a member with a person in need (a member: themselves; the office: any member)', tags,
    access: { permission: P['network.care'] }, body: careInput, example: { body: { personName: '王奶奶', situation: '独居老人', startedOn: '2026-01-05' } },
    async handler(req, ctx, reply) {
      const id = await createCarePair(ctx.db, callerOf(ctx), req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/care-pairs/:id/visits`, summary: 'Record a care visit', tags,
    access: { permission: P['network.care'] }, resource: 'network_care', params: idParams, body: careVisitInput,
    example: { body: { visitedOn: '2026-02-01', policies: ['临时救助'], difficultiesSolved: 1 } },
    async handler(req, ctx, reply) {
      const id = await recordCareVisit(ctx.db, callerOf(ctx), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/care-pairs/:id/end`, summary: 'End a care pairing', tags,
    access: { permission: P['network.care'] }, resource: 'network_care', params: idParams, body: careEndInput, example: { body: { endedOn: '2026-06-30' } },
    async handler(req, ctx) {
      await endCarePair(ctx.db, callerOf(ctx), req.params.id, req.body);
      return ok;
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/overview`, summary: '网络一张图: the committee’s towns with villages, coverage, places by type, members placed and receptions', tags,
    access: { permission: P['network.read'] }, querystring: overviewQuery,
    handler: (req, ctx) => networkOverview(ctx.db, ctx.committeeId, req.query.year),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/map.svg`, summary: 'The network as an SVG schematic drawn from the region table (scope=self|tree)', tags,
    access: { permission: P['network.read'] }, querystring: z.object({ scope: scopeParam }), example: { query: { scope: 'self' } },
    async handler(req, ctx, reply) {
      const svg = await networkMapSvg(ctx.db, await committeeScope(ctx.db, ctx.committeeId, req.query.scope));
      reply.type('image/svg+xml; charset=utf-8');
      return svg;
    },
  }),
];
