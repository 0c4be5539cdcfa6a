import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { randomToken, sha256 } from '../../../platform/http/auth-context.js';
import { OrgErrors } from '../org.errors.js';
import { checkPasswordStrength, dummyHash, hashPassword, verifyPassword } from './passwords.js';

export interface LoginPolicy {
  maxFailures: number;
  lockoutMinutes: number;
  sessionTtlHours: number;
}

type UserRow = {
  id: string;
  committee_id: string;
  username: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  active: boolean;
};

/**
 * How long a name that is no account keeps its count. Accounts keep theirs until a good login;
 * a name nobody has tried for this long is dropped so the table does not grow without bound.
 */
const UNKNOWN_NAME_KEPT_DAYS = 30;

/**
 * Records one failed login for a name that is no account, in login_name_failures (org.schema.ts
 * says why there and not in memory); one statement, so parallel failures on two instances count
 * once each. Says whether the name is locked (minutes left) and whether this failure locked it.
 */
async function unknownNameFailed(db: Db, username: string, policy: LoginPolicy): Promise<{ lockedMinutes: number; justLocked: boolean }> {
  const locks = sql`f.failures + 1 >= ${policy.maxFailures}`;
  const lockedNow = sql`f.locked_until > now()`;
  const { rows } = await db.execute<{ minutes_left: number | null; just_locked: boolean }>(sql`
    insert into login_name_failures as f (username_key, failures, locked_until, updated_at)
    values (lower(${username}),
            ${policy.maxFailures <= 1 ? 0 : 1},
            ${policy.maxFailures <= 1 ? sql`now() + make_interval(mins => ${policy.lockoutMinutes})` : null},
            now())
    on conflict (username_key) do update set
      failures = case when ${lockedNow} then f.failures when ${locks} then 0 else f.failures + 1 end,
      locked_until = case when ${lockedNow} then f.locked_until when ${locks} then now() + make_interval(mins => ${policy.lockoutMinutes}) else f.locked_until end,
      -- A locked name's tries change nothing, so updated_at tells this failure's lock from an older one.
      updated_at = case when ${lockedNow} then f.updated_at else now() end
    returning case when locked_until > now() then ceil(extract(epoch from locked_until - now()) / 60)::int end as minutes_left,
              (locked_until > now() and updated_at = now()) as just_locked`);
  await db.execute(sql`delete from login_name_failures
    where updated_at < now() - make_interval(days => ${UNKNOWN_NAME_KEPT_DAYS}) and (locked_until is null or locked_until < now())`);
  const r = rows[0]!;
  return { lockedMinutes: r.just_locked ? policy.lockoutMinutes : (r.minutes_left ?? 0), justLocked: r.just_locked };
}

/**
 * Checks a username and password and opens a session. Repeated failures lock the account for a
 * while (counted per account, on top of the per-IP rate limit on the route).
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string; userAgent?: string },
  policy: LoginPolicy,
  requestId?: string,
): Promise<{ token: string; csrfToken: string; userId: string; expiresAt: string }> {
  const found = await db.execute<UserRow>(sql`
    select id, committee_id, username, password_hash, failed_logins, locked_until, active
      from users where lower(username) = lower(${input.username})`);
  const user = found.rows[0];
  if (!user || !user.active) {
    // An unknown name is counted and locked exactly like an account, so that neither the status
    // nor the message (423 after maxFailures, then the minutes left) tells which names exist.
    const phantom = await unknownNameFailed(db, input.username, policy);
    if (phantom.lockedMinutes && !phantom.justLocked) throw new AppError('auth.locked', { minutes: phantom.lockedMinutes });
    await verifyPassword(await dummyHash(), input.password);
    if (phantom.justLocked) throw new AppError('auth.locked', { minutes: policy.lockoutMinutes });
    throw new AppError('auth.invalid_credentials');
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) {
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - Date.now()) / 60000);
    throw new AppError('auth.locked', { minutes });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const actor: Actor = { userId: user.id, label: user.username, requestId };
  if (!ok) {
    const locks = user.failed_logins + 1 >= policy.maxFailures;
    await transact(db, actor, async (uow) => {
      await uow.tx.execute(sql`
        update users set failed_logins = ${locks ? 0 : user.failed_logins + 1},
               locked_until = ${locks ? sql`now() + make_interval(mins => ${policy.lockoutMinutes})` : sql`locked_until`}
         where id = ${user.id}`);
      await uow.audit({
        committeeId: user.committee_id, action: locks ? 'auth.locked' : 'auth.login_failed', entity: 'user', entityId: user.id,
        after: { ip: input.ip ?? null },
      });
    });
    if (locks) throw new AppError('auth.locked', { minutes: policy.lockoutMinutes });
    throw new AppError('auth.invalid_credentials');
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + policy.sessionTtlHours * 3600_000).toISOString();
  await transact(db, actor, async (uow) => {
    await uow.tx.execute(sql`update users set failed_logins = 0, locked_until = null where id = ${user.id}`);
    await uow.tx.execute(sql`
      insert into auth_sessions (id, committee_id, user_id, csrf_token, expires_at, ip, user_agent)
      values (${sha256(token)}, ${user.committee_id}, ${user.id}, ${csrfToken}, ${expiresAt}, ${input.ip ?? null}, ${input.userAgent?.slice(0, 300) ?? null})`);
    await uow.audit({ committeeId: user.committee_id, action: 'auth.login', entity: 'user', entityId: user.id, after: { ip: input.ip ?? null } });
  });
  return { token, csrfToken, userId: user.id, expiresAt };
}

export async function logout(db: Db, sessionId: string) {
  await db.execute(sql`delete from auth_sessions where id = ${sessionId}`);
}

/**
 * Ends a user's sessions (all but `keepSessionId`) and revokes their API tokens, in the caller's
 * transaction: whoever knew the old password may have opened a session or made a token with it.
 */
