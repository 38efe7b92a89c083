import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { scenarioView } from './scenario-view.ts';
import { publishScenario } from './scenarios.commands.ts';
import { currentScenario, listScenarios, scenarioHistory } from './scenarios.queries.ts';
import { newScenarioSchema } from './scenarios.types.ts';

const tags = ['scenarios'];
const idParams = z.object({ id: z.string().min(1).max(100) });

export function registerScenarioRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/scenarios',
      tags,
      middleware: [requireRole('lead')],
      request: { body: { content: { 'application/json': { schema: newScenarioSchema } }, required: true } },
      responses: { 201: ok('The scenario, as its new version') },
    }),
    async (c) => {
      const ctx = adminCtxOf(c);
      const scenario = c.req.valid('json');
      const saved = await c.var.services.database.db.transaction((tx) => publishScenario(tx, ctx, scenario));
      return c.json(scenarioView(saved.definition, saved.version, ctx.now), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/scenarios',
      tags,
      responses: { 200: ok('Current scenarios') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const rows = await listScenarios(database.db, c.var.principal.orgId);
      return c.json({ items: rows.map((r) => scenarioView(r.definition, r.version, clock())) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/scenarios/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: ok('A scenario with its versions') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { id } = c.req.valid('param');
      const current = await currentScenario(database.db, c.var.principal.orgId, id);
      if (!current) throw notFound('scenario', id);
      const history = await scenarioHistory(database.db, c.var.principal.orgId, id);
      return c.json({ ...scenarioView(current.definition, current.version, clock()), history }, 200);
    },
  );
}
