import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../http/app.ts';
import type { AppEnv } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { provisioningOf } from './provisioning.queries.ts';
import { scimBaseUrl, scimCtxOf, scimJson, scimOk, tags } from './scim.routes.ts';
import { scimListQuery, scimPatchSchema, scimUserSchema } from './scim.types.ts';
import { scimMediaType } from './scim-endpoint.ts';
import { parseFilter } from './scim-filter.ts';
import { listResponse, pageOf, userResource } from './scim-user.ts';
import { deprovisionUser, patchUser, provisionUser, replaceUser } from './scim-users.commands.ts';
import { listScimUsers, scimUserById } from './scim-users.queries.ts';

const id = z.string().min(1).max(100);
const body = <T extends z.ZodType>(schema: T) => ({
  content: { [scimMediaType]: { schema } },
  required: true,
});

async function userAnswer<S extends 200 | 201>(c: Context<AppEnv>, personId: string, status: S) {
  const row = await scimUserById(c.var.services.database.db, c.var.principal.orgId, personId);
  if (!row) throw notFound('person', personId);
  const resource = userResource(row, scimBaseUrl(c));
  return scimJson(c, resource, status, status === 201 ? { location: resource.meta.location } : {});
}

/** RFC 7644 3.3-3.6 on Users: the organisation's people, as its identity provider manages them. */
export function registerScimUserRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/Users',
      tags,
      request: { query: scimListQuery },
      responses: {
        200: scimOk(
          'A ListResponse of the people matching `filter` (userName, externalId, emails.value, id, displayName, name.givenName, name.familyName, active; eq ne co sw ew pr, and, or, not), oldest first, `count` (at most 200) from `startIndex`',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = q.filter?.trim() ? parseFilter(q.filter) : undefined;
      const page = pageOf(q.startIndex, q.count);
      const { database } = c.var.services;
      const found = await listScimUsers(database.db, c.var.principal.orgId, filter, page);
      const base = scimBaseUrl(c);
      return scimJson(
        c,
        listResponse(
          found.rows.map((r) => userResource(r, base)),
          found.total,
          page.startIndex,
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/scim/v2/Users',
      tags,
      request: { body: body(scimUserSchema) },
      responses: {
        201: scimOk(
          'The person added with the default role (or a deactivated person with that address, given access back)',
        ),
        409: scimOk(
          'uniqueness: the userName, address or externalId is already a person of the organisation',
        ),
      },
    }),
    async (c) => {
      const { database } = c.var.services;
      const { defaultRole } = await provisioningOf(database.db, c.var.principal.orgId);
      const added = await provisionUser(database.db, scimCtxOf(c), c.req.valid('json'), defaultRole);
      return userAnswer(c, added.id, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/Users/{id}',
      tags,
      request: { params: z.object({ id }) },
      responses: { 200: scimOk('The person as a SCIM User') },
    }),
    async (c) => userAnswer(c, c.req.valid('param').id, 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/scim/v2/Users/{id}',
      tags,
      request: { params: z.object({ id }), body: body(scimUserSchema) },
      responses: {
        200: scimOk('Replaced: name, address, userName, externalId, and access when `active` is given'),
      },
    }),
    async (c) => {
      const personId = c.req.valid('param').id;
      await replaceUser(c.var.services.database.db, scimCtxOf(c), personId, c.req.valid('json'));
      return userAnswer(c, personId, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/scim/v2/Users/{id}',
      tags,
      request: { params: z.object({ id }), body: body(scimPatchSchema) },
      responses: { 200: scimOk('The operations applied, all or none; the person as they are now') },
    }),
    async (c) => {
      const personId = c.req.valid('param').id;
      await patchUser(c.var.services.database.db, scimCtxOf(c), personId, c.req.valid('json').Operations);
      return userAnswer(c, personId, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/scim/v2/Users/{id}',
      tags,
      request: { params: z.object({ id }) },
      responses: {
        204: {
          description:
            'Deactivated, never erased: the person keeps their history and can be given access back',
        },
      },
    }),
    async (c) => {
      await deprovisionUser(c.var.services.database.db, scimCtxOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
