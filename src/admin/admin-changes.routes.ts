import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { organisationOf } from '../analytics/analytics.queries.ts';
import { spanOf } from '../analytics/period.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ok } from '../http/openapi.ts';
import { periodField } from '../http/validation.ts';
import type { AdminCtx } from './admin-changes.commands.ts';
import { listAdminChanges } from './admin-changes.queries.ts';
import { adminChangesQuery } from './admin-changes.types.ts';

/** Who is changing the organisation, and when: what the admin commands need to log a change. */
export const adminCtxOf = (c: Context<AppEnv>): AdminCtx => ({
  orgId: c.var.principal.orgId,
  now: c.var.services.clock(),
  actorId: c.var.principal.personId,
});

export function registerAdminChangeRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/changes',
      tags: ['teams'],
      middleware: [requireRole('lead', 'supervisor')],
      request: {
        query: adminChangesQuery,
      },
      responses: {
        200: ok(
          'Changes to people, teams, calendars, scenarios, scorecards, settings, webhooks and helpdesk mappings, newest first (`nextCursor`)',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { db } = c.var.services.database;
      const org = await organisationOf(db, c.var.principal.orgId);
      return c.json(
        await listAdminChanges(db, org.id, {
          limit: q.limit,
          before: q.cursor ? Number(q.cursor) : undefined,
          areas: q.area,
          actor: q.actor,
          span: periodField('from', () => spanOf(q, org.timezone)),
        }),
        200,
      );
    },
  );
}
