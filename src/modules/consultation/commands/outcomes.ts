import { claimAttachments } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Executor, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, unitIdsOf, type Caller } from '../consultation.policy.js';
import { feedbackInput, instructInput, outcomeInput, outcomePatch, referInput, resultInput, sendInput, type OutcomeInput } from '../contracts.js';
import { OUTCOME_KINDS, outcomeWorkflow, RECIPIENTS, RESULTS, type OutcomeAction, type OutcomeState } from '../domain/outcome-workflow.js';
import { findItem } from '../consultation.repository.js';
import { findMeeting } from '../meetings.repository.js';
import {
  clerkUsersOf, findOutcome, findRecommendation, findReferral, insertInstruction, insertOutcome, knownUnits, nextNumber, patchOutcome,
  recommendationsOf, referralsOf, replaceRecommendations, setResult, upsertReferrals, writeFeedback, type OutcomeRow,
} from '../outcomes.repository.js';
import { requireOffice } from './access.js';

export const FEEDBACK_FILES = 'consultation_feedback';
export const OUTCOME_EVENT = (a: OutcomeAction | 'create' | 'result') => `consultation.outcome_${a === 'create' ? 'created' : a === 'result' ? 'result_recorded' : a}`;
export const outcomeLabel = (o: Pick<OutcomeRow, 'kind' | 'year' | 'number'>) => `${OUTCOME_KINDS[o.kind]}${o.year}年第${o.number}期`;

const notFuture = (d: string) => {
  if (d > chinaDate()) throw new AppError(E['consultation.date_invalid']);
  return d;
};

/** 起草: a numbered document of a meeting that was held (or of a plan item), with its numbered recommendations. */
export async function createOutcome(db: Db, caller: Caller, raw: OutcomeInput): Promise<string> {
  const input = outcomeInput.parse(raw);
  requireOffice(caller, '起草协商成果', 'draft outcome documents');
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    let planItemId = input.planItemId ?? null;
    let year = yearOf(chinaDate());
    if (input.meetingId) {
      const m = await findMeeting(uow.tx, committeeId, input.meetingId);
      if (!m) throw new AppError(E['consultation.meeting_not_found']);
      if (m.state !== 'held' && m.state !== 'closed') throw new AppError(E['consultation.meeting_not_held']);
      planItemId = m.planItemId;
      year = m.year;
    } else if (planItemId) {
      if (!(await findItem(uow.tx, committeeId, planItemId))) throw new AppError(E['consultation.item_not_found']);
    } else {
      throw new AppError(E['consultation.outcome_source_required']);
    }
    const number = await nextNumber(uow.tx, committeeId, input.kind, year);
    const values = { planItemId: planItemId!, meetingId: input.meetingId ?? null, kind: input.kind, year, number, title: input.title, summary: input.summary ?? '' };
    const id = await insertOutcome(uow.tx, committeeId, values);
    await replaceRecommendations(uow.tx, committeeId, id, input.recommendations ?? []);
    await uow.audit({ committeeId, action: 'consultation_outcome.create', entity: 'consultation_outcome', entityId: id, after: { ...values, recommendations: input.recommendations ?? [], state: 'draft' } });
    await uow.emit({ type: OUTCOME_EVENT('create'), committeeId, entityId: id, payload: { outcomeId: id, kind: input.kind, year, number, planItemId } });
    return id;
  });
}

/** Changes a draft: title, text, the numbered recommendations as a whole list. */
export async function editOutcome(db: Db, caller: Caller, id: string, raw: { title?: string; summary?: string; recommendations?: string[] }) {
  const patch = outcomePatch.parse(raw);
  requireOffice(caller, '修改协商成果', 'change outcome documents');
  const { committeeId } = caller;
  await transact(db, caller.actor, async (uow) => {
    const o = await findOutcome(uow.tx, committeeId, id, true);
    if (!o) throw new AppError(E['consultation.outcome_not_found']);
    if (o.state !== 'draft') throw new AppError(E['consultation.outcome_not_draft']);
    await patchOutcome(uow.tx, committeeId, id, { title: patch.title, summary: patch.summary });
    if (patch.recommendations) await replaceRecommendations(uow.tx, committeeId, id, patch.recommendations);
    await uow.audit({ committeeId, action: 'consultation_outcome.edit', entity: 'consultation_outcome', entityId: id, before: { title: o.title }, after: patch });
  });
}

