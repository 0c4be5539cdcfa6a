import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../platform/errors.js';

/** argon2id with the library's defaults (19 MiB, t=2): ~20 ms here, well inside a login's budget. */
export const hashPassword = (pw: string) => hash(pw, { algorithm: 2 /* Argon2id */ });
export const verifyPassword = (stored: string, pw: string) => verify(stored, pw).catch(() => false);

/** A hash of a random string, verified against for unknown usernames so timing does not reveal them. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-' + Math.random()));

export function checkPasswordStrength(username: string, pw: string) {
  if (pw.length < 8 || pw.toLowerCase() === username.toLowerCase()) throw new AppError('auth.weak_password');
}
