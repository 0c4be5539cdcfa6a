import type { Db } from '../../../platform/db/database.js';
import type { Caller } from '../performance.policy.js';
import { invalidChange, memberMove } from './attendance-move.js';

/** 报名: an invited member confirms, or any member signs up for an activity open to sign-up. */
export async function signUpForActivity(db: Db, caller: Caller, activityId: string) {
  return memberMove(db, caller, activityId, 'sign_up', ({ attendance }) => {
    if (!attendance || attendance.status === 'invited') return { status: 'signed_up' };
    if (attendance.status === 'signed_up') return null;
    throw invalidChange(attendance.status, 'sign_up');
  });
}
