import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDef } from '../../src/platform/modules.js';

/**
 * Input generation for the route fuzzer (test/fuzz-routes.test.ts). Each route's own zod schemas
 * (params, querystring, body) are turned into JSON Schema (`z.toJSONSchema`, input side) and from
 * there into fast-check arbitraries: valid-looking values, and the same values mutated with a
 * corpus of known-bad strings and shapes.
 */

/** Strings that have broken servers before: NUL, lone surrogates, direction marks, injections. */
export const BAD_STRINGS: string[] = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\ud83d', '末尾\ud83d', '\u202e\u202dabc', '\u200f\u200e', '\ufeff',
  'Cafe\u0301', '🔥💥', '\r\n\t', ' ', '', '   前后空格   ',
  "' OR 1=1 --", "'; drop table users; --", '" or ""="', '1; select pg_sleep(0)', '\\', '%', '%00', '%s%n%x',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'data:text/html,<b>x</b>',
  '../../../etc/passwd', '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'prototype',
  '-1', '0', '1e309', '-1e309', 'NaN', 'Infinity', '9'.repeat(40), '0x10', '1.5', 'true', 'null', '[]', '{}',
  '2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', '2026-02-29T25:61:00+08:00', '00000000-0000-0000-0000-000000000000',
  'ｆｕｌｌｗｉｄｔｈ', '關於繁體字的提案', '𠀀𠀁𠀂',
];

/** What PostgreSQL text cannot hold or UTF-8 cannot encode: the edge must refuse these with a 400. */
export const UNSTORABLE: string[] = ['\u0000', 'a\u0000b', '关于\u0000取暖', '\ud800', 'x\udc00', '末尾\ud83d', '\udfff开头'];

/** Paths of the string properties a JSON Schema declares (two levels deep; array items as index 0). */
export function stringPaths(js: Js | undefined, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (!js || depth > 2) return [];
  const out: (string | number)[][] = [];
  const types = [js.type].flat();
  if (types.includes('string') && prefix.length) out.push(prefix);
  for (const alt of [...(js.anyOf ?? []), ...(js.oneOf ?? [])]) out.push(...stringPaths(alt, prefix, depth));
  if (types.includes('array') && js.items) out.push(...stringPaths(js.items, [...prefix, 0], depth + 1));
  for (const [k, v] of Object.entries((js.properties ?? {}) as Record<string, Js>)) out.push(...stringPaths(v, [...prefix, k], depth + 1));
  return out;
}

/** A megabyte of text, and shapes no schema expects. */
export const HUGE = 'A'.repeat(1 << 20);
export const HUGE_CJK = '政'.repeat(1 << 18);

type Js = Record<string, any>;

export interface Pools {
  /** Ids of real records (the probe fixtures), so generated uuids sometimes hit a row. */
  ids: string[];
}

export function jsonSchemaOf(schema: z.ZodType | undefined): Js | undefined {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
  } catch {
    return {};
  }
}

const validDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });

function stringArb(js: Js, pools: Pools): fc.Arbitrary<string> {
  const min = js.minLength ?? 0;
  const max = Math.min(js.maxLength ?? 40, Math.max(min, 40));
  if (js.format === 'uuid') return pools.ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...pools.ids), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
  if (js.format === 'date') return validDate.map((d) => d.toISOString().slice(0, 10));
  if (js.format === 'date-time') return validDate.map((d) => d.toISOString().replace('Z', '+08:00'));
  if (js.format === 'email') return fc.emailAddress();
  const fits = (v: string) => v.length >= min && v.length <= (js.maxLength ?? Infinity);
  const plain: fc.Arbitrary<string>[] = [fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max })];
  const words = ['关于加强农村留守老人冬季取暖安全的建议', '测试', '经济', '2026', 'member', 'true'].filter(fits);
  if (words.length) plain.push(fc.constantFrom(...words));
  if (js.pattern) {
    try {
      // Never a filter that may reject forever: values of the wrong length are replaced by plain ones.
      const re = new RegExp(js.pattern);
      return fc.tuple(fc.stringMatching(re), fc.oneof(...plain)).map(([m, p]) => (fits(m) ? m : p));
    } catch {
      /* a pattern fast-check cannot read: fall through */
    }
  }
  return fc.oneof(...plain);
}

