import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AdminCtx } from '../admin/admin-changes.commands.ts';
import { provisioningActor } from '../admin/changes.ts';
import { hashSecret } from '../auth/secrets.ts';
import type { App } from '../http/app.ts';
import { bearerOf } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { noteProvisioningUse } from './provisioning.commands.ts';
import { provisioningByTokenHash } from './provisioning.queries.ts';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.ts';
import { scimBaseUrlOf, scimMediaType } from './scim-endpoint.ts';

/**
 * `/scim/v2` answers the organisation's provisioning token and nothing else: not an API token, not
 * the admin token, not a session. It makes a caller of no role and no person, so it opens nothing
 * under `/api/v1` either (that token is not in `api_tokens`).
 */
export const authenticateScim = createMiddleware<AppEnv>(async (c, next) => {
  const { database, clock } = c.var.services;
  const bearer = bearerOf(c);
  const found = bearer ? await provisioningByTokenHash(database.db, hashSecret(bearer)) : undefined;
  if (!found)
    throw new ApiError(
      'unauthenticated',
      "send the organisation's provisioning token as `Authorization: Bearer <token>` (Settings > Security, Provisioning)",
    );
  await noteProvisioningUse(database.db, found.orgId, found.lastUsedAt, clock());
  c.set('principal', { orgId: found.orgId, personId: null, roles: new Set(), via: 'scim' });
  await next();
});

/** Bodies are JSON, as `application/scim+json` or `application/json`. */
export const scimBodies = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('content-type');
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type && !/json/i.test(type))
    throw new ApiError('unsupported_media_type', `send Content-Type: ${scimMediaType}`);
  await next();
});

/** An answer in SCIM's media type (`Content-Type` spelt as Hono's default, so that it replaces it). */
export const scimJson = <S extends 200 | 201>(
  c: Context<AppEnv>,
  body: object,
  status: S,
  headers: Record<string, string> = {},
) => c.json(body, status, { 'Content-Type': `${scimMediaType}; charset=utf-8`, ...headers });

/** In the admin change log, SCIM's changes are the identity provider's, not a person's. */
export const scimCtxOf = (c: Context<AppEnv>): AdminCtx => ({
  orgId: c.var.principal.orgId,
  now: c.var.services.clock(),
  actorId: provisioningActor.id,
});

export const scimBaseUrl = (c: Context<AppEnv>) =>
  scimBaseUrlOf(c.var.services.config.publicUrl, new URL(c.req.url).origin);

export const scimOk = (description: string) => ({
  content: { [scimMediaType]: { schema: z.any() } },
  description,
});

export const tags = ['scim'];

/** RFC 7644 4: what this service provider supports, so a provider need not guess. */
export function registerScimDiscoveryRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/ServiceProviderConfig',
      tags,
      responses: { 200: scimOk('PATCH and filters supported; no bulk, sort, ETags or password changes') },
    }),
    async (c) => scimJson(c, serviceProviderConfig(scimBaseUrl(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/ResourceTypes',
      tags,
      responses: { 200: scimOk('The resource types: User (a person) and Group (a team)') },
    }),
    async (c) => scimJson(c, resourceTypes(scimBaseUrl(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/Schemas',
      tags,
      responses: { 200: scimOk('The User and Group schemas, with the attributes Baton reads and answers') },
    }),
    async (c) => scimJson(c, schemas(scimBaseUrl(c)), 200),
  );
}
