import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { eraseCustomer } from './erasure.commands.ts';
import { erasureSchema } from './erasure.types.ts';

const params = z.object({ id: z.string().min(1).max(100) });

export function registerErasureRoute(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/customers/{id}/erasure',
      tags: ['customers'],
      middleware: [requireRole('admin')],
      request: { params, body: json(erasureSchema) },
      responses: {
        200: ok(
          "The customer's personal data erased: `{customerId, erasedAt, erasedBy, erased}` with how many records of each kind changed (422 erasure_unconfirmed, 409 customer_erased)",
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await eraseCustomer(database.db, c.req.valid('param').id, c.req.valid('json'), {
          principal: c.var.principal,
          now: clock(),
        }),
        200,
      );
    },
  );
}
