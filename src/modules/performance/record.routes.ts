import { defineRoute } from '../../platform/modules.js';
import { rejectDutyRecord } from './commands/reject-duty-record.js';
import { submitDutyRecord } from './commands/submit-duty-record.js';
import { verifyDutyRecord } from './commands/verify-duty-record.js';
import { unverifyDutyRecord } from './commands/unverify-duty-record.js';
import { voidDutyRecord } from './commands/void-duty-record.js';
import { withdrawDutyRecord } from './commands/withdraw-duty-record.js';
import { recordInput, recordListQuery, rejectInput, voidInput } from './contracts.js';
import { ACTIVITY_TYPES, DUTY_KINDS, KIND_METRICS, SELF_REPORTABLE } from './domain/kinds.js';
import { RECORD_STATUSES, RECORD_TRANSITIONS } from './domain/record-workflow.js';
import { PerformancePermissions as P } from './performance.policy.js';
import { getDutyRecord, listDutyRecords } from './queries/duty-records.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { tags } from './route-kit.js';

/** 履职记录: self-report with evidence, the verification queue, verify / unverify / reject / withdraw / void. */
export const recordRoutes = [
  defineRoute({
    method: 'GET', url: '/api/performance/kinds', summary: 'Duty kinds, their metrics, activity types, record statuses and the record workflow', tags,
    access: { permission: P['performance.read'] },
    handler: async () => ({
      kinds: DUTY_KINDS,
      selfReportable: SELF_REPORTABLE,
      metrics: Object.fromEntries(Object.entries(KIND_METRICS).map(([k, s]) => [k, Object.keys(s.shape)])),
      activityTypes: ACTIVITY_TYPES,
      statuses: RECORD_STATUSES,
      transitions: RECORD_TRANSITIONS,
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/records', summary: 'Duty records (staff: anyone, e.g. status=submitted is the verification queue; a member: their own)', tags,
    access: { permission: P['performance.read'] }, querystring: recordListQuery,
    handler: (req, ctx) => listDutyRecords(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/records', summary: 'Self-report a duty record with evidence (file names or links for now); it counts once verified', tags,
    access: { permission: P['performance.report'] }, body: recordInput,
    example: {
      body: {
        kind: 'investment', occurredOn: '2026-03-15', title: '赴深圳开展招商推介', metrics: { enterprisesContacted: 12, projectsSigned: 2, amountWan: 8000 },
        evidence: [{ name: '签约仪式照片.jpg' }],
      },
    },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await submitDutyRecord(ctx.db, caller, req.body);
      reply.status(201);
      return getDutyRecord(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/records/:id', summary: 'One duty record with the caller abilities', tags,
    access: { permission: P['performance.read'] }, params: idParams, resource: 'duty_record',
    handler: (req, ctx) => getDutyRecord(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/records/:id/verify', summary: 'Verify (核实) a self-reported record — never one naming yourself', tags,
    access: { permission: P['performance.verify'] }, params: idParams, resource: 'duty_record',
    async handler(req, ctx) {
      await verifyDutyRecord(ctx.db, callerOf(ctx), req.params.id);
      return getDutyRecord(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/records/:id/unverify', summary: 'Undo a verification (撤销核实): a self-reported record goes back to the queue and stops counting', tags,
    access: { permission: P['performance.verify'] }, params: idParams, resource: 'duty_record',
    async handler(req, ctx) {
      await unverifyDutyRecord(ctx.db, callerOf(ctx), req.params.id);
      return getDutyRecord(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/records/:id/reject', summary: 'Reject (退回) a self-reported record with a reason', tags,
    access: { permission: P['performance.verify'] }, params: idParams, resource: 'duty_record', body: rejectInput,
    example: { body: { reason: '缺少活动照片或签到表' } },
    async handler(req, ctx) {
      await rejectDutyRecord(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getDutyRecord(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/records/:id/withdraw', summary: 'Withdraw (撤回) a record not yet decided', tags,
    access: { permission: P['performance.report'] }, params: idParams, resource: 'duty_record',
    async handler(req, ctx) {
      await withdrawDutyRecord(ctx.db, callerOf(ctx), req.params.id);
      return getDutyRecord(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/records/:id/void', summary: 'Void (作废) a verified record found wrong, with a reason', tags,
    access: { permission: P['performance.verify'] }, params: idParams, resource: 'duty_record', body: voidInput,
    example: { body: { reason: '与会议签到记录重复' } },
    async handler(req, ctx) {
      await voidDutyRecord(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getDutyRecord(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
];
