/**
 * One error shape for the whole API: { error: { code, message, details, requestId } }.
 * Codes are namespaced ('member.not_found'); each declares a kind, and the kind maps to an
 * HTTP status in one exhaustive switch. Messages are per language; never classify errors by
 * their text.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'locked'
  | 'unavailable'
  | 'internal';

export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid': return 400;
    case 'unauthenticated': return 401;
    case 'forbidden': return 403;
    case 'not_found': return 404;
    case 'conflict': return 409;
    case 'too_large': return 413;
    case 'locked': return 423;
    case 'rate_limited': return 429;
    case 'unavailable': return 503;
    case 'internal': return 500;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export type Lang = 'zh' | 'en';
type Msg = string | ((p: Record<string, unknown>) => string);
export interface ErrorDef { kind: ErrorKind; zh: Msg; en: Msg }

const registry = new Map<string, ErrorDef>();

/** Declares a module's error codes; returns them typed so that `new AppError(code)` is checked. */
export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: K } {
  const out = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    if (registry.has(code)) throw new Error(`error code declared twice: ${code}`);
    if (!/^[a-z_]+(\.[a-z_]+)+$/.test(code)) throw new Error(`error code must be namespaced: ${code}`);
    registry.set(code, def);
    (out as Record<string, string>)[code] = code;
  }
  return out;
}

export function errorDef(code: string): ErrorDef | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()];
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    if (!registry.has(code)) throw new Error(`undeclared error code: ${code}`);
    this.name = 'AppError';
  }
  get status() {
    return statusOf(registry.get(this.code)!.kind);
  }
  messageIn(lang: Lang): string {
    const m = registry.get(this.code)![lang];
    return typeof m === 'function' ? m(this.params) : m;
  }
}

export const PlatformErrors = defineErrors({
  'request.invalid': { kind: 'invalid', zh: '请求内容有误，请检查标出的字段', en: 'The request is invalid; check the fields listed' },
  'request.not_found': { kind: 'not_found', zh: '没有这个接口', en: 'No such endpoint' },
  'request.too_large': { kind: 'too_large', zh: '上传的文件太大', en: 'The upload is too large' },
  'request.body_too_large': {
    kind: 'too_large',
    zh: (p) => `请求内容过大：此接口最多接受 ${p.kb} KB`,
    en: (p) => `The request body is too large: this endpoint takes at most ${p.kb} KB`,
  },
  'attachments.not_found': {
    kind: 'not_found',
    zh: '附件不存在或已被其他记录使用，请重新上传',
    en: 'The attachment does not exist or belongs to another record; upload it again',
  },
  'request.rate_limited': { kind: 'rate_limited', zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'auth.required': { kind: 'unauthenticated', zh: '请先登录', en: 'Please log in' },
  'auth.invalid_credentials': { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    kind: 'locked',
    zh: (p) => `登录失败次数过多，账号已临时锁定，请于 ${p.minutes} 分钟后再试`,
    en: (p) => `Too many failed logins; the account is locked for ${p.minutes} minutes`,
  },
  'auth.csrf': { kind: 'forbidden', zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  'auth.must_change_password': {
    kind: 'forbidden',
    zh: '请先修改初始密码，然后再继续操作',
    en: 'Change your initial password before you go on',
  },
  'auth.forbidden': { kind: 'forbidden', zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  'auth.wrong_password': { kind: 'invalid', zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.weak_password': { kind: 'invalid', zh: '新密码至少 8 位，且不能与用户名相同', en: 'The new password needs at least 8 characters and must differ from the username' },
  'committee.not_found': { kind: 'not_found', zh: '未找到该政协组织，或您无权访问', en: 'Committee not found' },
  'internal.error': { kind: 'internal', zh: '服务器内部错误，请稍后重试；如持续出现请联系管理员', en: 'Internal error; try again later or contact the administrator' },
  'db.unavailable': { kind: 'unavailable', zh: '数据库暂时不可用', en: 'The database is unavailable' },
});
