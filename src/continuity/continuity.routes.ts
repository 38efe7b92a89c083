import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import { getHandoff } from '../handoffs/handoffs.queries.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { customerUpdateEditSchema } from './continuity.types.ts';
import { makePromise, markCustomerUpdateSent } from './promises.commands.ts';
import { saveCustomerUpdateTemplates } from './templates.commands.ts';

const tags = ['continuity'];
const params = z.object({ id: z.string().min(1).max(100) });
const agents = requireRole('agent', 'lead', 'supervisor');

export function registerContinuityRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/scenarios/{id}/customer-update',
      tags,
      middleware: [requireRole('lead')],
      request: { params, body: json(customerUpdateEditSchema) },
      responses: { 200: ok('The scenario, as its new version, with the new warm-handoff templates') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const edit = c.req.valid('json');
      return c.json(
        await saveCustomerUpdateTemplates(c.var.services.database.db, adminCtxOf(c), id, edit),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/handoffs/{id}/promises',
      tags,
      middleware: [agents],
      request: {
        params,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                text: z.string().trim().min(1).max(1000),
                due: z.string().datetime({ offset: true }),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: ok('The promise, now a clock with its ladder') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await makePromise(database.db, c.req.valid('param').id, c.req.valid('json'), {
          principal: c.var.principal,
          now: clock(),
        }),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/handoffs/{id}/customer-update/sent',
      tags,
      middleware: [agents],
      request: {
        params,
        body: {
          content: {
            'application/json': { schema: z.object({ text: z.string().trim().min(1).max(5000).optional() }) },
          },
          required: true,
        },
      },
      responses: { 200: ok('The handoff, with its customer update marked sent') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { id } = c.req.valid('param');
      await markCustomerUpdateSent(database.db, id, c.req.valid('json').text, {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(await getHandoff(database.db, c.var.principal.orgId, id), 200);
    },
  );
}
