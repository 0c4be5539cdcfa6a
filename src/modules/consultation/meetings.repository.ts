import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { MeetingState } from './domain/meeting-workflow.js';

/** SQL only for meetings, invitations, speeches and experts; the committee comes first and is in every where. */

export type MeetingRow = {
  id: string; planItemId: string; year: number; title: string; form: string; agenda: string; place: string | null; onlineLink: string | null;
  startsAt: string; endsAt: string | null; state: MeetingState; officials: string[]; noticeDue: string; materialsDue: string; minutesDue: string;
  notifiedAt: string | null; heldAt: string | null; closedAt: string | null; cancelReason: string | null; minutesText: string | null;
  minutesAt: string | null; activityId: string | null; updatedAt: string;
};
const cols = sql`id, plan_item_id as "planItemId", year, title, form, agenda, place, online_link as "onlineLink", starts_at as "startsAt",
  ends_at as "endsAt", state, officials, notice_due::text as "noticeDue", materials_due::text as "materialsDue", minutes_due::text as "minutesDue",
  notified_at as "notifiedAt", held_at as "heldAt", closed_at as "closedAt", cancel_reason as "cancelReason", minutes_text as "minutesText",
  minutes_at as "minutesAt", activity_id as "activityId", updated_at as "updatedAt"`;

