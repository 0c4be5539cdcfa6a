import { defineFigure } from '../../platform/figures.js';
import { defineModule } from '../../platform/modules.js';
import { createMember } from '../org/index.js';
import { createPlan } from './commands/create-plan.js';
import { addPlanItem } from './commands/plan-items.js';
import { submitTopic } from './commands/topics.js';
import { ConsultationPermissions as P, type Caller } from './consultation.policy.js';
import { consultationRoutes } from './consultation.routes.js';
import { meetingRoutes } from './meetings.routes.js';
import { meetingWorkflow } from './domain/meeting-workflow.js';
import { createMeeting, MEETING_FILES, MINUTES_FILES } from './commands/meetings.js';
import { SPEECH_FILES } from './commands/speeches.js';
import { issuePlan, recordDecision, submitForReview } from './commands/move-plan.js';
import { registerAttachmentOwner } from '../../platform/attachments.js';
import { eventBus } from '../../platform/events.js';
import { callerOf } from '../../platform/http/route-kit.js';
import { linkActivity } from './meetings.repository.js';
import { visibleMeeting } from './queries/get-meeting.js';
import { findSpeech } from './meetings.repository.js';
import { MEETING_REF_PREFIX } from './events.js';
import { oversees, memberIdsOf } from './consultation.policy.js';
import { planFigureQuery } from './contracts.js';
import { planWorkflow } from './domain/plan-workflow.js';
import { topicWorkflow } from './domain/topic-workflow.js';
import { planItemFigures } from './queries/plan-figures.js';
import { seedConsultationDemoSummary } from './seed/demo.js';

const probe = { userId: null, label: 'probe' };
const office = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'general' }], admin: false });

/** 协商议政: topic collection and the annual consultation plan with its approval path (meetings and outcomes come next). */
export function consultationModule() {
  return defineModule({
    name: 'consultation',
    workflows: [planWorkflow, topicWorkflow, meetingWorkflow],
    routes: [...consultationRoutes, ...meetingRoutes],
    init(db) {
      // Materials and minutes are as visible as the meeting; a speech's files to staff, leaders and the speaker.
      const meetingFiles = async (d: typeof db, ctx: Parameters<typeof callerOf>[0], ownerId: string) =>
        visibleMeeting(d, callerOf(ctx), ownerId).then(() => true, () => false);
      registerAttachmentOwner(MEETING_FILES, meetingFiles);
      registerAttachmentOwner(MINUTES_FILES, meetingFiles);
      registerAttachmentOwner(SPEECH_FILES, async (d, ctx, ownerId) => {
        const caller = callerOf(ctx);
        const s = await findSpeech(d, ctx.committeeId, ownerId);
        return !!s && (oversees(caller) || memberIdsOf(caller).includes(s.memberId));
      });
      // The meeting learns its check-in activity from performance's event (delivered at least once; linking twice changes nothing).
      eventBus.subscribe('consultation.meeting_activities', ['performance.activity_created'], async (e) => {
        const ref = (e.payload as { sourceRef?: unknown } | null)?.sourceRef;
        const activityId = (e.payload as { activityId?: unknown } | null)?.activityId;
        if (typeof ref !== 'string' || !ref.startsWith(MEETING_REF_PREFIX) || typeof activityId !== 'string') return;
        await linkActivity(db, e.committeeId, ref.slice(MEETING_REF_PREFIX.length), activityId);
      });
    },
    demoSeed: (db) => seedConsultationDemoSummary(db),
    figures: [
      defineFigure({
        name: 'plan-items', title: { zh: '协商计划项目（按形式、状态）', en: 'Consultation plan items by form and state' },
        permission: P['consultation.oversee'], query: planFigureQuery, example: { scope: 'self', year: '2026' },
        compute: (db, scope, q) => planItemFigures(db, scope, q.year),
      }),
    ],
    probeFixtures: {
      // Made through the real commands, in the given committee (the plan and the item in different years: one plan per year).
      consultation_plan: (db, committeeId) => createPlan(db, office(committeeId), { year: 2026 }),
      consultation_plan_item: async (db, committeeId) => {
        const planId = await createPlan(db, office(committeeId), { year: 2027 });
        return addPlanItem(db, office(committeeId), planId, { title: '和美乡村建设', form: '专题协商会', lead: '农业和农村委员会', month: 4 });
      },
      consultation_meeting: async (db, committeeId) => {
        const planId = await createPlan(db, office(committeeId), { year: 2028 });
        const itemId = await addPlanItem(db, office(committeeId), planId, { title: '金融服务保障强工业行动', form: '双月协商座谈会', lead: '经济委员会', month: 4 });
        await submitForReview(db, office(committeeId), planId);
        await recordDecision(db, office(committeeId), planId, { decidedOn: '2026-01-20', docNo: '市委办发〔2026〕3号' });
        await issuePlan(db, office(committeeId), planId, { issuedOn: '2026-01-25' });
        return createMeeting(db, office(committeeId), itemId, { startsAt: '2028-04-20T09:00:00+08:00', place: '他会会议室' });
      },
      consultation_topic: async (db, committeeId) => {
        const member = await createMember(db, probe, committeeId, { name: '他会委员', gender: 'male' } as never);
        const caller: Caller = { committeeId, actor: probe, grants: [{ role: 'member', memberId: member.id }], admin: false };
        return submitTopic(db, caller, { year: 2026, title: '推动中医药产业高质量发展' });
      },
    },
  });
}
