import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZh } from 'zod/locales';
import type { Config } from '../../config/index.js';
import { can, type Grant, type Principal } from '../access.js';
import type { Db } from '../db/database.js';
import { AppError, type Lang } from '../errors.js';
import type { ModuleManifest, RequestContext, RouteDef } from '../modules.js';
import { CacheHub } from '../cache.js';
import { englishOf } from '../schema.js';
import { bodyLimitFor, MAX_BODY_BYTES } from './body-limit.js';
import { BadTextError, edgeValidatorCompiler, guardMultipart, inputSqlState, InputErrors } from './input.js';
import { COMMITTEE_COOKIE, LANG_COOKIE, PrincipalResolver, SESSION_COOKIE, resolveCommittee } from './auth-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    lang: Lang;
  }
  interface FastifyContextConfig {
    xsRoute?: RouteDef;
  }
}

export interface AppDeps {
  config: Pick<Config, 'LOG_LEVEL' | 'COOKIE_SECURE' | 'WEB_DIST_DIR' | 'NODE_ENV'> & Partial<Pick<Config, 'TRUST_PROXY'>>;
  db: Db;
  modules: ModuleManifest[];
  /** Extra routes outside the module system (bench baseline). */
  logger?: boolean;
}

const zodLocales = { zh: zodZh(), en: zodEn() };

function langOf(req: FastifyRequest): Lang {
  const c = req.cookies?.[LANG_COOKIE];
  if (c === 'en' || c === 'zh') return c;
  const al = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(al) ? 'en' : 'zh';
}

function errorBody(code: string, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, details: details ?? null, requestId } };
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the first N hops". */
function trustProxyOption(t: Config['TRUST_PROXY'] | undefined): boolean | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_addr, hop) => hop < t;
  return t ?? false;
}

