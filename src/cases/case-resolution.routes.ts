import { createRoute } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ok } from '../http/openapi.ts';
import { resolveCase } from './case-resolution.commands.ts';
import { caseIdParams } from './cases.types.ts';

export function registerCaseResolutionRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/resolve',
      tags: ['cases'],
      middleware: [requireRole('agent', 'lead', 'supervisor')],
      request: { params: caseIdParams },
      responses: { 200: ok('The case is resolved where it is (409 while a handoff of it is open)') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const r = await resolveCase(database.db, c.req.valid('param').id, {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(r, 200);
    },
  );
}
