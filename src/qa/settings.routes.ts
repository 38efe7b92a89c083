import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { saveCheckWeights, saveSamplingRules } from './qa.commands.ts';
import { samplingRulesFor } from './qa.queries.ts';
import { checkWeightsSchema, samplingRulesSchema } from './qa.types.ts';
import { qualityWeightsFor, tunedWeightsFor } from './weights.queries.ts';

const tags = ['qa'];
const leads = requireRole('lead');
const readers = requireRole('qa', 'lead', 'supervisor');
const scenarioParams = z.object({ scenario: z.string().min(1).max(100) });

/** Leads tune the automatic checks' weights per scenario and the queue's sampling rules. */
export function registerSettingsRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/qa/weights/{scenario}',
      tags,
      middleware: [leads],
      request: { params: scenarioParams, body: json(checkWeightsSchema) },
      responses: { 200: ok("The scenario's check weights: `tuned` and the effective `weights`") },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { scenario } = c.req.valid('param');
      const { weights } = c.req.valid('json');
      return c.json(
        await saveCheckWeights(database.db, scenario, weights, { principal: c.var.principal, now: clock() }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/weights/{scenario}',
      tags,
      middleware: [readers],
      request: { params: scenarioParams },
      responses: { 200: ok("The scenario's check weights") },
    }),
    async (c) => {
      const db = c.var.services.database.db;
      const { scenario } = c.req.valid('param');
      const orgId = c.var.principal.orgId;
      return c.json(
        {
          scenario,
          tuned: await tunedWeightsFor(db, orgId, scenario),
          weights: await qualityWeightsFor(db, orgId, scenario),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/sampling',
      tags,
      middleware: [readers],
      responses: { 200: ok('The sampling rules that fill the review queue') },
    }),
    async (c) => c.json(await samplingRulesFor(c.var.services.database.db, c.var.principal.orgId), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/qa/sampling',
      tags,
      middleware: [leads],
      request: { body: json(samplingRulesSchema) },
      responses: { 200: ok('The saved sampling rules') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const rules = await saveSamplingRules(database.db, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(rules, 200);
    },
  );
}
