import { sql } from 'drizzle-orm';
import { addDays } from '../../../platform/calendar.js';
import type { Db } from '../../../platform/db/database.js';
import { notify } from '../../../platform/notifications.js';
import { chinaDate } from '../../../platform/time.js';
import { describeRule, fallsOn } from '../domain/schedule.js';

/**
 * The daily job: the day before a reception day, each member on duty (their member accounts in
 * the committee) gets one notice. The dedupe key names the rule and the date, so a rerun (or a
 * second instance) sends nothing twice. Returns the number of notices written.
 */
export async function remindReceptionDuties(db: Db, today = chinaDate()): Promise<number> {
  const day = addDays(today, 1);
  const { rows } = await db.execute<{
    id: string; committeeId: string; kind: 'weekly' | 'monthly'; days: number[]; startsOn: string; endsOn: string | null; placeId: string; placeName: string; userIds: string[]; memberIds: string[];
  }>(sql`
    select r.id, r.committee_id as "committeeId", r.kind, r.days, r.starts_on::text as "startsOn", r.ends_on::text as "endsOn",
      p.id as "placeId", p.name as "placeName", r.member_ids as "memberIds",
      coalesce((select array_agg(distinct ur.user_id) from user_roles ur
        where ur.committee_id = r.committee_id and ur.role = 'member' and ur.member_id = any(r.member_ids)), '{}') as "userIds"
    from network_reception_rules r join network_places p on p.id = r.place_id and p.committee_id = r.committee_id
    where p.status = 'active' and r.starts_on <= ${day} and (r.ends_on is null or r.ends_on >= ${day})
      and ((r.kind = 'weekly' and extract(isodow from ${day}::date)::int = any(r.days))
        or (r.kind = 'monthly' and extract(day from ${day}::date)::int = any(r.days)))`);
  let sent = 0;
  for (const r of rows) {
    if (!fallsOn(r, day)) continue; // the SQL narrows; the pure rule decides, as the duty list does
    sent += await notify(db, {
      committeeId: r.committeeId, userIds: r.userIds, kind: 'network.reception_duty',
      title: `明天（${day}）您在${r.placeName}值守委员接待日`, body: `${describeRule(r)}接待群众，请按时到岗。`,
      link: `/network/places/${r.placeId}`, entity: 'network_place', entityId: r.placeId, dedupeKey: `network-duty:${r.id}:${day}`,
    });
  }
  return sent;
}
