import { createRoute, z } from '@hono/zod-openapi';
import { asc, eq, or } from 'drizzle-orm';
import type { Context } from 'hono';
import type { ZodType } from 'zod';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv, Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { validationError } from '../http/validation.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { applyVendorEvent, deleteGroupMapping, saveGroupMapping } from './adapters.commands.ts';
import { listGroupMappings } from './adapters.queries.ts';
import {
  type AdapterSource,
  adapterSources,
  freshdeskSchema,
  groupMappingSchema,
  intercomSchema,
  type Normalized,
  zendeskEventSchema,
  zendeskTriggerSchema,
} from './adapters.types.ts';
import { normalizeFreshdesk } from './freshdesk.ts';
import { normalizeIntercom } from './intercom.ts';
import { bodyId, verifyFreshdesk, verifyIntercom, verifyZendesk } from './vendor-auth.ts';
import { normalizeZendeskEvent, normalizeZendeskTrigger } from './zendesk.ts';

type C = Context<AppEnv>;
const tags = ['webhooks'];
const leads = requireRole('lead');

function parse<T>(schema: ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, 'json');
  return parsed.data;
}

/** The organisation a helpdesk posts for: `?org=` (id or slug), else the first one, as for `generic`. */
async function webhookPrincipal(c: C): Promise<Principal> {
  const wanted = c.req.query('org') ?? c.req.header('x-baton-org');
  const [org] = await c.var.services.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(wanted ? or(eq(organisations.id, wanted), eq(organisations.slug, wanted)) : undefined)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!org) throw notFound('organisation', wanted ?? 'default');
  return { orgId: org.id, personId: null, roles: new Set(['agent']), via: 'webhook' };
}

/**
 * One vendor endpoint: authenticate the raw body the vendor's way (401 and nothing stored when it
 * fails), read the payload into a Baton event, apply it once per source event id.
 */
async function receive(
  c: C,
  source: AdapterSource,
  secret: string | undefined,
  verify: (secret: string, raw: string) => boolean,
  normalize: (body: unknown, raw: string) => Normalized,
) {
  const { database, clock } = c.var.services;
  const raw = await c.req.text();
  const env = `BATON_${source.toUpperCase()}_SECRET`;
  if (!secret) throw new ApiError('invalid_signature', `the ${source} adapter is off: set ${env}`);
  if (!verify(secret, raw)) throw new ApiError('invalid_signature', `the request is not signed with ${env}`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError('invalid_json', 'the body is not valid JSON');
  }
  const normalized = normalize(body, raw);
  if ('ignored' in normalized) return c.json({ ignored: normalized.ignored }, 202);
  const principal = await webhookPrincipal(c);
  return c.json(await applyVendorEvent(database.db, source, normalized.event, principal, clock()), 202);
}

export function registerAdapterRoutes(app: App) {
  // Authenticated by the vendor's signature or secret: app.ts exempts /webhooks/inbound/ from tokens.
  app.post('/api/v1/webhooks/inbound/zendesk', (c) =>
    receive(
      c,
      'zendesk',
      c.var.services.config.zendeskSecret,
      (secret, raw) =>
        verifyZendesk(
          secret,
          raw,
          c.req.header('x-zendesk-webhook-signature'),
          c.req.header('x-zendesk-webhook-signature-timestamp'),
          c.var.services.clock().getTime(),
        ),
      (body, raw) =>
        typeof (body as { type?: unknown })?.type === 'string'
          ? normalizeZendeskEvent(parse(zendeskEventSchema, body))
          : normalizeZendeskTrigger(
              parse(zendeskTriggerSchema, body),
              c.req.header('x-zendesk-webhook-invocation-id') ?? bodyId(raw),
            ),
    ),
  );
  app.post('/api/v1/webhooks/inbound/freshdesk', (c) =>
    receive(
      c,
      'freshdesk',
      c.var.services.config.freshdeskSecret,
      (secret) => verifyFreshdesk(secret, c.req.header('authorization')),
      (body, raw) => normalizeFreshdesk(parse(freshdeskSchema, body), bodyId(raw)),
    ),
  );
  app.post('/api/v1/webhooks/inbound/intercom', (c) =>
    receive(
      c,
      'intercom',
      c.var.services.config.intercomSecret,
      (secret, raw) => verifyIntercom(secret, raw, c.req.header('x-hub-signature')),
      (body) => normalizeIntercom(parse(intercomSchema, body)),
    ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/integrations/group-mappings',
      tags,
      middleware: [leads],
      request: { query: z.object({ source: z.enum(adapterSources).optional() }) },
      responses: { 200: ok('Helpdesk groups mapped to scenarios') },
    }),
    async (c) => {
      const { source } = c.req.valid('query');
      const items = await listGroupMappings(c.var.services.database.db, c.var.principal.orgId, source);
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/integrations/group-mappings',
      tags,
      middleware: [leads],
      request: { body: { content: { 'application/json': { schema: groupMappingSchema } }, required: true } },
      responses: { 200: ok('The mapping, created or changed') },
    }),
    async (c) => {
      return c.json(
        await saveGroupMapping(c.var.services.database.db, adminCtxOf(c), c.req.valid('json')),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/integrations/group-mappings/{source}/{group}',
      tags,
      middleware: [leads],
      request: { params: z.object({ source: z.enum(adapterSources), group: z.string().min(1).max(200) }) },
      responses: { 200: ok('Removed') },
    }),
    async (c) => {
      const { source, group } = c.req.valid('param');
      if (!(await deleteGroupMapping(c.var.services.database.db, adminCtxOf(c), source, group)))
        throw notFound('group mapping', `${source}/${group}`);
      return c.json({ source, group, deleted: true }, 200);
    },
  );
}
