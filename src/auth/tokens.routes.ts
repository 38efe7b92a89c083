import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { forgetCredential, requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { issueApiToken, revokeApiToken } from './tokens.commands.ts';
import { apiTokenView, listApiTokens } from './tokens.queries.ts';
import { newApiTokenSchema } from './tokens.types.ts';

const tags = ['auth'];
const admins = requireRole('admin');

/** API tokens for helpdesks and scripts, issued and revoked by admins (the CLI's `baton token create` too). */
export function registerTokenRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/api-tokens',
      tags,
      middleware: [admins],
      responses: {
        200: ok(
          'The API tokens, newest first: name, roles, person, created, last used, revoked (never the token)',
        ),
      },
    }),
    async (c) =>
      c.json({ items: await listApiTokens(c.var.services.database.db, c.var.principal.orgId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/api-tokens',
      tags,
      middleware: [admins],
      request: { body: json(newApiTokenSchema) },
      responses: { 201: ok('The token, with `token` itself answered this once: it is kept only as a hash') },
    }),
    async (c) => {
      const { database } = c.var.services;
      const { row, token } = await issueApiToken(database.db, adminCtxOf(c), c.req.valid('json'));
      return c.json({ ...(await apiTokenView(database.db, row.orgId, row.id)), token }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/api-tokens/{id}/revoke',
      tags,
      middleware: [admins],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 200: ok('Revoked: the token authenticates no more (revoking it again changes nothing)') },
    }),
    async (c) => {
      const { database } = c.var.services;
      const revoked = await revokeApiToken(database.db, adminCtxOf(c), c.req.valid('param').id);
      // The authentication cache belongs to the process's database: under an Idempotency-Key the
      // request's `database` is its transaction's, and forgetting there would forget nothing.
      forgetCredential(c.var.services.background ?? database, revoked.tokenHash);
      return c.json(await apiTokenView(database.db, revoked.orgId, revoked.id), 200);
    },
  );
}
