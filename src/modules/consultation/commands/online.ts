import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications.js';
import { chinaDateTime } from '../../../platform/time.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, memberIdsOf, oversees, type Caller } from '../consultation.policy.js';
import { findItem } from '../consultation.repository.js';
import { carryInput, moderateInput, onlineTopicInput, opinionInput } from '../contracts.js';
import { knownMembers, userIdsOfMembers } from '../meetings.repository.js';
import { findOutcome, recommendationsOf } from '../outcomes.repository.js';
import { requireOffice } from './access.js';

/**
 * 网络议政: the office opens a topic to a chosen group of members for a window; they post opinions
 * inside it; staff publish or hide each; published ones are carried into a draft outcome document
 * as its next numbered recommendations.
 */
const ids = (a: readonly string[]) => sql`(select x::uuid from jsonb_array_elements_text(${JSON.stringify(a)}::jsonb) x)`;
export type OnlineTopicRow = { id: string; planItemId: string | null; title: string; description: string; opensAt: string; closesAt: string };
export type OpinionRow = { id: string; topicId: string; memberId: string; memberName: string; body: string; status: string; outcomeId: string | null; createdAt: string };

export async function findOnlineTopic(db: Executor, committeeId: string, id: string): Promise<OnlineTopicRow | undefined> {
  const { rows } = await db.execute<OnlineTopicRow>(sql`select id, plan_item_id as "planItemId", title, description, opens_at as "opensAt", closes_at as "closesAt"
    from consultation_online_topics where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}
const isParticipant = async (db: Executor, committeeId: string, topicId: string, memberIds: string[]) => memberIds.length > 0 &&
  (await db.execute(sql`select 1 from consultation_online_participants where committee_id = ${committeeId} and topic_id = ${topicId} and member_id in ${ids(memberIds)}`)).rows.length > 0;

export async function opinionsOf(db: Executor, committeeId: string, topicId: string): Promise<OpinionRow[]> {
  const { rows } = await db.execute<OpinionRow>(sql`select o.id, o.topic_id as "topicId", o.member_id as "memberId", m.name as "memberName", o.body, o.status,
    o.outcome_id as "outcomeId", o.created_at as "createdAt" from consultation_opinions o join members m on m.committee_id = o.committee_id and m.id = o.member_id
    where o.committee_id = ${committeeId} and o.topic_id = ${topicId} order by o.created_at, o.id`);
  return rows;
}

export async function openOnlineTopic(db: Db, caller: Caller, raw: { title: string; opensAt: string; closesAt: string; memberIds: string[]; description?: string; planItemId?: string }): Promise<string> {
  const input = onlineTopicInput.parse(raw);
  requireOffice(caller, '发起网络议政', 'open online deliberation');
  if (new Date(input.closesAt) <= new Date(input.opensAt)) throw new AppError(E['consultation.window_invalid']);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    if (input.planItemId && !(await findItem(uow.tx, committeeId, input.planItemId))) throw new AppError(E['consultation.item_not_found']);
    const memberIds = [...new Set(input.memberIds)];
    if ((await knownMembers(uow.tx, committeeId, memberIds)) !== memberIds.length) throw new AppError(E['consultation.member_unknown']);
    const { rows } = await uow.tx.execute<{ id: string }>(sql`insert into consultation_online_topics (committee_id, plan_item_id, title, description, opens_at, closes_at)
      values (${committeeId}, ${input.planItemId ?? null}, ${input.title}, ${input.description ?? ''}, ${input.opensAt}, ${input.closesAt}) returning id`);
    const id = rows[0].id;
    await uow.tx.execute(sql`insert into consultation_online_participants (committee_id, topic_id, member_id) select ${committeeId}, ${id}, x from ${ids(memberIds)} as t(x)`);
    await notify(uow.tx, {
      committeeId, userIds: await userIdsOfMembers(uow.tx, committeeId, memberIds), kind: 'consultation.online_opened',
      title: `网络议政：${input.title}`, body: `${chinaDateTime(input.opensAt)} 至 ${chinaDateTime(input.closesAt)}，欢迎发表意见。`,
      link: `/consultation/online/${id}`, entity: 'consultation_online_topic', entityId: id,
    });
    await uow.audit({ committeeId, action: 'consultation_online.open', entity: 'consultation_online_topic', entityId: id, after: { title: input.title, opensAt: input.opensAt, closesAt: input.closesAt, members: memberIds.length } });
    await uow.emit({ type: 'consultation.online_opened', committeeId, entityId: id, payload: { topicId: id, members: memberIds.length } });
    return id;
  });
}

/** A topic as the caller sees it: staff and leaders every opinion; a participant the published ones and their own; anyone else 404. */
export async function getOnlineTopic(db: Executor, caller: Caller, id: string, now = new Date()) {
  const t = await findOnlineTopic(db, caller.committeeId, id);
  const mine = memberIdsOf(caller);
  const all = oversees(caller);
  if (!t || (!all && !(await isParticipant(db, caller.committeeId, id, mine)))) throw new AppError(E['consultation.online_topic_not_found']);
  const opinions = (await opinionsOf(db, caller.committeeId, id)).filter((o) => all || o.status === 'published' || mine.includes(o.memberId));
  const open = now >= new Date(t.opensAt) && now <= new Date(t.closesAt);
  return { ...t, open, opinions, canPost: !all && open, canModerate: isOffice(caller) };
}

export async function postOpinion(db: Db, caller: Caller, topicId: string, raw: { body: string }, now = new Date()): Promise<string> {
  const { body } = opinionInput.parse(raw);
  const memberId = memberIdsOf(caller)[0];
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const t = await findOnlineTopic(uow.tx, committeeId, topicId);
    if (!t || !memberId || !(await isParticipant(uow.tx, committeeId, topicId, [memberId]))) throw new AppError(E['consultation.online_topic_not_found']);
    if (now < new Date(t.opensAt) || now > new Date(t.closesAt)) throw new AppError(E['consultation.window_closed'], { from: chinaDateTime(t.opensAt), until: chinaDateTime(t.closesAt) });
    const { rows } = await uow.tx.execute<{ id: string }>(sql`insert into consultation_opinions (committee_id, topic_id, member_id, body)
      values (${committeeId}, ${topicId}, ${memberId}, ${body}) returning id`);
    await uow.audit({ committeeId, action: 'consultation_opinion.post', entity: 'consultation_opinion', entityId: rows[0].id, after: { topicId, memberId, length: body.length } });
    return rows[0].id;
  });
}

/** 审核: publish or hide one opinion. Returns its topic. */
export async function moderateOpinion(db: Db, caller: Caller, opinionId: string, raw: { status: 'published' | 'hidden' }): Promise<string> {
  const { status } = moderateInput.parse(raw);
  requireOffice(caller, '审核意见', 'moderate opinions');
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const { rows } = await uow.tx.execute<{ topicId: string; status: string }>(sql`select topic_id as "topicId", status from consultation_opinions
      where committee_id = ${committeeId} and id = ${opinionId} for update`);
    if (!rows[0]) throw new AppError(E['consultation.opinion_not_found']);
    await uow.tx.execute(sql`update consultation_opinions set status = ${status}, moderated_at = now() where committee_id = ${committeeId} and id = ${opinionId}`);
    await uow.audit({ committeeId, action: 'consultation_opinion.moderate', entity: 'consultation_opinion', entityId: opinionId, before: { status: rows[0].status }, after: { status } });
    return rows[0].topicId;
  });
}

/** 纳入成果: published opinions become the next numbered recommendations of a draft outcome document. */
export async function carryOpinions(db: Db, caller: Caller, topicId: string, raw: { outcomeId: string; opinionIds: string[] }) {
  const input = carryInput.parse(raw);
  requireOffice(caller, '将意见纳入协商成果', 'carry opinions into a document');
  const { committeeId } = caller;
  await transact(db, caller.actor, async (uow) => {
    if (!(await findOnlineTopic(uow.tx, committeeId, topicId))) throw new AppError(E['consultation.online_topic_not_found']);
    const o = await findOutcome(uow.tx, committeeId, input.outcomeId, true);
    if (!o) throw new AppError(E['consultation.outcome_not_found']);
    if (o.state !== 'draft') throw new AppError(E['consultation.outcome_not_draft']);
    const wanted = [...new Set(input.opinionIds)];
    const chosen = (await opinionsOf(uow.tx, committeeId, topicId)).filter((x) => wanted.includes(x.id));
    if (chosen.length !== wanted.length) throw new AppError(E['consultation.opinion_not_found']);
    if (chosen.some((x) => x.status !== 'published')) throw new AppError(E['consultation.opinion_not_published']);
    const start = (await recommendationsOf(uow.tx, committeeId, o.id)).reduce((m, r) => Math.max(m, r.seq), 0);
    await uow.tx.execute(sql`insert into consultation_recommendations (committee_id, outcome_id, seq, body)
      select ${committeeId}, ${o.id}, ${start} + n, b from jsonb_array_elements_text(${JSON.stringify(chosen.map((x) => `${x.body}（${x.memberName}委员网络议政意见）`))}::jsonb) with ordinality as t(b, n)`);
    await uow.tx.execute(sql`update consultation_opinions set outcome_id = ${o.id} where committee_id = ${committeeId} and id in ${ids(wanted)}`);
    await uow.audit({ committeeId, action: 'consultation_online.carry', entity: 'consultation_online_topic', entityId: topicId, after: { outcomeId: o.id, opinions: wanted.length } });
  });
}
