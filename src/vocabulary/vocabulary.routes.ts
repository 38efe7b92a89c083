import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { registerTaggingRoutes } from './tagging.routes.ts';
import type { Taxonomy } from './taxonomy.ts';
import {
  addAlias,
  createType,
  mergeType,
  removeAlias,
  retireType,
  updateType,
} from './vocabulary.commands.ts';
import { loadTaxonomy, revisionLog, taxonomyView, typeHistory, typeView } from './vocabulary.queries.ts';
import {
  aliasParams,
  mergeSchema,
  newAliasSchema,
  newTypeSchema,
  retireSchema,
  typeChildParams,
  typeListQuery,
  typePatchSchema,
  typePathParams,
  typePathSchema,
} from './vocabulary.types.ts';

const tags = ['vocabulary'];
const leads = requireRole('lead');
const base = '/api/v1/vocabulary/types';

/** The type a URL names: `{path}` (URL-encoded slash) or `{parent}/{child}`. */
function pathOf(c: Context<AppEnv>): string {
  const { path, parent, child } = c.req.param() as Record<string, string | undefined>;
  const raw = path ?? `${parent}/${child}`;
  const parsed = typePathSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError('validation_failed', `path: ${parsed.error.issues[0]?.message}`, {
      field: 'path',
      issues: [{ field: 'path', message: parsed.error.issues[0]?.message }],
    });
  }
  return parsed.data;
}

/** A type addressed by the URL that does not exist is a 404, not a bad body. */
function urlNotFound(path: string) {
  return (error: unknown) => {
    if (error instanceof ApiError && error.code === 'unknown_issue_type' && error.details.field === 'path') {
      throw notFound('issue_type', path);
    }
    throw error;
  };
}

/** The body as validated by the route's schema (the shared handler cannot name its type). */
// biome-ignore lint/suspicious/noExplicitAny: see above
const body = <T>(c: Context<AppEnv>): T => ((c.req as any).valid('json') ?? {}) as T;

const ctx = (c: Context<AppEnv>) => ({
  orgId: c.var.principal.orgId,
  by: c.var.principal.personId,
  now: c.var.services.clock(),
});

function view(taxonomy: Taxonomy, path: string) {
  const type = taxonomy.types.get(path);
  if (!type) throw notFound('issue_type', path);
  return typeView(taxonomy, type);
}

/**
 * Registers a route for both spellings of a type's address; `params` are the path parameters the
 * suffix adds after the type (`/aliases/{team}/{alias}`).
 */
function typeRoute(
  app: App,
  config: Omit<RouteConfig, 'path'> & { suffix: string; params?: z.ZodObject },
  handler: (c: Context<AppEnv>, path: string) => Promise<Response>,
) {
  const { suffix, request, params: more, ...rest } = config;
  for (const [path, params] of [
    [`${base}/{path}${suffix}`, typePathParams],
    [`${base}/{parent}/{child}${suffix}`, typeChildParams],
  ] as const) {
    const all = more ? params.extend(more.shape) : params;
    // biome-ignore lint/suspicious/noExplicitAny: one handler serves both parameter shapes
    app.openapi(createRoute({ ...rest, path, request: { ...request, params: all } }) as any, (c: any) =>
      handler(c, pathOf(c)),
    );
  }
}