/** Who the caller is to one document: the office, and/or a clerk of a unit it was referred to that has not answered yet. */
async function actorsOf(tx: Executor, caller: Caller, id: string) {
  const actors = new Set<'office' | 'referred_unit'>(isOffice(caller) ? ['office'] : []);
  const mine = unitIdsOf(caller);
  if (mine.length && (await referralsOf(tx, caller.committeeId, id)).some((r) => mine.includes(r.unitId) && !r.feedbackAt)) actors.add('referred_unit');
  return actors;
}

type Work = (o: OutcomeRow, uow: UnitOfWork) => Promise<{ to?: OutcomeState; after?: Record<string, unknown> } | void>;
function outcomeMove(db: Db, caller: Caller, id: string, action: OutcomeAction, work: Work, load?: (tx: Executor) => Promise<OutcomeRow>) {
  const { committeeId } = caller;
  return transact(db, caller.actor, (uow) => outcomeWorkflow.move(uow, {
    action, committeeId, entity: 'consultation_outcome', entityId: id, event: OUTCOME_EVENT(action),
    async load() {
      const o = load ? await load(uow.tx) : await findOutcome(uow.tx, committeeId, id, true);
      if (!o) throw new AppError(E['consultation.outcome_not_found']);
      return { ...o, actors: await actorsOf(uow.tx, caller, id) };
    },
    async work(o) {
      const out = (await work(o, uow)) ?? {};
      return { to: out.to, after: out.after, payload: { outcomeId: id, kind: o.kind, year: o.year, number: o.number, planItemId: o.planItemId } };
    },
    writeState: (to) => patchOutcome(uow.tx, committeeId, id, { state: to }),
  }));
}

/** 报送: to the party committee and/or the government, on a date; a document without recommendations is not sent. */
export function sendOutcome(db: Db, caller: Caller, id: string, raw: { to: string[]; sentOn: string }) {
  const input = sendInput.parse(raw);
  return outcomeMove(db, caller, id, 'send', async (o, uow) => {
    if (!(await recommendationsOf(uow.tx, caller.committeeId, id)).length) throw new AppError(E['consultation.no_recommendations']);
    const sentOn = notFuture(input.sentOn);
    const to = [...new Set(input.to)];
    await patchOutcome(uow.tx, caller.committeeId, id, { sentTo: to, sentOn });
    return { after: { sentTo: to.map((r) => RECIPIENTS[r]), sentOn } };
  });
}

/** 登记批示: who, when, what (the state stays). */
export function recordInstruction(db: Db, caller: Caller, id: string, raw: { leader: string; onDate: string; text: string }) {
  const input = instructInput.parse(raw);
  return outcomeMove(db, caller, id, 'instruct', async (_o, uow) => {
    const onDate = notFuture(input.onDate);
    const instructionId = await insertInstruction(uow.tx, caller.committeeId, id, { leader: input.leader, onDate, body: input.text });
    return { after: { instructionId, leader: input.leader, onDate } };
  });
}

