import { z } from 'zod';
import path from 'node:path';

/**
 * The one place that reads process.env. Parsed once; a bad value fails with the list of every
 * bad key, so an operator fixes them all in one go.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port of the web app and API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** An external PostgreSQL server; when unset an embedded server is started in XIESHANG_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded PostgreSQL cluster and its lock file. */
  XIESHANG_DATA_DIR: z.string().min(1).default('./data'),
  /**
   * shared_buffers of the embedded cluster: 256MB suits a county office's laptop; a machine that
   * holds a province's data gives PostgreSQL about a quarter of its memory (e.g. 6GB of 24).
   */
  XIESHANG_PG_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, '形如 256MB 或 6GB / like 256MB or 6GB').default('256MB'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Failed logins before a temporary lockout, and the lockout length. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** Requests per minute per IP on the login route. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Public demand submissions per minute per IP (photo uploads 3×, the form and tracking page 6×). */
  DEMANDS_PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /**
   * Which proxies' X-Forwarded-For to believe when working out the client's address (the login
   * rate limit and the audit rows use it). Off by default: a forged header then changes nothing.
   * `true` trusts every hop (only when the port is reachable from the proxy alone), a number
   * trusts that many hops, a comma list names the proxies' addresses or CIDR ranges
   * (`127.0.0.1,10.0.0.0/8`).
   */
  TRUST_PROXY: z.string().trim()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'true、false、跳数或代理地址列表 / true, false, a hop count or a list of proxy addresses')
    .transform((v): boolean | number | string[] => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim())))
    .default(false),
  /** Set Secure on cookies (behind HTTPS). */
  COOKIE_SECURE: bool.default(false),
  /** Run periodic jobs in this process. */
  JOBS_ENABLED: bool.default(true),
  /** Where the built web app is; served at /. */
  WEB_DIST_DIR: z.string().default('dist/web'),
  /** Largest uploaded file (attachments), in MB. */
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly issues: { key: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  - ${i.key}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parse an environment (defaults to process.env). Throws ConfigError listing every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ key: i.path.join('.') || '(root)', message: i.message })),
    );
  }
  return { ...parsed.data, XIESHANG_DATA_DIR: path.resolve(parsed.data.XIESHANG_DATA_DIR) };
}
