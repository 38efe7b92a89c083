import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { hasRole, requireRole } from '../http/auth.ts';
import type { Principal } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { deactivatePerson, handOnOwnWork, leaveTeam, setAvailability } from './people.commands.ts';
import { type NewPerson, newPersonSchema, type PersonChange, personChangeSchema } from './people.types.ts';
import { addPerson, changePerson, reactivatePerson } from './people-admin.commands.ts';

const tags = ['teams'];
const id = z.string().min(1).max(100);

/** What a person may do for themselves, a lead or a supervisor may do for anyone. */
function assertSelfOrLead(p: Principal, target: string, what: string) {
  if (target !== p.personId && !hasRole(p, 'lead', 'supervisor'))
    throw new ApiError('forbidden', `only the person, a lead or a supervisor may ${what}`);
}

export function registerPeopleRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people/{id}/availability',
      tags,
      request: {
        params: z.object({ id }),
        body: json(z.object({ availability: z.enum(['available', 'away', 'offline']) })),
      },
      responses: { 200: ok('Availability set') },
    }),
    async (c) => {
      const target = c.req.valid('param').id;
      assertSelfOrLead(c.var.principal, target, 'set availability');
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
      path: '/api/v1/people/{id}/hand-on',
      tags,
      request: {
        params: z.object({ id }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ reason: z.string().trim().min(1).max(500).optional() }),
            },
          },
          required: false,
        },
      },
      responses: {
        200: ok(
          '`{id, handedOn, kept}`: every open handoff the person owns (waiting or accepted) given to the next eligible member of its team, each an `owner.changed` with the reason (default: handed on by its owner, or for them by a lead); `kept`: those nobody else could take (the person leads the team and nobody else is available), still theirs',
        ),
      },
    }),
    async (c) => {
      const target = c.req.valid('param').id;
      assertSelfOrLead(c.var.principal, target, 'hand on their handoffs');
      const own = target === c.var.principal.personId;
      const reason =
        c.req.valid('json')?.reason ?? (own ? 'handed on by its owner' : 'handed on for its owner');
      return c.json(await handOnOwnWork(c.var.services.database.db, target, reason, adminCtxOf(c)), 200);
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