async function endAccess(uow: { tx: Db }, userId: string, keepSessionId?: string): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const sessions = await uow.tx.execute(sql`
    delete from auth_sessions where user_id = ${userId} ${keepSessionId ? sql`and id <> ${keepSessionId}` : sql``} returning id`);
  const tokens = await uow.tx.execute(sql`
    update api_tokens set revoked_at = now() where user_id = ${userId} and revoked_at is null returning id`);
  return { sessionsEnded: sessions.rows.length, tokensRevoked: tokens.rows.length };
}

/**
 * Changes one's own password. The session it is made from stays open; every other session ends
 * and every API token of the user is revoked.
 */
export async function changePassword(
  db: Db,
  actor: Actor & { userId: string },
  input: { currentPassword: string; newPassword: string },
  keepSessionId?: string,
) {
  const { rows } = await db.execute<{ username: string; password_hash: string; committee_id: string }>(
    sql`select username, password_hash, committee_id from users where id = ${actor.userId}`,
  );
  const u = rows[0];
  if (!u) throw new AppError(OrgErrors['user.not_found']);
  if (!(await verifyPassword(u.password_hash, input.currentPassword))) throw new AppError('auth.wrong_password');
  await checkPasswordStrength(u.username, input.newPassword, u.password_hash);
  const h = await hashPassword(input.newPassword);
  await transact(db, actor, async (uow) => {
    await uow.tx.execute(sql`update users set password_hash = ${h}, must_change_password = false where id = ${actor.userId}`);
    const ended = await endAccess(uow, actor.userId, keepSessionId);
    await uow.audit({ committeeId: u.committee_id, action: 'user.password_changed', entity: 'user', entityId: actor.userId, after: ended });
  });
}

/** Office reset: sets a new password (generated when not given), ends the user's sessions and revokes their tokens. */
export async function resetPassword(db: Db, actor: Actor, userId: string, newPassword?: string): Promise<string> {
  const { rows } = await db.execute<{ username: string; committee_id: string }>(
    sql`select username, committee_id from users where id = ${userId}`,
  );
  const u = rows[0];
  if (!u) throw new AppError(OrgErrors['user.not_found']);
  const pw = newPassword ?? randomToken(9);
  await checkPasswordStrength(u.username, pw);
  const h = await hashPassword(pw);
  await transact(db, actor, async (uow) => {
    await uow.tx.execute(sql`update users set password_hash = ${h}, must_change_password = ${newPassword ? false : true},
                             failed_logins = 0, locked_until = null where id = ${userId}`);
    const ended = await endAccess(uow, userId);
    await uow.audit({ committeeId: u.committee_id, action: 'user.password_reset', entity: 'user', entityId: userId, after: ended });
  });
  return pw;
}

/** Creates a personal API token; only its hash is kept, the token is shown once. */
export async function createApiToken(db: Db, actor: Actor & { userId: string }, committeeId: string, name: string) {
  const token = 'xs_' + randomToken(30);
  const id = await transact(db, actor, async (uow) => {
    const { rows } = await uow.tx.execute<{ id: string }>(sql`
      insert into api_tokens (committee_id, user_id, name, token_hash, prefix)
      values (${committeeId}, ${actor.userId}, ${name}, ${sha256(token)}, ${token.slice(0, 8)}) returning id`);
    await uow.audit({ committeeId, action: 'token.created', entity: 'api_token', entityId: rows[0].id, after: { name } });
    return rows[0].id;
  });
  return { id, token };
}

export async function revokeApiToken(db: Db, actor: Actor & { userId: string }, tokenId: string) {
  await transact(db, actor, async (uow) => {
    const { rows } = await uow.tx.execute<{ committee_id: string }>(sql`
      update api_tokens set revoked_at = now() where id = ${tokenId} and user_id = ${actor.userId} and revoked_at is null
      returning committee_id`);
    if (!rows[0]) throw new AppError(OrgErrors['token.not_found']);
    await uow.audit({ committeeId: rows[0].committee_id, action: 'token.revoked', entity: 'api_token', entityId: tokenId });
  });
}