const textArr = (a: readonly string[]) => sql`${`{${a.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
const uuidList = (a: readonly string[]) => sql`(select x::uuid from jsonb_array_elements_text(${JSON.stringify(a)}::jsonb) x)`;

export async function findMeeting(db: Executor, committeeId: string, id: string, lock = false): Promise<MeetingRow | undefined> {
  const { rows } = await db.execute<MeetingRow>(sql`select ${cols} from consultation_meetings where committee_id = ${committeeId} and id = ${id}
    ${lock ? sql`for update` : sql``}`);
  return rows[0];
}

export type MeetingValues = Pick<MeetingRow, 'title' | 'agenda' | 'place' | 'onlineLink' | 'startsAt' | 'endsAt' | 'officials' | 'noticeDue' | 'materialsDue' | 'minutesDue' | 'year'>;

export async function insertMeeting(db: Executor, committeeId: string, planItemId: string, form: string, v: MeetingValues): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_meetings
    (committee_id, plan_item_id, year, title, form, agenda, place, online_link, starts_at, ends_at, officials, notice_due, materials_due, minutes_due)
    values (${committeeId}, ${planItemId}, ${v.year}, ${v.title}, ${form}, ${v.agenda}, ${v.place}, ${v.onlineLink}, ${v.startsAt}, ${v.endsAt},
      ${textArr(v.officials)}, ${v.noticeDue}, ${v.materialsDue}, ${v.minutesDue}) returning id`);
  return rows[0].id;
}

export async function updateMeeting(db: Executor, committeeId: string, id: string, v: MeetingValues): Promise<void> {
  await db.execute(sql`update consultation_meetings set year = ${v.year}, title = ${v.title}, agenda = ${v.agenda}, place = ${v.place},
    online_link = ${v.onlineLink}, starts_at = ${v.startsAt}, ends_at = ${v.endsAt}, officials = ${textArr(v.officials)},
    notice_due = ${v.noticeDue}, materials_due = ${v.materialsDue}, minutes_due = ${v.minutesDue}, updated_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

export async function patchMeeting(db: Executor, committeeId: string, id: string, p: Partial<{
  state: MeetingState; notifiedAt: 'now'; heldAt: 'now'; closedAt: 'now'; cancelReason: string; minutesText: string | null; minutesAt: 'now'; activityId: string;
}>): Promise<void> {
  const sets = [sql`updated_at = now()`];
  if (p.state) sets.push(sql`state = ${p.state}`);
  if (p.notifiedAt) sets.push(sql`notified_at = now()`);
  if (p.heldAt) sets.push(sql`held_at = now()`);
  if (p.closedAt) sets.push(sql`closed_at = now()`);
  if (p.cancelReason !== undefined) sets.push(sql`cancel_reason = ${p.cancelReason}`);
  if (p.minutesText !== undefined) sets.push(sql`minutes_text = ${p.minutesText}`);
  if (p.minutesAt) sets.push(sql`minutes_at = now()`);
  if (p.activityId) sets.push(sql`activity_id = ${p.activityId}`);
  await db.execute(sql`update consultation_meetings set ${sql.join(sets, sql`, `)} where committee_id = ${committeeId} and id = ${id}`);
}

export async function listMeetings(db: Executor, committeeId: string, f: { year?: number; planItemId?: string; state?: string; memberIds?: string[] }) {
  const conds = [sql`m.committee_id = ${committeeId}`];
  if (f.year !== undefined) conds.push(sql`m.year = ${f.year}`);
  if (f.planItemId) conds.push(sql`m.plan_item_id = ${f.planItemId}`);
  if (f.state) conds.push(sql`m.state = ${f.state}`);
  if (f.memberIds) {
    conds.push(sql`m.state <> 'preparing' and exists (select 1 from consultation_invitations i where i.committee_id = m.committee_id
      and i.meeting_id = m.id and i.member_id in ${uuidList(f.memberIds)})`);
  }
  const { rows } = await db.execute<MeetingRow>(sql`select m.id, m.plan_item_id as "planItemId", m.year, m.title, m.form, m.agenda, m.place,
    m.online_link as "onlineLink", m.starts_at as "startsAt", m.ends_at as "endsAt", m.state, m.officials, m.notice_due::text as "noticeDue",
    m.materials_due::text as "materialsDue", m.minutes_due::text as "minutesDue", m.notified_at as "notifiedAt", m.held_at as "heldAt",
    m.closed_at as "closedAt", m.cancel_reason as "cancelReason", m.minutes_text as "minutesText", m.minutes_at as "minutesAt",
    m.activity_id as "activityId", m.updated_at as "updatedAt"
    from consultation_meetings m where ${sql.join(conds, sql` and `)} order by m.starts_at desc, m.id limit 500`);
  return rows;
}

export type InvitationRow = { id: string; memberId: string | null; expertId: string | null; name: string; detail: string; reply: 'pending' | 'attend' | 'leave'; reason: string | null; repliedAt: string | null };

export async function invitationsOf(db: Executor, committeeId: string, meetingId: string): Promise<InvitationRow[]> {
  const { rows } = await db.execute<InvitationRow>(sql`select i.id, i.member_id as "memberId", i.expert_id as "expertId",
    coalesce(m.name, e.name) as name, coalesce(e.affiliation, '') as detail, i.reply, i.reason, i.replied_at as "repliedAt"
    from consultation_invitations i
    left join members m on m.committee_id = i.committee_id and m.id = i.member_id
    left join consultation_experts e on e.committee_id = i.committee_id and e.id = i.expert_id
    where i.committee_id = ${committeeId} and i.meeting_id = ${meetingId} order by i.expert_id nulls first, name, i.id`);
  return rows;
}

/** Invites members and experts (each once); returns the members newly invited. */
export async function invite(db: Executor, committeeId: string, meetingId: string, memberIds: readonly string[], expertIds: readonly string[]): Promise<string[]> {
  const added: string[] = [];
  if (memberIds.length) {
    const { rows } = await db.execute<{ memberId: string }>(sql`insert into consultation_invitations (committee_id, meeting_id, member_id)
      select ${committeeId}, ${meetingId}, x from ${uuidList(memberIds)} as t(x) on conflict do nothing returning member_id as "memberId"`);
    added.push(...rows.map((r) => r.memberId));
  }
  if (expertIds.length) {
    await db.execute(sql`insert into consultation_invitations (committee_id, meeting_id, expert_id)
      select ${committeeId}, ${meetingId}, x from ${uuidList(expertIds)} as t(x) on conflict do nothing`);
  }
  return added;
}

/** Drops the invitations not listed (only while the meeting is being prepared: nobody was told yet). */
export async function uninviteOthers(db: Executor, committeeId: string, meetingId: string, memberIds: readonly string[], expertIds: readonly string[]) {
  await db.execute(sql`delete from consultation_invitations where committee_id = ${committeeId} and meeting_id = ${meetingId}
    and ((member_id is not null and member_id not in ${uuidList(memberIds)}) or (expert_id is not null and expert_id not in ${uuidList(expertIds)}))`);
}

export async function findInvitation(db: Executor, committeeId: string, meetingId: string, memberId: string, lock = false) {
  const { rows } = await db.execute<{ id: string; reply: string; reason: string | null }>(sql`select id, reply, reason from consultation_invitations
    where committee_id = ${committeeId} and meeting_id = ${meetingId} and member_id = ${memberId} ${lock ? sql`for update` : sql``}`);
  return rows[0];
}

export async function setReply(db: Executor, committeeId: string, id: string, reply: 'attend' | 'leave', reason: string | null) {
  await db.execute(sql`update consultation_invitations set reply = ${reply}, reason = ${reason}, replied_at = now() where committee_id = ${committeeId} and id = ${id}`);
}

export async function invitedMemberIds(db: Executor, committeeId: string, meetingId: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`select member_id as id from consultation_invitations
    where committee_id = ${committeeId} and meeting_id = ${meetingId} and member_id is not null order by member_id`);
  return rows.map((r) => r.id);
}

/** Of `ids`, those that are members (active) of the committee. */
export async function knownMembers(db: Executor, committeeId: string, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from members where committee_id = ${committeeId} and id in ${uuidList(ids)}`);
  return rows[0].n;
}
export async function knownExperts(db: Executor, committeeId: string, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_experts where committee_id = ${committeeId} and active and id in ${uuidList(ids)}`);
  return rows[0].n;
}

