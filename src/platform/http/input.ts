import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, defineErrors, type Lang } from '../errors.js';

/**
 * The edge every route's input passes: whatever a module declares, its parsed params, query and
 * body are walked here before the handler sees them. New modules get it without thinking.
 *
 * - NUL bytes are refused: PostgreSQL text cannot hold them (`invalid byte sequence`), and no
 *   person types one.
 * - Lone UTF-16 surrogates are refused: they are not characters, cannot be encoded as UTF-8 and
 *   would be stored as U+FFFD or fail the insert.
 * - Strings are put in Unicode NFC, so `é` typed on two keyboards is one value for search,
 *   duplicates and sorting. Passwords and tokens are left as typed (their hash was made from the
 *   exact bytes).
 * - Nesting deeper than MAX_DEPTH is refused (no schema here nests deeper than 6).
 */

export const InputErrors = defineErrors({
  'request.bad_text': {
    kind: 'invalid',
    zh: '请求内容含有无法保存的字符，请检查标出的字段',
    en: 'The request contains characters that cannot be stored; check the fields listed',
  },
  'request.malformed_multipart': {
    kind: 'invalid',
    zh: '上传的表单数据不完整或格式有误，请重新上传',
    en: 'The uploaded form data is incomplete or malformed; upload it again',
  },
  'request.bad_value': {
    kind: 'invalid',
    zh: '请求中的某个值超出了允许的范围或格式（如日期、数字、文字编码），请检查后重试',
    en: 'A value in the request is out of range or malformed (a date, a number, text encoding); check it and try again',
  },
});

export const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Fields whose exact code points matter: normalising them would change what is compared or hashed. */
const VERBATIM_KEY = /password|token|secret/i;

export type TextIssue = { path: (string | number)[]; kind: 'nul' | 'surrogate' | 'depth' };

/**
 * Walks a parsed value: reports bad text and over-deep nesting, and returns the value with its
 * strings in NFC. Only plain objects and arrays are entered (Dates and Buffers pass untouched).
 */
export function cleanInput(value: unknown, issues: TextIssue[], path: (string | number)[] = [], depth = 0, verbatim = false): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) issues.push({ path, kind: 'nul' });
    else if (LONE_SURROGATE.test(value)) issues.push({ path, kind: 'surrogate' });
    else if (!verbatim) return value.normalize('NFC');
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) {
    issues.push({ path, kind: 'depth' });
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanInput(value[i], issues, [...path, i], depth + 1, verbatim);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const badKey = key.includes('\u0000') || LONE_SURROGATE.test(key);
    if (badKey) issues.push({ path: [...path, key], kind: key.includes('\u0000') ? 'nul' : 'surrogate' });
    obj[key] = cleanInput(obj[key], issues, [...path, key], depth + 1, verbatim || VERBATIM_KEY.test(key));
  }
  return obj;
}

const WORDS: Record<TextIssue['kind'], Record<Lang, string>> = {
  nul: { zh: '不能包含空字符（NUL，\\u0000）', en: 'must not contain a NUL character (\\u0000)' },
  surrogate: { zh: '含有无效的 Unicode 字符（孤立的代理项）', en: 'contains an invalid Unicode character (a lone surrogate)' },
  depth: { zh: `嵌套层级过深（最多 ${MAX_DEPTH} 层）`, en: `is nested too deeply (at most ${MAX_DEPTH} levels)` },
};

/** Returned by the validator for bad text; the error handler words it in the caller's language. */
export class BadTextError extends Error {
  readonly statusCode = 400;
  validationContext?: string;
  constructor(readonly issues: TextIssue[]) {
    super('bad text in request');
    this.name = 'BadTextError';
  }
  toAppError(lang: Lang): AppError {
    const where = this.validationContext ?? 'body';
    const details = this.issues.map((i) => ({ field: [where, ...i.path].join('.'), message: WORDS[i.kind][lang] }));
    return new AppError(InputErrors['request.bad_text'], {}, details);
  }
}

/**
 * The zod validator compiler of fastify-type-provider-zod, followed by the walk above. A schema
 * that throws while parsing (a transform meeting input it did not expect) is the input's fault
 * as far as the caller can tell: a 400, logged by the handler as such.
 */
export const edgeValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route as never);
  return (data: unknown) => {
    let result: { value?: unknown; error?: Error };
    try {
      result = validate(data) as { value?: unknown; error?: Error };
    } catch {
      return { error: new AppError(InputErrors['request.bad_value']) };
    }
    if (result.error) return result;
    const issues: TextIssue[] = [];
    const value = cleanInput(result.value, issues);
    if (issues.length) return { error: new BadTextError(issues.slice(0, 20)) };
    return { value };
  };
};

/**
 * SQLSTATE of a database error caused by the values sent, or undefined. Class 22 is "data
 * exception" (invalid byte sequence, date/time field out of range, numeric value out of range,
 * invalid text representation, string too long); 54000 is a value too large to index or search.
 * drizzle wraps the driver's error, so the chain of causes is searched.
 */
export function inputSqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown; severity?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    const code = e.code;
    // Only the driver's errors carry `severity`; other errors may have 5-character codes too.
    if (typeof code === 'string' && typeof e.severity === 'string' && /^(22[0-9A-Z]{3}|54000)$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Errors out of the multipart parser (busboy: "Unexpected end of form", a malformed part header)
 * are plain Errors without a status; they are the body's fault. The request's `file()` is wrapped
 * so that anything it (or the part's buffer) throws without a status becomes a 400 — decided by
 * where the error comes from, not by its text.
 */
export function guardMultipart(req: FastifyRequest): void {
  const file = (req as { file?: (...a: unknown[]) => Promise<unknown> }).file;
  if (typeof file !== 'function') return;
  const asClientError = (err: unknown) => {
    if (err instanceof AppError) return err;
    const status = (err as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status < 500) return err;
    return new AppError(InputErrors['request.malformed_multipart']);
  };
  (req as { file: unknown }).file = async (...args: unknown[]) => {
    let part: { toBuffer?: () => Promise<Buffer> } | undefined;
    try {
      part = (await file.apply(req, args)) as typeof part;
    } catch (err) {
      throw asClientError(err);
    }
    if (part && typeof part.toBuffer === 'function') {
      const toBuffer = part.toBuffer.bind(part);
      part.toBuffer = async () => {
        try {
          return await toBuffer();
        } catch (err) {
          throw asClientError(err);
        }
      };
    }
    return part;
  };
}
