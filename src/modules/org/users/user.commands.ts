import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { Grant } from '../../../platform/access.js';
import { OrgErrors } from '../org.errors.js';
import { checkPasswordStrength, hashPassword } from '../auth/passwords.js';

export interface UserInput {
  committeeId: string;
  username: string;
  displayName: string;
  password: string;
  isPlatformAdmin?: boolean;
  /** Set when someone else chose the password (an office creating the account): its owner must replace it. */
  mustChangePassword?: boolean;
  /** Grants in the home committee or, for people serving several, in others. */
  grants: (Grant & { committeeId?: string })[];
}

/** Creates an account with its roles. */
export async function createUser(db: Db, actor: Actor, input: UserInput): Promise<string> {
  await checkPasswordStrength(input.username, input.password);
  const hash = await hashPassword(input.password);
  return transact(db, actor, async (uow) => {
    const taken = await uow.tx.execute(sql`select 1 from users where lower(username) = lower(${input.username})`);
    if (taken.rows.length) throw new AppError(OrgErrors['user.username_taken']);
    const { rows } = await uow.tx.execute<{ id: string }>(sql`
      insert into users (committee_id, username, display_name, password_hash, is_platform_admin, must_change_password)
      values (${input.committeeId}, ${input.username}, ${input.displayName}, ${hash}, ${input.isPlatformAdmin ?? false},
              ${input.mustChangePassword ?? false}) returning id`);
    const id = rows[0].id;
    for (const g of input.grants) {
      const committeeId = g.committeeId ?? input.committeeId;
      await uow.tx.execute(sql`
        insert into user_roles (committee_id, user_id, role, office, unit_id, member_id)
        values (${committeeId}, ${id}, ${g.role}, ${g.office ?? null}, ${g.unitId ?? null}, ${g.memberId ?? null})`);
    }
    await uow.audit({
      committeeId: input.committeeId, action: 'user.created', entity: 'user', entityId: id,
      after: { username: input.username, displayName: input.displayName, isPlatformAdmin: !!input.isPlatformAdmin, grants: input.grants },
    });
    return id;
  });
}

export async function userIdByUsername(db: Db, username: string): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`select id from users where lower(username) = lower(${username})`);
  if (!rows[0]) throw new AppError(OrgErrors['user.not_found']);
  return rows[0].id;
}
