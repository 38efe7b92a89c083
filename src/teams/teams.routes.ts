import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { hasRole, requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { addMember, addTeam, changeMember, changeTeam } from './teams.commands.ts';
import { listPeople, listTeams } from './teams.queries.ts';
import {
  memberChangeSchema,
  type NewMember,
  type NewTeam,
  newMemberSchema,
  newTeamSchema,
  type TeamChange,
  teamChangeSchema,
} from './teams.types.ts';

const key = z.string().max(100);

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
      const [team] = await listTeams(c.var.services.database.db, c.var.principal.orgId, key);
      if (!team) throw notFound('team', key);
      return c.json(team, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/people',
      tags: ['teams'],
      responses: {
        200: ok(
          'People of the organisation; to admins also `twoStep` (on or off) and `passwordSet` (false for someone invited or added without a password, who cannot sign in yet)',
        ),
      },
    }),
    async (c) => {
      const items = await listPeople(c.var.services.database.db, c.var.principal.orgId);
      // Who has no second step, or no password yet, is an attacker's shortlist: only admins (who can
      // turn it off, or send a link) see it.
      if (hasRole(c.var.principal, 'admin')) return c.json({ items }, 200);
      return c.json({ items: items.map(({ twoStep: _, passwordSet: __, ...p }) => p) }, 200);
    },
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
      const person = p.personId ? ((await listPeople(db, p.orgId, p.personId))[0] ?? null) : null;
      return c.json(
        {
          organisation: { id: org!.id, slug: org!.slug, name: org!.name, timezone: org!.timezone },
          person,
          roles: [...p.roles],
          via: p.via,
          twoStepSetupDue: p.twoStepSetupDue === true,
        },
        200,
      );
    },
  );
  registerTeamWrites(app);
}

/** Teams as admins make them and leads run them: lead, strategy, capacity, members. */
function registerTeamWrites(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/teams',
      tags: ['teams'],
      middleware: [requireRole('admin')],
      request: { body: json(newTeamSchema) },
      responses: { 201: ok('The team') },
    }),
    async (c) =>
      c.json(await addTeam(c.var.services.database.db, c.req.valid('json') as NewTeam, adminCtxOf(c)), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/teams/{key}',
      tags: ['teams'],
      middleware: [requireRole('lead')],
      request: { params: z.object({ key }), body: json(teamChangeSchema) },
      responses: { 200: ok('The team as changed') },
    }),
    async (c) =>
      c.json(
        await changeTeam(
          c.var.services.database.db,
          c.req.valid('param').key,
          c.req.valid('json') as TeamChange,
          adminCtxOf(c),
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/teams/{key}/members',
      tags: ['teams'],
      middleware: [requireRole('lead')],
      request: { params: z.object({ key }), body: json(newMemberSchema) },
      responses: { 201: ok('The member added') },
    }),
    async (c) =>
      c.json(
        await addMember(
          c.var.services.database.db,
          c.req.valid('param').key,
          c.req.valid('json') as NewMember,
          adminCtxOf(c),
        ),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/teams/{key}/members/{id}',
      tags: ['teams'],
      middleware: [requireRole('lead')],
      request: { params: z.object({ key, id: key }), body: json(memberChangeSchema) },
      responses: { 200: ok("The member's capacity") },
    }),
    async (c) => {
      const { key: teamKey, id } = c.req.valid('param');
      return c.json(
        await changeMember(
          c.var.services.database.db,
          teamKey,
          id,
          c.req.valid('json').capacity,
          adminCtxOf(c),
        ),
        200,
      );
    },
  );
}