export function registerVocabularyRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      request: { query: typeListQuery },
      responses: { 200: ok('The taxonomy: its revision and its types (active ones unless `status=all`)') },
    }),
    async (c) => {
      const taxonomy = await loadTaxonomy(c.var.services.database.db, c.var.principal.orgId);
      return c.json(taxonomyView(taxonomy, c.req.valid('query').status), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      middleware: [leads],
      request: { body: json(newTypeSchema) },
      responses: { 201: ok('The new type, at the new revision') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { taxonomy } = await createType(c.var.services.database.db, input, ctx(c));
      return c.json(view(taxonomy, input.path), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vocabulary/revisions',
      tags,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
      responses: { 200: ok('Changes to the taxonomy, newest first') },
    }),
    async (c) => {
      const items = await revisionLog(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('query').limit,
      );
      return c.json({ items }, 200);
    },
  );
  typeRoute(
    app,
    { method: 'get', suffix: '', tags, responses: { 200: ok('A type, how its tags read, and its history') } },
    async (c, path) => {
      const db = c.var.services.database.db;
      const taxonomy = await loadTaxonomy(db, c.var.principal.orgId);
      const history = await typeHistory(db, c.var.principal.orgId, path);
      return c.json({ ...view(taxonomy, path), history }, 200);
    },
  );
  typeRoute(
    app,
    {
      method: 'patch',
      suffix: '',
      tags,
      middleware: [leads],
      request: { body: json(typePatchSchema) },
      responses: { 200: ok('The type at its new revision') },
    },
    async (c, path) => {
      const patch = body<z.infer<typeof typePatchSchema>>(c);
      const { taxonomy } = await updateType(c.var.services.database.db, path, patch, ctx(c)).catch(
        urlNotFound(path),
      );
      return c.json(view(taxonomy, path), 200);
    },
  );
  typeRoute(
    app,
    {
      method: 'post',
      suffix: '/aliases',
      tags,
      middleware: [leads],
      request: { body: json(newAliasSchema) },
      responses: { 201: ok('The type with the alias added'), 200: ok('The team already had this alias') },
    },
    async (c, path) => {
      const { team, alias } = body<z.infer<typeof newAliasSchema>>(c);
      const { rows, taxonomy } = await addAlias(c.var.services.database.db, path, team, alias, ctx(c)).catch(
        urlNotFound(path),
      );
      return c.json(view(taxonomy, path), rows.length > 0 ? 201 : 200);
    },
  );
  typeRoute(
    app,
    {
      method: 'delete',
      suffix: '/aliases/{team}/{alias}',
      params: aliasParams,
      tags,
      middleware: [leads],
      responses: {
        200: ok(
          "The type without that team's alias, at a new revision (the word is matched as normalisation matches it)",
        ),
      },
    },
    async (c, path) => {
      // biome-ignore lint/suspicious/noExplicitAny: validated by the route's own parameter schema
      const { team, alias } = (c.req as any).valid('param') as z.infer<typeof aliasParams>;
      const { taxonomy } = await removeAlias(c.var.services.database.db, path, team, alias, ctx(c)).catch(
        urlNotFound(path),
      );
      return c.json(view(taxonomy, path), 200);
    },
  );
  typeRoute(
    app,
    {
      method: 'post',
      suffix: '/retire',
      tags,
      middleware: [leads],
      request: { body: { content: { 'application/json': { schema: retireSchema } }, required: false } },
      responses: { 200: ok('The retired type: no longer suggested; its tags read "A (retired)"') },
    },
    async (c, path) => {
      const { note } = body<z.infer<typeof retireSchema>>(c);
      const { taxonomy } = await retireType(c.var.services.database.db, path, note, ctx(c)).catch(
        urlNotFound(path),
      );
      return c.json(view(taxonomy, path), 200);
    },
  );
  typeRoute(
    app,
    {
      method: 'post',
      suffix: '/merge',
      tags,
      middleware: [leads],
      request: { body: json(mergeSchema) },
      responses: {
        200: ok('Both types: the merged one (reading "A (merged into B)") and the one it went into'),
      },
    },
    async (c, path) => {
      const { into, note } = body<z.infer<typeof mergeSchema>>(c);
      const { taxonomy } = await mergeType(c.var.services.database.db, path, into, note, ctx(c)).catch(
        urlNotFound(path),
      );
      return c.json({ merged: view(taxonomy, path), into: view(taxonomy, into) }, 200);
    },
  );
  registerTaggingRoutes(app);
}
