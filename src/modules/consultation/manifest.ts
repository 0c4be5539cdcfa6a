import { defineFigure } from '../../platform/figures.js';
import { defineModule } from '../../platform/modules.js';
import { createMember } from '../org/index.js';
import { createPlan } from './commands/create-plan.js';
import { addPlanItem } from './commands/plan-items.js';
import { submitTopic } from './commands/topics.js';
import { ConsultationPermissions as P, type Caller } from './consultation.policy.js';
import { consultationRoutes } from './consultation.routes.js';
import { meetingRoutes } from './meetings.routes.js';
import { outcomeRoutes } from './outcomes.routes.js';
import { exportRoutes } from './exports.routes.js';
import { onlineRoutes } from './online.routes.js';
import { moderateOpinion as _m, openOnlineTopic, postOpinion } from './commands/online.js';
import { outcomeWorkflow } from './domain/outcome-workflow.js';
import { createOutcome, FEEDBACK_FILES, referOutcome, sendOutcome } from './commands/outcomes.js';
import { feedbackReminderJob } from './reminders.js';
import { consultationFigures } from './queries/progress.js';
import { findReferral, recommendationsOf, referralsOf } from './outcomes.repository.js';
import { createUnit } from '../org/index.js';
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
import { oversees, memberIdsOf, unitIdsOf } from './consultation.policy.js';
import { planFigureQuery } from './contracts.js';
import { planWorkflow } from './domain/plan-workflow.js';
import { topicWorkflow } from './domain/topic-workflow.js';
import { planItemFigures } from './queries/plan-figures.js';
import { seedConsultationDemoSummary } from './seed/demo.js';
import { consultationWorkbench, planItemSearch, topicSearch } from './workbench.js';

const probe = { userId: null, label: 'probe' };
const office = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'general' }], admin: false });

