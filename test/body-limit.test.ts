import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bodyLimitFor, MAX_BODY_BYTES, maxJsonBytes, NO_BODY_BYTES, patternMaxChars } from '../src/platform/http/body-limit.js';
import { calendarDate } from '../src/platform/schema.js';

const bound = (s: z.ZodType) => maxJsonBytes(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as never);

describe('per-route body caps derived from the body schema', () => {
  it('the longest string an anchored pattern matches', () => {
    expect(patternMaxChars('^1\\d{10}$')).toBe(11);
    expect(patternMaxChars('^[a-z0-9_]{1,40}$')).toBe(40);
    expect(patternMaxChars('^[A-Z]$')).toBe(1);
    expect(patternMaxChars('^\\d{6}$')).toBe(6);
    expect(patternMaxChars('^[a-z][a-z0-9_]*$')).toBeUndefined();
    expect(patternMaxChars('^a{2,}$')).toBeUndefined();
    expect(patternMaxChars('^(a|b)$')).toBeUndefined();
    expect(patternMaxChars('abc')).toBeUndefined();
  });

  it('bounds strings, lists, records and unions by their declared maxima; unbounded parts make it unknown', () => {
    // 10 chars at 6 bytes (\uXXXX) + quotes.
    expect(bound(z.string().max(10))).toBe(62);
    expect(bound(z.array(z.string().max(10)).max(3))).toBe(2 + 3 * 63);
    expect(bound(z.object({ a: z.boolean() }))).toBe(2 + 3 + 2 + 5);
    expect(bound(z.union([z.string().max(1), z.string().max(100)]))).toBe(602);
    expect(bound(calendarDate())).toBe(62);
    expect(bound(z.string())).toBe(Infinity);
    expect(bound(z.array(z.uuid()))).toBe(Infinity);
    expect(bound(z.record(z.string().max(4), z.number()))).toBe(Infinity);
    expect(bound(z.record(z.string().max(4), z.number()).meta({ maxProperties: 2 }))).toBe(2 + 2 * (26 + 2 + 24));
  });

  it('a route without a body takes little; a bounded body its bound, within [64 KB, 2 MB]; a stated limit wins', () => {
    expect(bodyLimitFor({})).toBe(NO_BODY_BYTES);
    expect(bodyLimitFor({ body: z.object({ lang: z.enum(['zh', 'en']) }) })).toBe(64 * 1024);
    const text = bodyLimitFor({ body: z.object({ body: z.string().max(20000) }) });
    expect(text).toBeGreaterThan(20000 * 6);
    expect(text).toBeLessThan(MAX_BODY_BYTES);
    expect(bodyLimitFor({ body: z.object({ anything: z.string() }) })).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor({ body: z.object({ anything: z.string() }), bodyLimit: 1000 })).toBe(1000);
    expect(bodyLimitFor({ multipart: true })).toBe(MAX_BODY_BYTES);
  });
});