/** An arbitrary of values that a JSON Schema accepts (or nearly: custom refinements are not known). */
export function arbOf(js: Js | undefined, pools: Pools, root: Js = js ?? {}, depth = 0): fc.Arbitrary<unknown> {
  if (!js || depth > 8) return fc.constant(undefined);
  if (js.$ref) {
    const name = String(js.$ref).replace(/^#\/(\$defs|definitions)\//, '');
    const target = root.$defs?.[name] ?? root.definitions?.[name];
    return target ? arbOf(target, pools, root, depth + 1) : fc.jsonValue({ maxDepth: 2 });
  }
  if (js.const !== undefined) return fc.constant(js.const);
  if (Array.isArray(js.enum) && js.enum.length) return fc.constantFrom(...js.enum);
  const alts = js.anyOf ?? js.oneOf;
  if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((a: Js) => arbOf(a, pools, root, depth + 1)));
  if (Array.isArray(js.allOf) && js.allOf.length) return arbOf(js.allOf[0], pools, root, depth + 1);
  const type = js.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((t: string) => arbOf({ ...js, type: t }, pools, root, depth + 1)));
  switch (type) {
    case 'string': return stringArb(js, pools);
    case 'integer': {
      const min = Math.max(js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : -1000), -(2 ** 31));
      const max = Math.min(js.maximum ?? (js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - 1 : 100_000), 2 ** 31);
      return min <= max ? fc.integer({ min, max }) : fc.constant(min);
    }
    case 'number': {
      const min = js.minimum ?? js.exclusiveMinimum ?? -1e6;
      const max = js.maximum ?? js.exclusiveMaximum ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const items = Array.isArray(js.prefixItems) ? fc.tuple(...js.prefixItems.map((p: Js) => arbOf(p, pools, root, depth + 1))) : undefined;
      if (items) return items;
      const min = js.minItems ?? 0;
      return fc.array(arbOf(js.items ?? {}, pools, root, depth + 1), { minLength: min, maxLength: Math.min(js.maxItems ?? 4, Math.max(min, 4)) });
    }
    case 'object': {
      const props: Record<string, Js> = js.properties ?? {};
      const keys = Object.keys(props);
      if (!keys.length && js.additionalProperties && typeof js.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), arbOf(js.additionalProperties, pools, root, depth + 1), { maxKeys: 3 });
      }
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) record[k] = arbOf(props[k], pools, root, depth + 1);
      return fc.record(record, { requiredKeys: (js.required ?? []).filter((k: string) => k in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every path to a leaf (or a container) in a JSON-ish value. */
function pathsOf(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...path, k], out);
  return out;
}

function setAt(v: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), value);
  return copy;
}

function deleteAt(v: unknown, path: (string | number)[]): unknown {
  if (!path.length || v === null || typeof v !== 'object') return v;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  if (path.length === 1) {
    if (Array.isArray(copy)) copy.splice(Number(path[0]), 1);
    else delete copy[path[0]];
    return copy;
  }
  copy[path[0]] = deleteAt(copy[path[0]], path.slice(1));
  return copy;
}

const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, true, [], {}, [[[[]]]], { a: { b: { c: {} } } }, '', 'x'];

/**
 * A value, a mutation of it, or a raw body: what one request of the fuzzer sends.
 * `raw` is sent as the body text (for shapes JSON.stringify cannot make: __proto__ keys, deep nesting).
 */
export type Sample = { value: unknown; raw?: string; note: string };

