import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config/index.js';
import { createApp } from '../../src/main.js';
import { testDatabase } from './db.js';
import { PASSWORD } from './factories.js';
import { testOnlyModules } from './modules.js';

/** The real application on the test database, driven with fastify.inject (no sockets). */
export async function testApp(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '100000', DEMANDS_PUBLIC_RATE_LIMIT: '100000', WEB_DIST_DIR: '/nonexistent', ...env });
  const { app } = await createApp(config, testDatabase(), { logger: false, extraModules: testOnlyModules() });
  await app.ready();
  return app;
}

export interface Session {
  cookie: string;
  csrf: string;
  request(opts: InjectOptions & { committeeId?: string }): Promise<LightMyRequestResponse>;
}

export async function loginAs(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request(opts) {
      const { committeeId, ...rest } = opts;
      return app.inject({
        ...rest,
        headers: { ...(rest.headers ?? {}), cookie, 'x-csrf-token': csrf, ...(committeeId ? { 'x-committee-id': committeeId } : {}) },
      } as InjectOptions);
    },
  };
}