/** 转办: to handling units with a feedback deadline; each unit's clerks are told. */
export function referOutcome(db: Db, caller: Caller, id: string, raw: { unitIds: string[]; deadline: string; referredOn?: string }) {
  const input = referInput.parse(raw);
  return outcomeMove(db, caller, id, 'refer', async (o, uow) => {
    const unitIds = [...new Set(input.unitIds)];
    if ((await knownUnits(uow.tx, caller.committeeId, unitIds)) !== unitIds.length) throw new AppError(E['consultation.unit_unknown']);
    const referredOn = notFuture(input.referredOn ?? chinaDate());
    if (input.deadline < referredOn) throw new AppError(E['consultation.deadline_invalid']);
    const added = await upsertReferrals(uow.tx, caller.committeeId, id, unitIds, input.deadline, referredOn);
    const clerks = await clerkUsersOf(uow.tx, caller.committeeId, unitIds);
    await notify(uow.tx, {
      committeeId: caller.committeeId, userIds: clerks.map((c) => c.userId), kind: 'consultation.referred',
      title: `请办理${outcomeLabel(o)}《${o.title}》，于${input.deadline}前书面反馈`, link: `/consultation/outcomes/${id}`, entity: 'consultation_outcome', entityId: id,
    });
    return { after: { unitIds, newUnits: added.length, deadline: input.deadline, referredOn } };
  });
}

/** 书面反馈 by a clerk of a unit the document was referred to (another unit's referral is a 404); the last answer makes it 已反馈. */
export async function giveFeedback(db: Db, caller: Caller, referralId: string, raw: { text: string; attachmentIds?: string[] }) {
  const input = feedbackInput.parse(raw);
  const { committeeId } = caller;
  const ref = await findReferral(db, committeeId, referralId);
  if (!ref || !(unitIdsOf(caller).includes(ref.unitId) || isOffice(caller))) throw new AppError(E['consultation.referral_not_found']);
  return outcomeMove(db, caller, ref.outcomeId, 'feedback', async (_o, uow) => {
    const r = await findReferral(uow.tx, committeeId, referralId, true);
    if (!r || r.feedbackAt || !unitIdsOf(caller).includes(r.unitId)) throw new AppError(E['consultation.referral_not_found']);
    await writeFeedback(uow.tx, committeeId, referralId, input.text, caller.actor.userId);
    await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds ?? [], ownerKind: FEEDBACK_FILES, ownerId: referralId, actorUserId: caller.actor.userId });
    const open = (await referralsOf(uow.tx, committeeId, ref.outcomeId)).filter((x) => !x.feedbackAt && x.id !== referralId);
    return { to: open.length ? 'referred' : 'answered', after: { referralId, unitId: r.unitId, unitName: r.unitName } };
  });
}

/** 办结: the document is followed up (跟踪问效 done). */
export function concludeOutcome(db: Db, caller: Caller, id: string) {
  return outcomeMove(db, caller, id, 'conclude', async () => ({}));
}

/**
 * Per recommendation: the result (采纳 / 部分采纳 / 未采纳 / 落实中 / 已落实) with its evidence and
 * date. A recommendation of a document never sent has no result (409).
 */
export async function recordResult(db: Db, caller: Caller, recommendationId: string, raw: { result: string; evidence: string; onDate: string }) {
  const input = resultInput.parse(raw);
  requireOffice(caller, '登记采纳落实情况', 'record adoption results');
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const rec = await findRecommendation(uow.tx, committeeId, recommendationId, true);
    if (!rec) throw new AppError(E['consultation.recommendation_not_found']);
    const o = (await findOutcome(uow.tx, committeeId, rec.outcomeId))!;
    if (o.state === 'draft' || !o.sentOn) throw new AppError(E['consultation.not_sent']);
    const onDate = notFuture(input.onDate);
    await setResult(uow.tx, committeeId, recommendationId, { result: input.result, evidence: input.evidence, onDate });
    await uow.audit({
      committeeId, action: 'consultation_recommendation.result', entity: 'consultation_recommendation', entityId: recommendationId,
      before: { result: rec.result }, after: { result: input.result, resultLabel: RESULTS[input.result], evidence: input.evidence, onDate, outcomeId: o.id, seq: rec.seq },
    });
    await uow.emit({ type: OUTCOME_EVENT('result'), committeeId, entityId: o.id, payload: { outcomeId: o.id, recommendationId, seq: rec.seq, result: input.result, from: rec.result } });
    return o.id;
  });
}
