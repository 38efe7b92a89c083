import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { compileCalendar, SlaError } from './calendar.ts';
import { setTeamCalendar } from './calendars.commands.ts';
import { deadline, parseTarget } from './deadline.ts';
import { holidayPreview } from './holidays.ts';
import { atRisk, slaWork } from './sla.queries.ts';
import { calendarSchema, holidaySourceSchema, targetSchema } from './sla.types.ts';

const tags = ['sla'];

export function registerSlaRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sla/health',
      tags,
      middleware: [requireRole('lead', 'supervisor')],
      responses: {
        200: ok(
          "Whether the SLA engine keeps up in the caller's organisation: clocks due, overdue (due over a minute ago, unattended) and failing, ladder rungs deferred to a shift, the latest failures, and each problem as a sentence",
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(await slaWork(database.db, c.var.principal.orgId, clock()), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sla/at-risk',
      tags,
      request: {
        query: z.object({
          team: z.string().max(100).optional(),
          level: z.enum(['low', 'medium', 'high']).optional(),
        }),
      },
      responses: { 200: ok('Running clocks likely to breach, most at risk first') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { database, clock } = c.var.services;
      const items = await atRisk(database.db, c.var.principal.orgId, clock(), {
        team: q.team,
        minLevel: q.level,
      });
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/sla/deadline',
      tags,
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                calendar: calendarSchema,
                start: z.string().datetime({ offset: true }),
                target: targetSchema,
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: ok('The deadline of a target on a calendar (a preview for leads)') },
    }),
    async (c) => {
      const body = await c.req.json();
      try {
        parseTarget(body.target);
        const due = deadline(compileCalendar(body.calendar), Date.parse(body.start), body.target);
        return c.json({ deadline: new Date(due).toISOString() }, 200);
      } catch (error) {
        if (error instanceof SlaError)
          throw new ApiError('invalid_calendar', error.message, { field: 'calendar' });
        throw error;
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sla/holidays',
      tags,
      request: {
        query: holidaySourceSchema.extend({
          years: z
            .string()
            .regex(/^\d{4}(,\d{4})*$/)
            .optional(),
          language: z.string().max(10).optional(),
        }),
      },
      responses: {
        200: ok('Public holidays of a country/region, to preview before importing into a calendar'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const years = q.years
        ? q.years.split(',').map(Number)
        : [c.var.services.clock().getUTCFullYear(), c.var.services.clock().getUTCFullYear() + 1];
      try {
        return c.json(
          holidayPreview({ country: q.country, state: q.state, region: q.region }, years, q.language),
          200,
        );
      } catch (error) {
        throw new ApiError('invalid_calendar', (error as Error).message, { field: 'country' });
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/teams/{key}/calendar',
      tags,
      middleware: [requireRole('lead')],
      request: {
        params: z.object({ key: z.string().max(100) }),
        body: { content: { 'application/json': { schema: calendarSchema } }, required: true },
      },
      responses: { 200: ok("The team's calendar, with running clocks recomputed") },
    }),
    async (c) => {
      const result = await setTeamCalendar(
        c.var.services.database.db,
        adminCtxOf(c),
        c.req.valid('param').key,
        c.req.valid('json'),
      );
      return c.json(result, 200);
    },
  );
}
