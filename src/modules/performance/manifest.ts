import { seedPerformanceDemo } from './seed/demo.js';
import { registerAttachmentOwner } from '../../platform/attachments.js';
import { eventBus } from '../../platform/events.js';
import { defineModule } from '../../platform/modules.js';
import { createMember } from '../org/index.js';
import { activityRoutes } from './activity.routes.js';
import { assessmentRoutes } from './assessment.routes.js';
import { applyActivityEvent } from './commands/apply-activity-event.js';
import { applyDutyEvent } from './commands/apply-duty-event.js';
import { createActivity } from './commands/create-activity.js';
import { runAssessment } from './commands/run-assessment.js';
import { submitDutyRecord } from './commands/submit-duty-record.js';
import { chinaDate, yearOf } from '../../platform/time.js';
import { ACTIVITY_EVENTS, HANDLED_EVENTS } from './events.js';
import { outputRoutes } from './outputs/outputs.routes.js';
import { canOversee, memberIdsOf, type Caller } from './performance.policy.js';
import { ANNUAL_REPORT_FILES, findReportById } from './report.repository.js';
import { canSeeRecord } from './commands/record-move.js';
import { DUTY_RECORD_FILES, findRecord } from './record.repository.js';
import { callerOf } from '../../platform/http/route-kit.js';
import { recordRoutes } from './record.routes.js';
import { standingRoutes } from './standing.routes.js';
import { performanceWorkbench } from './workbench.js';
import { recordWorkflow } from './domain/record-workflow.js';

const probe = { userId: null, label: 'probe' };
const staff = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'member_affairs' }], admin: false });

/** 履职: activities and attendance, duty records and their verification, rules, live standing, the annual assessment. */
export function performanceModule() {
  return defineModule({
    name: 'performance',
    workbench: [performanceWorkbench],
    demoSeed: (db, o) => seedPerformanceDemo(db, o),
    workflows: [recordWorkflow],
    routes: [...activityRoutes, ...recordRoutes, ...standingRoutes, ...assessmentRoutes, ...outputRoutes],
    init(db) {
      // A record's photos are exactly as visible as the record: the members it names, its submitter, staff and leaders.
      registerAttachmentOwner(DUTY_RECORD_FILES, async (db, ctx, ownerId) => {
        const caller = callerOf(ctx);
        const record = await findRecord(db, ctx.committeeId, ownerId);
        return !!record && canSeeRecord(caller, record, canOversee(caller));
      });
      // A 述职 report's files: the member who wrote it, staff and leaders.
      registerAttachmentOwner(ANNUAL_REPORT_FILES, async (db, ctx, ownerId) => {
        const caller = callerOf(ctx);
        const report = await findReportById(db, ctx.committeeId, ownerId);
        return !!report && (canOversee(caller) || memberIdsOf(caller).includes(report.memberId));
      });
      // Duty records from other modules' events, delivered at least once: applyDutyEvent keys a
      // record by its source, so a second delivery changes nothing.
      eventBus.subscribe('performance.duty_records', [...HANDLED_EVENTS], (e) =>
        applyDutyEvent(db, { type: e.type, committeeId: e.committeeId, entityId: e.entityId, payload: e.payload, createdAt: e.createdAt }).then(() => {}));
      // Activities other modules ask for (consultation meetings), one per source, and invitation replies.
      eventBus.subscribe('performance.sourced_activities', [...ACTIVITY_EVENTS], (e) =>
        applyActivityEvent(db, { type: e.type, committeeId: e.committeeId, entityId: e.entityId, payload: e.payload, createdAt: e.createdAt }).then(() => {}));
    },
    probeFixtures: {
      activity: (db, committeeId) =>
        createActivity(db, staff(committeeId), { type: 'other_meeting', title: '他会座谈会', startsAt: new Date().toISOString(), inviteAll: true }),
      duty_record: async (db, committeeId) => {
        const member = await createMember(db, probe, committeeId, { name: '他会委员', gender: 'male' });
        const caller: Caller = { committeeId, actor: probe, grants: [{ role: 'member', memberId: member.id }], admin: false };
        return submitDutyRecord(db, caller, { kind: 'research', occurredOn: chinaDate(), title: '他会调研记录' });
      },
      assessment: async (db, committeeId) => {
        await createMember(db, probe, committeeId, { name: '他会委员', gender: 'female' });
        return (await runAssessment(db, staff(committeeId), { year: yearOf(chinaDate()) })).id;
      },
    },
  });
}