/** The user accounts of members (for in-app notices). */
export async function userIdsOfMembers(db: Executor, committeeId: string, memberIds: readonly string[]): Promise<string[]> {
  if (!memberIds.length) return [];
  const { rows } = await db.execute<{ userId: string }>(sql`select distinct r.user_id as "userId" from user_roles r join users u on u.id = r.user_id and u.active
    where r.committee_id = ${committeeId} and r.role = 'member' and r.member_id in ${uuidList(memberIds)}`);
  return rows.map((r) => r.userId);
}

export type SpeechRow = { id: string; meetingId: string; memberId: string; memberName: string; title: string; body: string; oralOrder: number | null; submittedAt: string };

export async function speechesOf(db: Executor, committeeId: string, meetingId: string): Promise<SpeechRow[]> {
  const { rows } = await db.execute<SpeechRow>(sql`select s.id, s.meeting_id as "meetingId", s.member_id as "memberId", m.name as "memberName",
    s.title, s.body, s.oral_order as "oralOrder", s.submitted_at as "submittedAt"
    from consultation_speeches s join members m on m.committee_id = s.committee_id and m.id = s.member_id
    where s.committee_id = ${committeeId} and s.meeting_id = ${meetingId} order by s.oral_order nulls last, s.submitted_at, s.id`);
  return rows;
}

export async function findSpeech(db: Executor, committeeId: string, id: string): Promise<SpeechRow | undefined> {
  const { rows } = await db.execute<SpeechRow>(sql`select s.id, s.meeting_id as "meetingId", s.member_id as "memberId", m.name as "memberName",
    s.title, s.body, s.oral_order as "oralOrder", s.submitted_at as "submittedAt"
    from consultation_speeches s join members m on m.committee_id = s.committee_id and m.id = s.member_id
    where s.committee_id = ${committeeId} and s.id = ${id}`);
  return rows[0];
}

/** A member's speech for a meeting: written once, rewritten while the meeting is ahead. */
export async function upsertSpeech(db: Executor, committeeId: string, meetingId: string, memberId: string, title: string, body: string): Promise<{ id: string; created: boolean }> {
  const { rows } = await db.execute<{ id: string; created: boolean }>(sql`insert into consultation_speeches (committee_id, meeting_id, member_id, title, body)
    values (${committeeId}, ${meetingId}, ${memberId}, ${title}, ${body})
    on conflict (committee_id, meeting_id, member_id) do update set title = excluded.title, body = excluded.body, updated_at = now()
    returning id, (xmax = 0) as created`);
  return rows[0];
}

export async function setOralOrder(db: Executor, committeeId: string, meetingId: string, order: readonly string[]): Promise<number> {
  await db.execute(sql`update consultation_speeches set oral_order = null where committee_id = ${committeeId} and meeting_id = ${meetingId}`);
  if (!order.length) return 0;
  const r = await db.execute(sql`update consultation_speeches s set oral_order = o.n, updated_at = now()
    from jsonb_array_elements_text(${JSON.stringify(order)}::jsonb) with ordinality as o(id, n)
    where s.committee_id = ${committeeId} and s.meeting_id = ${meetingId} and s.id = o.id::uuid`);
  return r.rowCount ?? 0;
}

export type ExpertRow = { id: string; name: string; field: string; affiliation: string; active: boolean };
export async function listExperts(db: Executor, committeeId: string): Promise<ExpertRow[]> {
  const { rows } = await db.execute<ExpertRow>(sql`select id, name, field, affiliation, active from consultation_experts where committee_id = ${committeeId} order by name, id`);
  return rows;
}
export async function insertExpert(db: Executor, committeeId: string, e: { name: string; field: string; affiliation: string }): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into consultation_experts (committee_id, name, field, affiliation)
    values (${committeeId}, ${e.name}, ${e.field}, ${e.affiliation}) on conflict do nothing returning id`);
  return rows[0]?.id ?? null;
}

/** The plan item and the state of its plan version (meetings are arranged for items of an issued plan). */
export async function itemWithPlan(db: Executor, committeeId: string, itemId: string) {
  const { rows } = await db.execute<{ id: string; title: string; form: string; planState: string; year: number }>(sql`select i.id, i.title, i.form,
    p.state as "planState", p.year from consultation_plan_items i join consultation_plans p on p.committee_id = i.committee_id and p.id = i.plan_id
    where i.committee_id = ${committeeId} and i.id = ${itemId}`);
  return rows[0];
}

/** Links the meeting to the activity performance made for it (learnt from its event; a second delivery changes nothing). */
export async function linkActivity(db: Executor, committeeId: string, meetingId: string, activityId: string): Promise<void> {
  await db.execute(sql`update consultation_meetings set activity_id = ${activityId} where committee_id = ${committeeId} and id = ${meetingId}
    and activity_id is distinct from ${activityId}`);
}
