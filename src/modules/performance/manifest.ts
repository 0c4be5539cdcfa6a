import { seedPerformanceDemo } from './seed/demo.js';
import { sql } from 'drizzle-orm';
import { registerAttachmentOwner } from '../../platform/attachments.js';
import type { Db } from '../../platform/db/database.js';
import { eventBus, type DomainEvent } from '../../platform/events.js';
import { defineModule } from '../../platform/modules.js';
import { createMember } from '../org/index.js';
import { activityRoutes } from './activity.routes.js';
import { assessmentRoutes } from './assessment.routes.js';
import { applyDutyEvent } from './commands/apply-duty-event.js';
import { createActivity } from './commands/create-activity.js';
import { committeesWithEvents, replayEvents } from './commands/replay-events.js';
import { runAssessment } from './commands/run-assessment.js';
import { submitDutyRecord } from './commands/submit-duty-record.js';
import { chinaDate, yearOf } from '../../platform/time.js';
import { HANDLED_EVENTS } from './events.js';
import { outputRoutes } from './outputs/outputs.routes.js';
import { canOversee, memberIdsOf, type Caller } from './performance.policy.js';
import { ANNUAL_REPORT_FILES, findReportById } from './report.repository.js';
import { canSeeRecord } from './commands/record-move.js';
import { DUTY_RECORD_FILES, findRecord } from './record.repository.js';
import { callerOf } from '../../platform/http/route-kit.js';
import { recordRoutes } from './record.routes.js';
import { standingRoutes } from './standing.routes.js';
import { recordWorkflow } from './domain/record-workflow.js';

const probe = { userId: null, label: 'probe' };
const staff = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'member_affairs' }], admin: false });

/** When the event was stored (its row is committed before subscribers run); the record's date comes from it. */
async function storedAt(db: Db, e: DomainEvent): Promise<string> {
  const { rows } = await db.execute<{ at: string }>(sql`select created_at as at from domain_events
    where committee_id = ${e.committeeId} and type = ${e.type} and entity_id is not distinct from ${e.entityId ?? null}
    order by id desc limit 1`);
  return rows[0]?.at ?? new Date().toISOString();
}

const subscribed = new WeakSet<object>();

/** 履职: activities and attendance, duty records and their verification, rules, live standing, the annual assessment. */
export function performanceModule() {
  return defineModule({
    name: 'performance',
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
      if (subscribed.has(db)) return;
      subscribed.add(db);
      for (const type of HANDLED_EVENTS) {
        eventBus.subscribe(type, async (e) => {
          await applyDutyEvent(db, { type: e.type, committeeId: e.committeeId, entityId: e.entityId ?? null, payload: e.payload, createdAt: await storedAt(db, e) });
        });
      }
    },
    jobs: [
      {
        // Catches events whose subscriber never ran (the process stopped between commit and handler).
        name: 'performance.replay_recent_events',
        everyMs: 60 * 60 * 1000,
        async run(db) {
          const since = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
          let created = 0;
          const committees = await committeesWithEvents(db, since);
          for (const c of committees) created += (await replayEvents(db, c, since)).created;
          return `${committees.length} committees replayed, ${created} records recovered`;
        },
      },
    ],
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
