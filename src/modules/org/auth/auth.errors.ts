import { defineErrors } from '../../../platform/errors.js';

/** The password policy's refusals besides the length rule (auth.weak_password, in the platform). */
export const AuthErrors = defineErrors({
  'auth.common_password': {
    kind: 'invalid',
    zh: '这个密码太常见，很容易被猜到，请换一个',
    en: 'This password is too common and easily guessed; choose another',
  },
  'auth.password_unchanged': {
    kind: 'invalid',
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
});
