import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../http/app.ts';
import type { AppEnv } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { scimBaseUrl, scimCtxOf, scimJson, scimOk, tags } from './scim.routes.ts';
import { scimGetQuery, scimGroupSchema, scimListQuery, scimPatchSchema } from './scim.types.ts';
import { scimMediaType } from './scim-endpoint.ts';
import { groupFilter, parseFilter } from './scim-filter.ts';
import { groupResource, membersWanted } from './scim-group.ts';
import { patchGroup, provisionGroup, replaceGroup, unlinkGroup } from './scim-groups.commands.ts';
import { listScimGroups, membersOfTeams, scimGroupById } from './scim-groups.queries.ts';
import { listResponse, pageOf } from './scim-user.ts';

const id = z.string().min(1).max(100);
const body = <T extends z.ZodType>(schema: T) => ({
  content: { [scimMediaType]: { schema } },
  required: true,
});

async function groupAnswer<S extends 200 | 201>(
  c: Context<AppEnv>,
  teamId: string,
  status: S,
  withMembers = true,
) {
  const { db } = c.var.services.database;
  const orgId = c.var.principal.orgId;
  const row = await scimGroupById(db, orgId, teamId);
  if (!row) throw notFound('group', teamId);
  const members = withMembers ? (await membersOfTeams(db, orgId, [row.id])).get(row.id) : undefined;
  const resource = groupResource(row, members, scimBaseUrl(c));
  return scimJson(c, resource, status, status === 201 ? { location: resource.meta.location } : {});
}

/**
 * RFC 7644 3.3-3.6 on Groups: the organisation's teams, as its identity provider manages them. A
 * group is a team (its `id` the team's id, `displayName` its name), its members the team's members.
 */
export function registerScimGroupRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/Groups',
      tags,
      request: { query: scimListQuery },
      responses: {
        200: scimOk(
          'A ListResponse of the teams matching `filter` (displayName, externalId, id, members.value; eq ne co sw ew pr, and, or, not), oldest first, `count` (at most 200) from `startIndex`; `excludedAttributes=members` leaves the members out',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = q.filter?.trim() ? parseFilter(q.filter, groupFilter) : undefined;
      const page = pageOf(q.startIndex, q.count);
      const { db } = c.var.services.database;
      const orgId = c.var.principal.orgId;
      const found = await listScimGroups(db, orgId, filter, page);
      const members = membersWanted(q)
        ? await membersOfTeams(
            db,
            orgId,
            found.rows.map((r) => r.id),
          )
        : undefined;
      const base = scimBaseUrl(c);
      return scimJson(
        c,
        listResponse(
          found.rows.map((r) => groupResource(r, members?.get(r.id), base)),
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
      path: '/scim/v2/Groups',
      tags,
      request: { body: body(scimGroupSchema) },
      responses: {
        201: scimOk(
          'The team: one of that name (any case) the provider did not manage yet, now linked with the members given added; else a new team (weekday calendar in the organisation’s time zone, round-robin, a key from the name, the first admin as lead)',
        ),
        409: scimOk('uniqueness: the provider already manages a team of that name, or that externalId'),
      },
    }),
    async (c) => {
      const made = await provisionGroup(c.var.services.database.db, scimCtxOf(c), c.req.valid('json'));
      return groupAnswer(c, made.id, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scim/v2/Groups/{id}',
      tags,
      request: { params: z.object({ id }), query: scimGetQuery },
      responses: {
        200: scimOk('The team as a SCIM Group (`excludedAttributes=members` leaves the members out)'),
      },
    }),
    async (c) => groupAnswer(c, c.req.valid('param').id, 200, membersWanted(c.req.valid('query'))),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/scim/v2/Groups/{id}',
      tags,
      request: { params: z.object({ id }), body: body(scimGroupSchema) },
      responses: {
        200: scimOk(
          'Replaced: the name, and the whole member list when `members` is given (removed members’ open handoffs in the team are handed on)',
        ),
      },
    }),
    async (c) => {
      const teamId = c.req.valid('param').id;
      await replaceGroup(c.var.services.database.db, scimCtxOf(c), teamId, c.req.valid('json'));
      return groupAnswer(c, teamId, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/scim/v2/Groups/{id}',
      tags,
      request: { params: z.object({ id }), body: body(scimPatchSchema) },
      responses: {
        204: {
          description:
            'The operations applied, all or none (add, remove, replace of members and displayName, as Okta and Entra ID send them); no body',
        },
      },
    }),
    async (c) => {
      const teamId = c.req.valid('param').id;
      await patchGroup(c.var.services.database.db, scimCtxOf(c), teamId, c.req.valid('json').Operations);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/scim/v2/Groups/{id}',
      tags,
      request: { params: z.object({ id }) },
      responses: {
        204: {
          description:
            'The provider stops managing the team; the team, its members and its handoffs stay (a team with history is never deleted by a provider)',
        },
      },
    }),
    async (c) => {
      await unlinkGroup(c.var.services.database.db, scimCtxOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
