import { createRoute } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { repeatWindowSchema } from './cases.types.ts';
import { setRepeatWindowDays } from './repeat-contact.commands.ts';
import { repeatContacts } from './repeat-contact.queries.ts';

const tags = ['cases'];

export function registerRepeatContactRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/repeat-contacts',
      tags,
      responses: {
        200: ok('The window (days) and the linked repeat contacts of the organisation, newest first'),
      },
    }),
    async (c) => c.json(await repeatContacts(c.var.services.database.db, c.var.principal.orgId), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/repeat-contacts/settings',
      tags,
      middleware: [requireRole('lead')],
      request: { body: json(repeatWindowSchema) },
      responses: { 200: ok('The new window; it applies to links made from now on') },
    }),
    async (c) => {
      const { windowDays } = c.req.valid('json');
      const ctx = adminCtxOf(c);
      const saved = await c.var.services.database.db.transaction((tx) =>
        setRepeatWindowDays(tx, ctx, windowDays),
      );
      return c.json(saved, 200);
    },
  );
}
