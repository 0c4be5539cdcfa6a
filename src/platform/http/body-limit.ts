import { z } from 'zod';
import type { RouteDef } from '../modules.js';

/**
 * The body-size cap of each route, derived from what its body schema can hold, so a route that
 * takes a short JSON object refuses a 2 MB one before it is parsed, and a route added later gets
 * its cap without being named.
 *
 * The bound is the largest JSON text the schema accepts: every string at its `max` with each
 * character escaped as `\uXXXX` (6 bytes, the worst a client may send), every list at its `max`,
 * plus room for whitespace. A schema part without a bound (a string without `max`, a record, a
 * recursive type) makes the bound unknown, and the route gets the global ceiling. A route may
 * state its own `bodyLimit` (uploads do: multipart bodies are capped per file by their route).
 */

/** The ceiling every route shares (and the cap of routes whose schema has no bound). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Routes without a body schema take no body worth the name: `{}` or a few fields the schema ignores. */
export const NO_BODY_BYTES = 16 * 1024;
/** The least any body route allows, so a bound that counts short is not what refuses a real request. */
const MIN_BODY_BYTES = 64 * 1024;

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  format?: string;
  pattern?: string;
  maxProperties?: number;
  propertyNames?: JsonSchema;
  maxItems?: number;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  not?: unknown;
};

/** Fixed-width string formats zod writes without a maxLength. */
const FORMAT_CHARS: Record<string, number> = { uuid: 36, date: 10, 'date-time': 40, time: 20, email: 320 };
const PER_CHAR = 6;

/** The largest JSON text (bytes) a schema accepts, or Infinity when some part has no bound. */
export function maxJsonBytes(s: JsonSchema | boolean | undefined): number {
  if (s === undefined || s === true) return Infinity;
  if (s === false) return 0;
  if (s.$ref) return Infinity; // recursive (z.lazy): no bound
  if (s.const !== undefined) return JSON.stringify(s.const).length * PER_CHAR;
  if (s.enum) return Math.max(0, ...s.enum.map((v) => (JSON.stringify(v) ?? '').length * PER_CHAR));
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return Math.max(0, ...alts.map(maxJsonBytes));
  if (s.allOf) return Math.min(...s.allOf.map(maxJsonBytes));
  const types = s.type === undefined ? [] : [s.type].flat();
  if (types.length === 0) return Infinity; // any
  return Math.max(...types.map((t) => maxOfType(t, s)));
}

function maxOfType(t: string, s: JsonSchema): number {
  switch (t) {
    case 'null': return 4;
    case 'boolean': return 5;
    case 'integer':
    case 'number': return 24;
    case 'string': {
      const chars = s.maxLength ?? (s.format ? FORMAT_CHARS[s.format] : undefined) ?? (s.pattern ? patternMaxChars(s.pattern) : undefined);
      return chars === undefined ? Infinity : 2 + chars * PER_CHAR;
    }
    case 'array': {
      if (s.prefixItems) return 2 + s.prefixItems.reduce((n, i) => n + maxJsonBytes(i) + 1, 0);
      if (s.maxItems === undefined) return Infinity;
      const item = Array.isArray(s.items) ? Math.max(...s.items.map(maxJsonBytes)) : maxJsonBytes(s.items);
      return 2 + s.maxItems * (item + 1);
    }
    case 'object': {
      let n = 2;
      if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
        // A record: bounded when its number of keys is (`.meta({ maxProperties })` beside the check).
        if (s.maxProperties === undefined) return Infinity;
        const value = s.additionalProperties === true ? Infinity : maxJsonBytes(s.additionalProperties);
        n += s.maxProperties * (maxJsonBytes(s.propertyNames ?? { type: 'string' }) + 2 + value);
      }
      for (const [k, v] of Object.entries(s.properties ?? {})) n += JSON.stringify(k).length + 2 + maxJsonBytes(v);
      return n;
    }
    default: return Infinity;
  }
}

/**
 * The longest string an anchored pattern of single-character atoms with bounded quantifiers
 * matches (`^1\d{10}$` → 11, `^[a-z0-9_]{1,40}$` → 40), or undefined when the pattern has `*`, `+`,
 * alternation, groups or is not anchored at both ends.
 */
export function patternMaxChars(pattern: string): number | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return undefined;
  const body = pattern.slice(1, -1);
  let i = 0;
  let total = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '[') {
      const end = body.indexOf(']', i + 2);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (c === '\\') {
      i += 2;
    } else if ('()|*+{}?'.includes(c)) {
      return undefined;
    } else {
      i += 1;
    }
    let times = 1;
    const q = /^\{(\d+)(?:,(\d+))?\}|^\?/.exec(body.slice(i));
    if (q) {
      if (q[0] === '?') times = 1;
      else if (q[0].includes(',') && q[2] === undefined) return undefined;
      else times = Number(q[2] ?? q[1]);
      i += q[0].length;
    }
    if (body[i] === '*' || body[i] === '+') return undefined;
    total += times;
  }
  return total;
}

/** The bodyLimit (bytes) the server gives a route. */
export function bodyLimitFor(def: Pick<RouteDef, 'body' | 'bodyLimit' | 'multipart'>): number {
  if (def.bodyLimit !== undefined) return def.bodyLimit;
  // Multipart bodies are not read by Fastify's body parser; the route caps its file part itself.
  if (def.multipart) return MAX_BODY_BYTES;
  if (!def.body) return NO_BODY_BYTES;
  let bound: number;
  try {
    bound = maxJsonBytes(z.toJSONSchema(def.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  } catch {
    bound = Infinity;
  }
  // Whitespace of a pretty-printed body: a quarter more, and a few KB for the nesting.
  const withSpace = bound * 1.25 + 4096;
  return Math.ceil(Math.min(MAX_BODY_BYTES, Math.max(MIN_BODY_BYTES, withSpace)));
}
