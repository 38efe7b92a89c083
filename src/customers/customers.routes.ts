import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { importCustomers, saveRiskSettings } from './customers.commands.ts';
import { customerRiskOf, erasureOf, getCustomer, riskSettingsOf } from './customers.queries.ts';
import { importBodySchema, riskSettingsSchema } from './customers.types.ts';
import { customerOverview } from './overview.queries.ts';

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
      const { db } = c.var.services.database;
      const row = await getCustomer(db, c.var.principal.orgId, c.req.valid('param').id);
      return c.json(
        {
          id: row.id,
          externalId: row.externalId,
          name: row.name,
          email: row.email,
          timezone: row.timezone,
          language: row.language,
          customerSince: row.customerSince,
          annualValue: row.annualValue,
          tier: row.tier,
          profileSource: row.profileSource,
          ...(await erasureOf(db, row)),
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
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/customers/import',
      tags: ['customers'],
      middleware: [requireRole('lead')],
      request: { body: json(importBodySchema) },
      responses: {
        200: ok('How many customers were created and updated (422 invalid_import lists each problem)'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await importCustomers(database.db, c.var.principal.orgId, c.req.valid('json').csv, clock()),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/customer-risk',
      tags: ['customers'],
      responses: { 200: ok('The risk score that pages a supervisor, and what "high value" means') },
    }),
    async (c) => c.json(await riskSettingsOf(c.var.services.database.db, c.var.principal.orgId), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/customer-risk',
      tags: ['customers'],
      middleware: [requireRole('lead')],
      request: { body: json(riskSettingsSchema) },
      responses: { 200: ok('The saved settings (fields left out keep their value)') },
    }),
    async (c) => {
      return c.json(
        await saveRiskSettings(c.var.services.database.db, adminCtxOf(c), c.req.valid('json')),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/customers/{id}/overview',
      tags: ['customers'],
      request: { params },
      responses: {
        200: ok('The customer page: cases, handoffs, repeat contacts, promises, sentiment over time, risk'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await customerOverview(database.db, c.var.principal.orgId, c.req.valid('param').id, clock()),
        200,
      );
    },
  );
}
