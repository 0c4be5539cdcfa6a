/**
 * A PostgreSQL array literal ('{"a","b",NULL,3}') of scalars, to bind as ONE parameter and cast
 * (`${pgArrayLiteral(xs)}::text[]`): the planner then sees the values (unlike a sub-select over
 * JSON), and a column of thousands of rows goes in one statement through unnest. Strings are
 * quoted with their backslashes and double quotes escaped; null is NULL.
 */
export function pgArrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  return '{' + values.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? '"' + v.replace(/["\\]/g, '\\$&') + '"' : String(v))).join(',') + '}';
}
