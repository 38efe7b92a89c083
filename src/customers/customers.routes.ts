import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { ok } from '../http/openapi.ts';
import { customerRiskOf, getCustomer } from './customers.queries.ts';

const params = z.object({ id: z.string().min(1).max(100) });

export function registerCustomerRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/customers/{id}',
      tags: ['customers'],
      request: { params },
      responses: { 200: ok('A customer') },
    }),
    async (c) => {
      const row = await getCustomer(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('param').id,
      );
      return c.json(
        {
          id: row.id,
          externalId: row.externalId,
          name: row.name,
          email: row.email,
          timezone: row.timezone,
          language: row.language,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/customers/{id}/risk',
      tags: ['customers'],
      request: { params },
      responses: { 200: ok('Churn risk: {score, level, reasons}') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await customerRiskOf(database.db, c.var.principal.orgId, c.req.valid('param').id, clock()),
        200,
      );
    },
  );
}
