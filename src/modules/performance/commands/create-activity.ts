import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { insertActivity, invite } from '../activity.repository.js';
import { activityInput, type ActivityInput } from '../contracts.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { activeMembers } from '../record.repository.js';

/**
 * Staff create a 履职活动 with its invitees (named, or every active member, optionally of some
 * roles) and get a 6-digit check-in code for members' phones.
 */
export async function createActivity(db: Db, caller: Caller, raw: ActivityInput): Promise<string> {
  const input = activityInput.parse(raw);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    let invitees: string[];
    if (input.inviteAll) {
      const { rows } = await uow.tx.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId} and status = 'active'
        ${input.inviteRoles ? sql`and roles && array(select jsonb_array_elements_text(${JSON.stringify(input.inviteRoles)}::jsonb))` : sql``}`);
      invitees = rows.map((r) => r.id);
    } else {
      invitees = [...new Set(input.inviteeIds)];
      if (invitees.length !== input.inviteeIds.length || (await activeMembers(uow.tx, committeeId, invitees)).length !== invitees.length) {
        throw new AppError(PerformanceErrors['performance.member_unknown']);
      }
    }
    const id = await insertActivity(uow.tx, committeeId, {
      type: input.type, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, halfDays: input.halfDays,
      year: yearOf(chinaDate(input.startsAt)), place: input.place, organiserKind: input.organiserKind, organiserName: input.organiserName,
      openSignUp: input.openSignUp, checkInCode: String(crypto.randomInt(0, 1_000_000)).padStart(6, '0'), createdBy: caller.actor.userId,
    });
    await invite(uow.tx, committeeId, id, invitees);
    await uow.audit({
      committeeId, action: 'activity.created', entity: 'activity', entityId: id,
      after: { type: input.type, title: input.title, startsAt: input.startsAt, halfDays: input.halfDays, invitees: invitees.length, openSignUp: input.openSignUp },
    });
    await uow.emit({ type: 'performance.activity_created', committeeId, entityId: id, payload: { activityId: id, type: input.type, invitees: invitees.length } });
    return id;
  });
}
