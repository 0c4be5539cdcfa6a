import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../platform/errors.js';
import { AuthErrors } from './auth.errors.js';

/** argon2id with the library's defaults (19 MiB, t=2): ~20 ms here, well inside a login's budget. */
export const hashPassword = (pw: string) => hash(pw, { algorithm: 2 /* Argon2id */ });
export const verifyPassword = (stored: string, pw: string) => verify(stored, pw).catch(() => false);

/** A hash of a random string, verified against for unknown usernames so timing does not reveal them. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-' + Math.random()));

/**
 * Common passwords, shipped as data (common-passwords.txt says where the list comes from).
 * Compared in lower case, so `Password1` is refused with `password1`.
 */
const COMMON = new Set(
  fs.readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#')),
);

export const PASSWORD_MIN_LENGTH = 8;

export type PasswordProblem = 'too_short' | 'same_as_username' | 'common' | 'same_as_current';

/** Why a new password is refused, or undefined. `current` is the stored hash when there is one. */
export async function passwordProblem(username: string, pw: string, currentHash?: string): Promise<PasswordProblem | undefined> {
  if ([...pw].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const lower = pw.toLowerCase();
  if (lower === username.toLowerCase()) return 'same_as_username';
  if (COMMON.has(lower)) return 'common';
  if (currentHash && (await verifyPassword(currentHash, pw))) return 'same_as_current';
  return undefined;
}

/** The password policy: at least 8 characters, not the username, not a common password, not the current one. */
export async function checkPasswordStrength(username: string, pw: string, currentHash?: string): Promise<void> {
  const problem = await passwordProblem(username, pw, currentHash);
  if (problem === 'same_as_current') throw new AppError(AuthErrors['auth.password_unchanged']);
  if (problem === 'common') throw new AppError(AuthErrors['auth.common_password']);
  if (problem) throw new AppError('auth.weak_password');
}