/** 协商议政: topic collection and the annual consultation plan with its approval path (meetings and outcomes come next). */
export function consultationModule() {
  return defineModule({
    name: 'consultation',
    workflows: [planWorkflow, topicWorkflow, meetingWorkflow, outcomeWorkflow],
    routes: [...consultationRoutes, ...meetingRoutes, ...outcomeRoutes, ...exportRoutes, ...onlineRoutes],
    jobs: [feedbackReminderJob],
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
      // A unit's feedback files: staff, leaders and the clerks of that unit.
      registerAttachmentOwner(FEEDBACK_FILES, async (d, ctx, ownerId) => {
        const caller = callerOf(ctx);
        const r = await findReferral(d, ctx.committeeId, ownerId);
        return !!r && (oversees(caller) || unitIdsOf(caller).includes(r.unitId));
      });
      // The meeting learns its check-in activity from performance's event (delivered at least once; linking twice changes nothing).
      eventBus.subscribe('consultation.meeting_activities', ['performance.activity_created'], async (e) => {
        const ref = (e.payload as { sourceRef?: unknown } | null)?.sourceRef;
        const activityId = (e.payload as { activityId?: unknown } | null)?.activityId;
        const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
        // Activities of other sources, or a malformed ref, are not the meeting's: skipped rather than retried.
        if (typeof ref !== 'string' || !ref.startsWith(MEETING_REF_PREFIX) || !uuid.test(ref.slice(MEETING_REF_PREFIX.length))) return;
        if (typeof activityId !== 'string' || !uuid.test(activityId)) return;
        await linkActivity(db, e.committeeId, ref.slice(MEETING_REF_PREFIX.length), activityId);
      });
    },
    workbench: [consultationWorkbench],
    search: [topicSearch, planItemSearch],
    demoSeed: (db) => seedConsultationDemoSummary(db),
    figures: [
      defineFigure({
        name: 'plan-items', title: { zh: '协商计划项目（按形式、状态）', en: 'Consultation plan items by form and state' },
        permission: P['consultation.oversee'], query: planFigureQuery, example: { scope: 'self', year: '2026' },
        compute: (db, scope, q) => planItemFigures(db, scope, q.year),
      }),
      defineFigure({
        name: 'consultation', title: { zh: '协商议政（会议、发言、成果、建议采纳、批示）', en: 'Consultation: meetings, speeches, outcomes, adoption, instructions' },
        permission: P['consultation.oversee'], query: planFigureQuery, example: { scope: 'self', year: '2026' },
        compute: (db, scope, q) => consultationFigures(db, scope, q.year),
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
      consultation_outcome: (db, committeeId) => outcomeFixture(db, committeeId).then((f) => f.outcomeId),
      consultation_recommendation: (db, committeeId) => outcomeFixture(db, committeeId).then((f) => f.recommendationId),
      consultation_referral: (db, committeeId) => outcomeFixture(db, committeeId).then((f) => f.referralId),
      consultation_online_topic: (db, committeeId) => onlineFixture(db, committeeId).then((f) => f.topicId),
      consultation_opinion: (db, committeeId) => onlineFixture(db, committeeId).then((f) => f.opinionId),
      consultation_topic: async (db, committeeId) => {
        const member = await createMember(db, probe, committeeId, { name: '他会委员', gender: 'male' } as never);
        const caller: Caller = { committeeId, actor: probe, grants: [{ role: 'member', memberId: member.id }], admin: false };
        return submitTopic(db, caller, { year: 2026, title: '推动中医药产业高质量发展' });
      },
    },
  });
}

/** Another committee's outcome document, sent and referred to one of its units, through the real commands (one per committee). */
const outcomeFixtures = new Map<string, Promise<{ outcomeId: string; recommendationId: string; referralId: string }>>();
function outcomeFixture(db: Parameters<typeof createPlan>[0], committeeId: string) {
  const made = outcomeFixtures.get(committeeId) ?? (async () => {
    const planId = await createPlan(db, office(committeeId), { year: 2029 });
    const planItemId = await addPlanItem(db, office(committeeId), planId, { title: '推动中医药产业高质量发展', form: '专题协商会', lead: '经济委员会', month: 4 });
    const outcomeId = await createOutcome(db, office(committeeId), { kind: 'report', planItemId, title: '他会协商专报', recommendations: ['他会建议一'] });
    await sendOutcome(db, office(committeeId), outcomeId, { to: ['government'], sentOn: '2026-01-05' });
    const unitId = await createUnit(db, probe, committeeId, { name: '他会承办单位' });
    await referOutcome(db, office(committeeId), outcomeId, { unitIds: [unitId], deadline: '2030-01-01', referredOn: '2026-01-06' });
    const [rec] = await recommendationsOf(db, committeeId, outcomeId);
    const [ref] = await referralsOf(db, committeeId, outcomeId);
    return { outcomeId, recommendationId: rec.id, referralId: ref.id };
  })();
  outcomeFixtures.set(committeeId, made);
  return made;
}

/** Another committee's open online topic with one member's opinion, through the commands (one per committee). */
const onlineFixtures = new Map<string, Promise<{ topicId: string; opinionId: string }>>();
function onlineFixture(db: Parameters<typeof createPlan>[0], committeeId: string) {
  const made = onlineFixtures.get(committeeId) ?? (async () => {
    const member = await createMember(db, probe, committeeId, { name: '他会议政委员', gender: 'female' } as never);
    const now = Date.now();
    const topicId = await openOnlineTopic(db, office(committeeId), {
      title: '他会网络议政议题', opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 30 * 86400_000).toISOString(), memberIds: [member.id],
    });
    const asMember: Caller = { committeeId, actor: probe, grants: [{ role: 'member', memberId: member.id }], admin: false };
    const opinionId = await postOpinion(db, asMember, topicId, { body: '他会委员的议政意见' });
    return { topicId, opinionId };
  })();
  onlineFixtures.set(committeeId, made);
  return made;
}
