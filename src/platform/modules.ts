import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal, Grant } from './access.js';
import type { Database } from './db/database.js';
import type { JobDef } from './jobs.js';
import type { Lang } from './errors.js';
import type { AnyWorkflow } from './workflow.js';
import type { FigureDef } from './figures.js';
import type { WorkbenchProvider } from './workbench.js';
import type { SearchProvider } from './search.js';
import { committeeScope } from './scope.js';

/** What every handler receives besides the request. */
export interface RequestContext {
  db: Database['db'];
  principal: Principal | null;
  /** The committee addressed (committee-scoped routes only). */
  committeeId: string;
  grants: Grant[];
  lang: Lang;
  requestId: string;
  can(permission: string): boolean;
  actor: { userId: string | null; label: string; requestId: string };
}

export type Access =
  | { public: true }
  /** Any logged-in user; no committee scope (own profile, own tokens). */
  | { authenticated: true }
  /** A committee-scoped permission. */
  | { permission: string };

/**
 * The request a handler sees: params, query and body typed from the route's zod schemas (what
 * the validator produced, so `z.output`), the rest as Fastify's request. A route without a schema
 * for a part gets `unknown` there.
 */
export type RouteRequest<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> = Omit<
  FastifyRequest,
  'params' | 'query' | 'body'
> & { params: z.output<P>; query: z.output<Q>; body: z.output<B> };

export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags?: string[];
  access: Access;
  /** The kind of record behind `:id`, so the access probe can aim at another committee's record. */
  resource?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** multipart upload (file field `file`). */
  multipart?: boolean;
  response?: Record<number, z.ZodType>;
  /** A valid request, for the probe and the API docs. */
  example?: { body?: unknown; query?: Record<string, string> };
  /** Per-route rate limit (requests per minute per IP). */
  rateLimit?: number;
  /**
   * Body-size cap in bytes. Unset, it is derived from the body schema (platform/http/body-limit.ts);
   * set it where the schema cannot tell (a body whose parts have no bound but whose use does).
   */
  bodyLimit?: number;
  // Method syntax on purpose: a RouteDef<P, Q, B> is stored in a manifest's RouteDef[] (the
  // server hands each handler the request its own schemas validated).
  handler(req: RouteRequest<P, Q, B>, ctx: RequestContext, reply: FastifyReply): Promise<unknown>;
}

/** A module declares itself once: routes, workflows, jobs, probe fixtures, seed. */
export interface ModuleManifest {
  name: string;
  routes: RouteDef[];
  /**
   * The module's workflows (platform/workflow.ts). docs/architecture.md draws each
   * (`npm run docs:workflows`) and test/workflows.test.ts walks every state × action of each,
   * so a new workflow is drawn and tested without being named anywhere else.
   */
  workflows?: AnyWorkflow[];
  /** Read-only figures over a committee scope (platform/figures.ts); each becomes a GET route of the module. */
  figures?: FigureDef[];
  jobs?: JobDef[];
  /** What waits for a caller in this module (platform/workbench.ts); the workbench home asks every module's. */
  workbench?: WorkbenchProvider[];
  /** Search over this module's records as the caller may read them (platform/search.ts); `GET /api/search` asks every module's. */
  search?: SearchProvider[];
  /**
   * For each resource kind its routes name: create one record in the given committee and return
   * its id. The access probe uses these to aim every route at another committee's record.
   */
  probeFixtures?: Record<string, (db: Database['db'], committeeId: string) => Promise<string>>;
  /** Called once at start-up (subscribe to events, …). */
  init?(db: Database['db']): void;
  /**
   * Loads this module's demo data through its own commands (`xieshang demo` / `seed demo`), in
   * module order after the modules it builds on. Returns a one-line summary.
   */
  demoSeed?(db: Database['db'], opts: { progress?: (done: number, total: number) => void }): Promise<string>;
}

/** A route whose handler's `req.params` / `req.query` / `req.body` are typed from its schemas. */
export function defineRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(def: RouteDef<P, Q, B>): RouteDef {
  return def;
}

/** Declares a module; its figures become routes of its own (so the probe and the API docs see them like any route). */
export function defineModule(m: ModuleManifest): ModuleManifest {
  return { ...m, routes: [...m.routes, ...(m.figures ?? []).map((f) => figureRoute(m.name, f))] };
}

/** The GET route of one figure. */
function figureRoute(moduleName: string, f: FigureDef): RouteDef {
  return {
    method: 'GET',
    url: f.url ?? `/api/figures/${moduleName}/${f.name}`,
    summary: f.summary ?? `${f.title.zh} / ${f.title.en} (scope=self|tree: this committee, or it and every committee below it)`,
    tags: [moduleName, 'figures'],
    access: { permission: f.permission },
    querystring: f.query,
    ...(f.example ? { example: { query: f.example } } : {}),
    async handler(req, ctx) {
      const q = req.query as { scope: 'self' | 'tree' };
      const scope = await committeeScope(ctx.db, ctx.committeeId, q.scope);
      return f.compute(ctx.db, scope, q, { lang: ctx.lang });
    },
  };
}
