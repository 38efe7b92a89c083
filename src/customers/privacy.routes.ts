import { createRoute, z } from '@hono/zod-openapi';
import { recordChange } from '../admin/admin-changes.commands.ts';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { customerDataExport } from './data-export.queries.ts';
import { eraseCustomer } from './erasure.commands.ts';
import { erasureSchema } from './erasure.types.ts';
import { saveRetentionSettings } from './retention.commands.ts';
import { countDueForErasure, retentionSettingsOf } from './retention.queries.ts';
import { retentionCutoff } from './retention.ts';
import { retentionPreviewQuery, retentionSettingsSchema } from './retention.types.ts';

const params = z.object({ id: z.string().min(1).max(100) });

/** A customer's personal data, for admins: all of it as one file (an access request), or erased. */
export function registerPrivacyRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/customers/{id}/export',
      tags: ['customers'],
      middleware: [requireRole('admin')],
      request: { params },
      responses: {
        200: ok(
          'Everything Baton holds about the customer, as a JSON attachment: profile, churn risk with its reasons, and each case with its conversation, documents, handoffs and log',
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const orgId = c.var.principal.orgId;
      const now = clock();
      // Read and logged in one transaction: the change log says who took a copy, and of how much.
      const data = await database.db.transaction(async (tx) => {
        const out = await customerDataExport(tx, orgId, c.req.valid('param').id, now);
        // Never the name: the change log is append-only, and an erasure must not leave it behind.
        await recordChange(
          tx,
          { orgId, now, actorId: c.var.principal.personId },
          'customer.exported',
          { id: out.customer.id, name: 'Customer' },
          { cases: { from: null, to: out.cases.length } },
        );
        return out;
      });
      const file = `baton-customer-${data.customer.externalId.replace(/[^\w.-]+/g, '_')}-${now.toISOString().slice(0, 10)}.json`;
      return c.json(data, 200, {
        'content-disposition': `attachment; filename="${file}"`,
        'cache-control': 'no-store',
      });
    },
  );

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
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/customer-retention',
      tags: ['customers'],
      middleware: [requireRole('lead')],
      request: { query: retentionPreviewQuery },
      responses: {
        200: ok(
          "The retention schedule: `{eraseAfterDays, dueNow}`, days without contact before a customer's personal data is erased (null: never), and how many customers it would erase now; with `?preview=<days>`, also `preview: {eraseAfterDays, dueNow}` for a schedule not saved yet",
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const orgId = c.var.principal.orgId;
      const now = clock();
      const { preview } = c.req.valid('query');
      const saved = await retentionView(database.db, orgId, now);
      if (preview === undefined) return c.json(saved, 200);
      const dueNow = await countDueForErasure(database.db, orgId, retentionCutoff(preview, now));
      return c.json({ ...saved, preview: { eraseAfterDays: preview, dueNow } }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/customer-retention',
      tags: ['customers'],
      middleware: [requireRole('admin')],
      request: { body: json(retentionSettingsSchema) },
      responses: { 200: ok('The saved schedule, with how many customers it erases at its next hourly pass') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      await saveRetentionSettings(database.db, adminCtxOf(c), c.req.valid('json'));
      return c.json(await retentionView(database.db, c.var.principal.orgId, clock()), 200);
    },
  );
}

async function retentionView(db: Parameters<typeof retentionSettingsOf>[0], orgId: string, now: Date) {
  const { eraseAfterDays } = await retentionSettingsOf(db, orgId);
  return {
    eraseAfterDays,
    dueNow:
      eraseAfterDays === null ? 0 : await countDueForErasure(db, orgId, retentionCutoff(eraseAfterDays, now)),
  };
}
