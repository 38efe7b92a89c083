import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ok } from '../http/openapi.ts';
import { assertCaseExists } from './cases.queries.ts';
import { caseIdParams } from './cases.types.ts';
import { beat, type Viewer, viewersOf } from './room.commands.ts';
import { listDips, listNotes, peopleNames } from './room.queries.ts';

const tags = ['case room'];

const heartbeatSchema = z.object({
  /** One browser tab: a person with two tabs open who closes one is still there. */
  tab: z.string().trim().min(1).max(64).optional(),
  state: z.enum(['viewing', 'left']).optional(),
});

const dipsQuery = z.object({
  since: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

async function named(c: Context<AppEnv>, viewers: Viewer[]) {
  const names = await peopleNames(
    c.var.services.database.db,
    c.var.principal.orgId,
    viewers.map((v) => v.personId),
  );
  return { items: viewers.map((v) => ({ ...v, name: names.get(v.personId) ?? 'Unknown person' })) };
}

/** The case room: internal notes with their authors, who is viewing the case now, and the supervisor's dips. */
export function registerRoomRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/notes',
      tags,
      request: { params: caseIdParams },
      responses: { 200: ok('Internal notes, oldest first, with author and mentioned handles') },
    }),
    async (c) => {
      const items = await listNotes(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('param').id,
      );
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/presence',
      tags,
      request: {
        params: caseIdParams,
        body: { content: { 'application/json': { schema: heartbeatSchema } }, required: false },
      },
      responses: { 200: ok('A heartbeat (every 15 s while the case is open); answers who is viewing') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { orgId, personId } = c.var.principal;
      const caseId = c.req.valid('param').id;
      await assertCaseExists(database.db, orgId, caseId);
      // The body is optional: a bare POST is a heartbeat of the caller's one tab.
      const body = c.req.valid('json');
      // A token without a person (the admin token) sees the room without being seen in it.
      const viewers = personId
        ? await beat(database, clock, {
            orgId,
            caseId,
            personId,
            tab: body.tab ?? 'default',
            left: body.state === 'left',
          })
        : await viewersOf(database, clock, orgId, caseId);
      return c.json(await named(c, viewers), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/presence',
      tags,
      request: { params: caseIdParams },
      responses: { 200: ok('The people seen viewing the case in the last 30 s') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const caseId = c.req.valid('param').id;
      await assertCaseExists(database.db, c.var.principal.orgId, caseId);
      return c.json(await named(c, await viewersOf(database, clock, c.var.principal.orgId, caseId)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/supervisor/dips',
      tags,
      middleware: [requireRole('supervisor', 'lead')],
      request: { query: dipsQuery },
      responses: {
        200: ok('Sentiment dips since `since` (default: the last 24 h), newest first, with the message'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const q = c.req.valid('query');
      const since = q.since ? new Date(q.since) : new Date(clock().getTime() - 86_400_000);
      const items = await listDips(database.db, c.var.principal.orgId, { since, limit: q.limit });
      return c.json({ items }, 200);
    },
  );
}