export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const { db, config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.LOG_LEVEL },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    // The ceiling; each module route gets its own cap below it (bodyLimitFor).
    bodyLimit: MAX_BODY_BYTES,
    // Off unless configured (TRUST_PROXY): believing every X-Forwarded-For let a forged header
    // pick the address the per-IP login limit counts.
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    // The router's own refusals (a path that is not valid percent-encoding, a path parameter over
    // maxParamLength) happen before any hook; they get the one error body too.
    frameworkErrors: (err, req, reply: FastifyReply) => {
      const lang = langOf(req);
      const e = new AppError('request.invalid');
      const why = err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? { zh: '地址中的参数过长', en: 'a path parameter is too long' }
        : { zh: '地址的编码无效', en: 'the path is not validly encoded' };
      return reply.status(400).send(errorBody(e.code, `${e.messageIn(lang)}：${why[lang]}`, req.id, { field: 'params', message: why[lang] }));
    },
  }).withTypeProvider<ZodTypeProvider>();
  // zod, then the platform's walk of every parsed string (NUL, lone surrogates, NFC): input.ts.
  app.setValidatorCompiler(edgeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.decorateRequest('lang', 'zh');

  // Read caches (principals, member lists) and their invalidation by NOTIFY: platform/cache.ts.
  const cacheHub = CacheHub.for(db);
  await cacheHub.start();
  app.addHook('onClose', async () => cacheHub.stop());
  const resolver = new PrincipalResolver(db, 2000, cacheHub);
  app.decorate('principals', resolver);
  // Every route as registered, with its declared access: the access probe walks this table.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method: String(method), url: r.url, def: (r.config as { xsRoute?: RouteDef } | undefined)?.xsRoute });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 30 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '协商 Xieshang API', version: '0.1.0', description: 'CPPCC committee platform. Errors: { error: { code, message, details, requestId } }.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (xieshang user token USERNAME)' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Who is calling: a session cookie or a bearer token. Never fails here; routes decide.
  app.addHook('onRequest', async (req) => {
    req.lang = langOf(req);
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await resolver.fromApiToken(auth.slice(7).trim());
      if (!req.principal) throw new AppError('auth.required');
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.principal = await resolver.fromSession(token);
  });

  // isMultipart() is known once the body's content type has been parsed, hence preHandler.
  app.addHook('preHandler', async (req) => {
    if (req.isMultipart()) guardMultipart(req);
  });

  app.setErrorHandler((err: any, req, reply) => {
    const lang = req.lang ?? 'zh';
    if (err instanceof BadTextError) err = err.toAppError(lang);
    if (err instanceof AppError) {
      const details = err.details as { field: string; message: string }[] | undefined;
      const listed = err.code === InputErrors['request.bad_text'] && details?.length ? '：' + details.map((d) => `${d.field} ${d.message}`).join('；') : '';
      return reply.status(err.status).send(errorBody(err.code, err.messageIn(lang) + listed, req.id, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const locale = zodLocales[lang];
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => {
        // The provider flattens each zod issue; rebuild it to word it in the caller's language.
        const path = v.instancePath.split('/').filter(Boolean);
        const issue = { ...(v.params as object), code: v.keyword, path, message: v.message } as unknown as z.core.$ZodRawIssue;
        const word = (l: (typeof zodLocales)[Lang]) => {
          const m = l.localeError(issue);
          return typeof m === 'string' ? m : m?.message;
        };
        // A message written in the schema ('手机号应为 11 位数字') is not zod's default English
        // wording; such messages are Chinese, so Chinese callers get them instead of a generic one.
        const custom = v.message && v.message !== word(zodLocales.en) ? v.message : undefined;
        // The platform's helpers (platform/schema.ts) tag their issues so English callers get English.
        const english = lang === 'en' ? englishOf((v.params as { params?: Record<string, unknown> }).params) : undefined;
        const message = english || (lang === 'zh' && custom) || word(locale) || v.message || '';
        return { field: [where, ...path].join('.'), message };
      });
      const e = new AppError('request.invalid');
      return reply.status(400).send(errorBody(e.code, e.messageIn(lang) + '：' + details.map((d) => `${d.field} ${d.message}`).join('；'), req.id, details));
    }
    if (err.statusCode === 429) {
      const e = new AppError('request.rate_limited');
      return reply.status(429).send(errorBody(e.code, e.messageIn(lang), req.id));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Over the route's own cap (bodyLimitFor): refused before it is parsed.
      const e = new AppError('request.body_too_large', { kb: Math.floor((req.routeOptions.bodyLimit ?? MAX_BODY_BYTES) / 1024) });
      return reply.status(413).send(errorBody(e.code, e.messageIn(lang), req.id));
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      const e = new AppError('request.too_large');
      return reply.status(413).send(errorBody(e.code, e.messageIn(lang), req.id));
    }
    const state = inputSqlState(err);
    if (state) {
      // A value the database refused (invalid byte sequence, date out of range, …): the caller's
      // input, not a fault here. Logged at info with the SQLSTATE; the body names no SQL.
      req.log.info({ sqlState: state }, 'database refused an input value');
      const e = new AppError(InputErrors['request.bad_value']);
      return reply.status(400).send(errorBody(e.code, e.messageIn(lang), req.id, { sqlState: state }));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type, …).
      const e = new AppError('request.invalid');
      return reply.status(400).send(errorBody(e.code, `${e.messageIn(lang)}：${err.message}`, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    const e = new AppError('internal.error');
    return reply.status(500).send(errorBody(e.code, e.messageIn(lang), req.id));
  });

  const committeeExists = new Map<string, boolean>();
  async function exists(id: string): Promise<boolean> {
    let ok = committeeExists.get(id);
    if (ok === undefined) {
      ok = (await db.execute(sql`select 1 from committees where id = ${id}`)).rows.length > 0;
      committeeExists.set(id, ok);
    }
    return ok;
  }
  async function committeeOf(req: FastifyRequest, p: Principal): Promise<{ committeeId: string; grants: Grant[] }> {
    const header = req.headers['x-committee-id'];
    const found = await resolveCommittee(db, p, { header: typeof header === 'string' ? header : null, cookie: req.cookies[COMMITTEE_COOKIE] }, exists);
    if (!found) throw new AppError('committee.not_found');
    return found;
  }

  function register(def: RouteDef) {
    const schema: Record<string, unknown> = { summary: def.summary, tags: def.tags };
    if (def.params) schema.params = def.params;
    if (def.querystring) schema.querystring = def.querystring;
    if (def.body) schema.body = def.body;
    if (def.response) schema.response = def.response;
    app.route({
      method: def.method,
      url: def.url,
      schema,
      bodyLimit: bodyLimitFor(def),
      config: {
        xsRoute: def,
        ...(def.rateLimit ? { rateLimit: { max: def.rateLimit, timeWindow: '1 minute' } } : {}),
      },
      // Access is decided before the input is validated: a caller without access learns nothing
      // about the shape of the input.
      preValidation: async (req) => {
        const ctx = await contextFor(req, def);
        (req as any).xsContext = ctx;
      },
      handler: async (req, reply) => def.handler(req, (req as any).xsContext as RequestContext, reply),
    });
  }

  async function contextFor(req: FastifyRequest, def: RouteDef): Promise<RequestContext> {
    const p = req.principal;
    const base = {
      db,
      principal: p,
      lang: req.lang,
      requestId: req.id,
      actor: { userId: p?.userId ?? null, label: p ? `${p.username}` : 'anonymous', requestId: req.id },
    };
    if ('public' in def.access) {
      return { ...base, committeeId: '', grants: [], can: () => false };
    }
    if (!p) throw new AppError('auth.required');
    if (p.via === 'session' && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !p.csrfToken || !crypto.timingSafeEqual(Buffer.from(sent.padEnd(64)), Buffer.from(p.csrfToken.padEnd(64)))) {
        throw new AppError('auth.csrf');
      }
    }
    if ('authenticated' in def.access) {
      return { ...base, committeeId: p.homeCommitteeId, grants: [], can: () => false };
    }
    // A generated or reset password is known to whoever handed it over: until its owner replaces
    // it, the session may only reach the account routes (all of them `authenticated`).
    if (p.mustChangePassword && p.via === 'session') throw new AppError('auth.must_change_password');
    const { committeeId, grants } = await committeeOf(req, p);
    const permission = def.access.permission;
    if (!can(p, grants, permission)) throw new AppError('auth.forbidden', {}, { permission });
    return { ...base, committeeId, grants, can: (perm: string) => can(p, grants, perm) };
  }

  for (const m of deps.modules) for (const r of m.routes) register(r);

  app.get('/api/health', { schema: { summary: 'Health: 200 when the database answers', tags: ['platform'] } }, async (_req, reply) => {
    try {
      await db.execute(sql`select 1`);
      return { status: 'ok' };
    } catch {
      const e = new AppError('db.unavailable');
      return reply.status(503).send(errorBody(e.code, e.messageIn('zh'), _req.id));
    }
  });

  const webDir = path.resolve(config.WEB_DIST_DIR);
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir, prefix: '/', wildcard: false, index: ['index.html'],
      // The build writes .br and .gz beside each file (web/vite.config.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        // Files under assets/ carry their content hash in the name: a new build has new names, so
        // the browser may keep them for good. index.html names them, so it is checked every time.
        res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404 (an old page asking for a chunk of a previous build), not index.html.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || !hasWeb || req.method !== 'GET') {
      const e = new AppError('request.not_found');
      return reply.status(404).send(errorBody(e.code, e.messageIn(req.lang ?? 'zh'), req.id));
    }
    // The web app routes on the client: every other GET gets index.html.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  def?: RouteDef;
}

declare module 'fastify' {
  interface FastifyInstance {
    principals: PrincipalResolver;
    routeTable: RegisteredRoute[];
  }
}