/**
 * The value a mutation starts from: the route's own example (a valid request), the schema's
 * required keys only, or every key — so that one bad field often arrives in an otherwise valid
 * request and reaches the handler and the database, instead of failing on a neighbour.
 */
function baseArb(js: Js | undefined, pools: Pools, example: unknown): fc.Arbitrary<unknown> {
  const schema = js ?? { type: 'object', properties: {} };
  const full = arbOf(schema, pools);
  const props = (schema.properties ?? {}) as Record<string, Js>;
  const required: string[] = (schema.required ?? []).filter((k: string) => k in props);
  const minimal = schema.type === 'object'
    ? fc.record(Object.fromEntries(required.map((k) => [k, arbOf(props[k], pools, schema)])) as Record<string, fc.Arbitrary<unknown>>)
    : full;
  const arbs: { arbitrary: fc.Arbitrary<unknown>; weight: number }[] = [{ arbitrary: minimal, weight: 2 }, { arbitrary: full, weight: 1 }];
  if (example !== undefined) arbs.push({ arbitrary: fc.constant(example), weight: 3 });
  return fc.oneof(...arbs);
}

export function sampleArb(js: Js | undefined, pools: Pools, opts: { body: boolean; query?: boolean; example?: unknown }): fc.Arbitrary<Sample> {
  const base = baseArb(js, pools, opts.example);
  const textPaths = stringPaths(js);
  const bad = fc.oneof(
    { arbitrary: fc.constantFrom(...UNSTORABLE), weight: 4 },
    { arbitrary: fc.constantFrom(...BAD_STRINGS), weight: 6 },
    { arbitrary: fc.constant(opts.query ? 'B'.repeat(20_000) : HUGE), weight: 1 },
    { arbitrary: fc.constant(opts.query ? '政'.repeat(5_000) : HUGE_CJK), weight: 1 },
  );
  const valid = base.map((value): Sample => ({ value, note: 'valid' }));
  const mutated = fc.tuple(base, fc.nat(), bad, fc.constantFrom(...WRONG_TYPES), fc.nat(6)).map(([value, pick, s, wrong, how]): Sample => {
    const paths = pathsOf(value);
    const path = paths[pick % paths.length];
    const where = path.join('.') || '(root)';
    switch (how) {
      case 0: case 1: case 3: {
        // A text field the schema declares (present in the value or not): where bad text does harm.
        if (!textPaths.length) return { value: setAt(value, path.length ? path : ['q'], s), note: `bad string at ${where}` };
        const target = textPaths[pick % textPaths.length];
        return { value: setAt(value && typeof value === 'object' ? value : {}, target, s), note: `bad string at ${target.join('.')}` };
      }
      case 2: return { value: setAt(value, path.length ? path : ['q'], s), note: `bad string at ${where}` };
      case 4: return { value: setAt(value, path.length ? path : ['x'], wrong), note: `wrong type at ${where}` };
      case 5: return { value: deleteAt(value, path), note: `missing ${where}` };
      default: return { value: setAt(value, [...path.filter((p) => typeof p === 'string').slice(0, 1), String(s).slice(0, 30) || 'k'], s), note: `extra key at ${where}` };
    }
  });
  const arbs: { arbitrary: fc.Arbitrary<Sample>; weight: number }[] = [
    { arbitrary: valid, weight: 3 },
    { arbitrary: mutated, weight: 6 },
  ];
  if (opts.body) {
    arbs.push({
      arbitrary: fc.constantFrom<Sample>(
        { value: null, raw: '{"__proto__":{"isPlatformAdmin":true},"constructor":{"prototype":{"x":1}}}', note: '__proto__ keys' },
        { value: null, raw: '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), note: 'deep nesting (3000)' },
        { value: null, raw: '['.repeat(3000) + ']'.repeat(3000), note: 'deep arrays (3000)' },
        { value: null, raw: '{"title": "unterminated', note: 'broken JSON' },
        { value: null, raw: '"just a string"', note: 'string body' },
        { value: null, raw: 'null', note: 'null body' },
        { value: null, raw: '[1,2,3]', note: 'array body' },
        { value: null, raw: '{"title":"\\u0000","body":"\\ud800","name":"\\udfff"}', note: 'escaped NUL and surrogates' },
      ),
      weight: 1,
    });
  }
  return fc.oneof(...arbs);
}

/** Multipart bodies for upload routes: well-formed, cut short, without boundary, wrong field. */
export const MULTIPART_BODIES: { contentType: string; body: string | Buffer; note: string }[] = (() => {
  const b = 'xsfuzzboundary';
  const part = (name: string, filename: string, type: string, content: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
  return [
    { contentType: `multipart/form-data; boundary=${b}`, body: part('file', '说明.txt', 'text/plain', '一段文字') + `--${b}--\r\n`, note: 'valid text file' },
    { contentType: `multipart/form-data; boundary=${b}`, body: part('file', 'a\u0000.txt', 'text/plain', 'x') + `--${b}--\r\n`, note: 'NUL in file name' },
    { contentType: `multipart/form-data; boundary=${b}`, body: part('file', 'x.xlsx', 'application/vnd.ms-excel', 'PK\u0003\u0004broken') + `--${b}--\r\n`, note: 'broken xlsx' },
    { contentType: `multipart/form-data; boundary=${b}`, body: part('file', 'a.txt', 'text/plain', 'cut short'), note: 'no closing boundary' },
    { contentType: `multipart/form-data; boundary=${b}`, body: `--${b}\r\nthis is not a header\r\n\r\nx\r\n--${b}--`, note: 'malformed part header' },
    { contentType: `multipart/form-data; boundary=${b}`, body: part('other', 'a.txt', 'text/plain', 'x') + `--${b}--\r\n`, note: 'wrong field name' },
    { contentType: `multipart/form-data; boundary=${b}`, body: part('file', 'a.txt', 'text/plain', 'x') + part('file', 'b.txt', 'text/plain', 'y') + `--${b}--\r\n`, note: 'two files' },
    { contentType: `multipart/form-data; boundary=${b}`, body: part('__proto__', 'a.txt', 'text/plain', 'x') + `--${b}--\r\n`, note: '__proto__ field' },
    { contentType: 'multipart/form-data', body: 'no boundary at all', note: 'no boundary' },
    { contentType: `multipart/form-data; boundary=${b}`, body: '', note: 'empty body' },
    { contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from([0xff, 0xfe, 0x00, 0x01]), note: 'binary garbage' },
    { contentType: 'application/json', body: '{}', note: 'JSON instead of multipart' },
  ];
})();

/** Serialises a generated query object into a query string, keeping bad bytes that URLSearchParams would repair. */
export function queryString(v: unknown): string {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v === undefined || v === null ? '' : 'q=' + enc(String(v));
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    for (const one of Array.isArray(x) ? x : [x]) parts.push(`${enc(k)}=${enc(typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one))}`);
  }
  return parts.join('&');
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the invalid UTF-8 of one. */
export function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}

/** The path of a route with its params filled from a generated params object. */
export function pathFor(def: RouteDef, params: unknown): string {
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  return def.url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = p[name];
    const s = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return enc(s) || 'x';
  });
}

/** Answers that leak internals: stack frames, source paths, SQL. */
export function leaks(body: string): string | undefined {
  if (/\n\s+at [\w.<>]+ \(|node_modules|\.ts:\d+:\d+/.test(body)) return 'stack trace';
  if (/"stack"\s*:/.test(body)) return 'stack field';
  if (/\b(select|insert|update|delete)\b[^"]{0,200}\b(from|into|set|where)\b|syntax error at or near|violates .* constraint|relation "|column "|SQLSTATE|drizzle/i.test(body)) return 'SQL text';
  return undefined;
}
