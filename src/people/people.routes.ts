import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { hasRole, requireRole } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { deactivatePerson, leaveTeam, setAvailability } from './people.commands.ts';
import { type NewPerson, newPersonSchema, type PersonChange, personChangeSchema } from './people.types.ts';
import { addPerson, changePerson, reactivatePerson } from './people-admin.commands.ts';

const tags = ['teams'];
const id = z.string().min(1).max(100);

export function registerPeopleRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people/{id}/availability',
      tags,
      request: {
        params: z.object({ id }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ availability: z.enum(['available', 'away', 'offline']) }),
            },
          },
          required: true,
        },
      },
      responses: { 200: ok('Availability set') },
    }),
    async (c) => {
      const p = c.var.principal;
      const target = c.req.valid('param').id;
      if (
        target !== p.personId &&
        !p.roles.has('lead') &&
        !p.roles.has('supervisor') &&
        !p.roles.has('admin')
      ) {
        throw new ApiError('forbidden', 'only the person, a lead or a supervisor may set availability');
      }
      return c.json(
        await setAvailability(
          c.var.services.database.db,
          target,
          c.req.valid('json').availability,
          adminCtxOf(c),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/teams/{key}/members/{id}/leave',
      tags,
      middleware: [requireRole('lead')],
      request: { params: z.object({ key: id, id }) },
      responses: { 200: ok('Removed; open handoffs handed on') },
    }),
    async (c) => {
      const { key, id: personId } = c.req.valid('param');
      return c.json(await leaveTeam(c.var.services.database.db, key, personId, adminCtxOf(c)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people/{id}/deactivate',
      tags,
      middleware: [requireRole('lead')],
      request: { params: z.object({ id }) },
      responses: { 200: ok('Access removed; open handoffs handed on') },
    }),
    async (c) => {
      const ctx = { ...adminCtxOf(c), byAdmin: hasRole(c.var.principal, 'admin') };
      return c.json(await deactivatePerson(c.var.services.database.db, c.req.valid('param').id, ctx), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people',
      tags,
      middleware: [requireRole('admin')],
      request: { body: json(newPersonSchema) },
      responses: { 201: ok('The person, with their teams') },
    }),
    async (c) =>
      c.json(
        await addPerson(c.var.services.database.db, c.req.valid('json') as NewPerson, adminCtxOf(c)),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/people/{id}',
      tags,
      middleware: [requireRole('admin')],
      request: { params: z.object({ id }), body: json(personChangeSchema) },
      responses: { 200: ok('The person as changed') },
    }),
    async (c) =>
      c.json(
        await changePerson(
          c.var.services.database.db,
          c.req.valid('param').id,
          c.req.valid('json') as PersonChange,
          adminCtxOf(c),
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people/{id}/reactivate',
      tags,
      middleware: [requireRole('admin')],
      request: { params: z.object({ id }) },
      responses: { 200: ok('Access given back') },
    }),
    async (c) =>
      c.json(await reactivatePerson(c.var.services.database.db, c.req.valid('param').id, adminCtxOf(c)), 200),
  );
}
