import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { json, ok } from '../http/openapi.ts';
import {
  createProvisioningToken,
  revokeProvisioningToken,
  setProvisionedRole,
} from './provisioning.commands.ts';
import { provisioningOf } from './provisioning.queries.ts';
import { scimBaseUrl } from './scim.routes.ts';
import { provisioningSettingsSchema } from './scim.types.ts';
import { managedTeams } from './scim-groups.queries.ts';

const tags = ['auth'];
const path = '/api/v1/settings/provisioning';
const admins = requireRole('admin');

/**
 * What an admin reads: the base URL to give the provider, whether a token is set, when it last
 * called, and the teams it manages.
 */
async function provisioningView(c: Context<AppEnv>) {
  const { db } = c.var.services.database;
  return {
    baseUrl: scimBaseUrl(c),
    ...(await provisioningOf(db, c.var.principal.orgId)),
    managedTeams: await managedTeams(db, c.var.principal.orgId),
  };
}

const view =
  '`{baseUrl, tokenSet, tokenCreatedAt, lastUsedAt, defaultRole, managedTeams}`: the SCIM base URL to give the identity provider (on `BATON_PUBLIC_URL` when set), whether a provisioning token is set (never the token), when the provider last called (to the minute), the role of the people it adds, and the teams it manages as SCIM Groups (`[{key, name}]`, by name)';

/** SCIM provisioning (admins): the organisation's token for its identity provider, and what the people it adds are. */
export function registerProvisioningRoutes(app: App) {
  app.openapi(
    createRoute({ method: 'get', path, tags, middleware: [admins], responses: { 200: ok(view) } }),
    async (c) => c.json(await provisioningView(c), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path,
      tags,
      middleware: [admins],
      responses: {
        201: ok(
          'A new provisioning token, answered this once as `token` beside the view (kept only as a hash); it replaces the one before, which stops at once. In the admin change log, never the token',
        ),
      },
    }),
    async (c) => {
      const token = await createProvisioningToken(c.var.services.database.db, adminCtxOf(c));
      return c.json({ ...(await provisioningView(c)), token }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path,
      tags,
      middleware: [admins],
      responses: {
        200: ok('Revoked: the provider is refused from its next call (revoking none changes nothing)'),
      },
    }),
    async (c) => {
      await revokeProvisioningToken(c.var.services.database.db, adminCtxOf(c));
      return c.json(await provisioningView(c), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path,
      tags,
      middleware: [admins],
      request: { body: json(provisioningSettingsSchema) },
      responses: { 200: ok('Saved, answered as `GET`: people the provider adds from now on get this role') },
    }),
    async (c) => {
      await setProvisionedRole(c.var.services.database.db, adminCtxOf(c), c.req.valid('json').defaultRole);
      return c.json(await provisioningView(c), 200);
    },
  );
}
