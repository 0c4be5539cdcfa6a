import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '../src/config/index.js';

describe('configuration', () => {
  it('has working defaults for everything', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      SESSION_TTL_HOURS: 12,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCKOUT_MINUTES: 15,
      LOGIN_RATE_LIMIT: 30,
      COOKIE_SECURE: false,
      JOBS_ENABLED: true,
      WEB_DIST_DIR: 'dist/web',
    });
    expect(c.DATABASE_URL).toBeUndefined();
    // The data folder is made absolute, so a later chdir cannot move it.
    expect(c.XIESHANG_DATA_DIR).toBe(path.resolve('./data'));
    expect(path.isAbsolute(c.XIESHANG_DATA_DIR)).toBe(true);
  });

  it('reads and coerces given values; empty strings count as unset; unknown keys are ignored', () => {
    const c = loadConfig({
      NODE_ENV: 'production', PORT: '8080', HOST: '127.0.0.1', DATABASE_URL: 'postgres://u:p@db.example:5432/xs',
      XIESHANG_DATA_DIR: '/srv/xieshang', LOG_LEVEL: 'warn', SESSION_TTL_HOURS: '1.5', LOGIN_MAX_FAILURES: '3',
      COOKIE_SECURE: 'yes', JOBS_ENABLED: '0', LOGIN_RATE_LIMIT: '', SOMETHING_ELSE: 'x', PATH: '/bin',
    });
    expect(c).toMatchObject({
      NODE_ENV: 'production', PORT: 8080, HOST: '127.0.0.1', DATABASE_URL: 'postgres://u:p@db.example:5432/xs',
      XIESHANG_DATA_DIR: '/srv/xieshang', LOG_LEVEL: 'warn', SESSION_TTL_HOURS: 1.5, LOGIN_MAX_FAILURES: 3,
      COOKIE_SECURE: true, JOBS_ENABLED: false, LOGIN_RATE_LIMIT: 30,
    });
    expect(c).not.toHaveProperty('SOMETHING_ELSE');
    for (const [v, b] of [['true', true], ['1', true], ['yes', true], ['false', false], ['0', false], ['no', false]] as const) {
      expect(loadConfig({ COOKIE_SECURE: v }).COOKIE_SECURE).toBe(b);
    }
  });

  it('lists every bad key at once in one ConfigError', () => {
    const env = {
      PORT: 'eighty', LOG_LEVEL: 'loud', COOKIE_SECURE: 'maybe', DATABASE_URL: 'not a url',
      LOGIN_MAX_FAILURES: '0', SESSION_TTL_HOURS: '-1', NODE_ENV: 'staging', HOST: 'localhost',
    };
    let err: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const e = err as ConfigError;
    const bad = ['PORT', 'LOG_LEVEL', 'COOKIE_SECURE', 'DATABASE_URL', 'LOGIN_MAX_FAILURES', 'SESSION_TTL_HOURS', 'NODE_ENV'];
    expect(e.issues.map((i) => i.key).sort()).toEqual([...bad].sort());
    for (const key of bad) expect(e.message).toContain(`  - ${key}: `);
    expect(e.message).not.toContain('HOST');
    expect(e.message.startsWith('Invalid configuration:')).toBe(true);
    expect(e.issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('rejects out-of-range numbers', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '3000.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOGIN_LOCKOUT_MINUTES: '0' })).toThrow(/LOGIN_LOCKOUT_MINUTES/);
  });

  it('reads process.env by default, and only the keys it declares', () => {
    const before = process.env.PORT;
    process.env.PORT = '4321';
    try {
      expect(loadConfig().PORT).toBe(4321);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
    // Every declared key has a default or is optional: an empty environment is a valid one.
    expect(configSchema.safeParse({}).success).toBe(true);
  });
});
