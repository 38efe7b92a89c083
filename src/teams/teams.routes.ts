import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { App } from '../http/app.ts';
import { notFound } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { listPeople, listTeams } from './teams.queries.ts';

export function registerTeamRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/teams',
      tags: ['teams'],
      responses: { 200: ok('Teams with members') },
    }),
    async (c) => c.json({ items: await listTeams(c.var.services.database.db, c.var.principal.orgId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/teams/{key}',
      tags: ['teams'],
      request: { params: z.object({ key: z.string().max(100) }) },
      responses: { 200: ok('A team') },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const team = (await listTeams(c.var.services.database.db, c.var.principal.orgId)).find(
        (t) => t.key === key,
      );
      if (!team) throw notFound('team', key);
      return c.json(team, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/people',
      tags: ['teams'],
      responses: { 200: ok('People of the organisation') },
    }),
    async (c) => c.json({ items: await listPeople(c.var.services.database.db, c.var.principal.orgId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me',
      tags: ['teams'],
      responses: { 200: ok('The caller and its organisation') },
    }),
    async (c) => {
      const p = c.var.principal;
      const db = c.var.services.database.db;
      const [org] = await db.select().from(organisations).where(eq(organisations.id, p.orgId));
      const person = p.personId ? (await listPeople(db, p.orgId)).find((x) => x.id === p.personId) : null;
      return c.json(
        {
          organisation: { id: org!.id, slug: org!.slug, name: org!.name },
          person,
          roles: [...p.roles],
          via: p.via,
        },
        200,
      );
    },
  );
}
