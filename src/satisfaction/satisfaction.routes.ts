import { createRoute } from '@hono/zod-openapi';
import { organisationOf } from '../analytics/analytics.queries.ts';
import { periodOf } from '../analytics/period.ts';
import { caseIdParams } from '../cases/cases.types.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { periodField } from '../http/validation.ts';
import { importRatings } from './import.commands.ts';
import { freshdeskImportSchema, ratingsImportSchema } from './import.types.ts';
import { recordRating } from './satisfaction.commands.ts';
import { listOrganisationRatings, listRatings } from './satisfaction.queries.ts';
import { newRatingSchema, ratingsQuery } from './satisfaction.types.ts';

const tags = ['satisfaction'];

export function registerSatisfactionRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/satisfaction',
      tags,
      middleware: [requireRole('agent', 'lead', 'supervisor')],
      request: { params: caseIdParams, body: json(newRatingSchema) },
      responses: {
        201: ok('The rating, recorded and counted for the handoff that held the case'),
        200: ok(
          'The same `externalId` from the same `source` again: the rating as it now stands (`outcome` `changed` or `unchanged`)',
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const r = await recordRating(database.db, c.req.valid('param').id, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json({ ...r.rating, outcome: r.outcome }, r.outcome === 'created' ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/satisfaction',
      tags,
      request: { params: caseIdParams },
      responses: { 200: ok("The case's satisfaction ratings, oldest first") },
    }),
    async (c) => {
      const items = await listRatings(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('param').id,
      );
      return c.json({ items, latest: items.at(-1) ?? null }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/satisfaction',
      tags,
      middleware: [requireRole('lead', 'supervisor', 'qa')],
      request: { query: ratingsQuery },
      responses: {
        200: ok(
          'The ratings given in the period (as in /analytics/metrics: the last 30 days by default), newest first, with their case and customer; `nextCursor` fetches the next page',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { database, clock } = c.var.services;
      const orgId = c.var.principal.orgId;
      const org = await organisationOf(database.db, orgId);
      const period = periodField('from', () => periodOf(q, org.timezone, clock().getTime()));
      const page = await listOrganisationRatings(database.db, orgId, {
        from: new Date(period.from),
        to: new Date(period.to),
        team: q.team,
        satisfied: q.satisfied === undefined ? undefined : q.satisfied === 'true',
        limit: q.limit,
        cursor: q.cursor,
      });
      return c.json(page, 200);
    },
  );

  const imported =
    '`{created, changed, unchanged, skipped: [{index, reason: "case_not_found", case}]}`: each rating recorded as `POST /cases/{id}/satisfaction` records it, in one transaction; a rating of a case Baton does not know is skipped. A rating that cannot be recorded (`rating_in_future`, `conflict`) refuses the batch, naming it (`field`: `ratings.<n>.<field>`, `index`), and nothing is recorded';
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/satisfaction/import',
      tags,
      middleware: [requireRole('lead', 'admin')],
      request: { body: json(ratingsImportSchema) },
      responses: { 200: ok(imported) },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { source, ratings } = c.req.valid('json');
      const ctx = { principal: c.var.principal, now: clock() };
      return c.json(await importRatings(database.db, source, ratings, ctx), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/satisfaction/import/freshdesk',
      tags,
      middleware: [requireRole('lead', 'admin')],
      request: { body: json(freshdeskImportSchema) },
      responses: {
        200: ok(
          `A page of Freshdesk's \`GET /api/v2/surveys/satisfaction_ratings\` answer, as it is: each answer's default question as stars (103 → 5, 102 and 101 → 4, 100 → 3, -101 and -102 → 2, -103 → 1), for the case whose \`externalId\` is its \`ticket_id\`, at its \`created_at\`, with its \`feedback\`, \`source\` \`freshdesk\` and its \`id\` as \`externalId\` (so a re-import changes nothing). Answered as \`POST /satisfaction/import\`: ${imported}`,
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const ctx = { principal: c.var.principal, now: clock() };
      return c.json(await importRatings(database.db, 'freshdesk', c.req.valid('json'), ctx), 200);
    },
  );
}
