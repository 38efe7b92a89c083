import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { ApiError } from '../http/errors.ts';
import { compileCalendar, SlaError } from './calendar.ts';
import { deadline, parseTarget } from './deadline.ts';
import { atRisk } from './sla.queries.ts';
import { calendarSchema, targetSchema } from './sla.types.ts';

const ok = (description: string) => ({ content: { 'application/json': { schema: z.any() } }, description });
const tags = ['sla'];

export function registerSlaRoutes(app: App) {
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
}
