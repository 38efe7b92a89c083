import { createRoute, z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { listAdminChanges } from '../admin/admin-changes.queries.ts';
import { adminChangesQuery } from '../admin/admin-changes.types.ts';
import { organisationOf } from '../analytics/analytics.queries.ts';
import { periodOf, spanOf } from '../analytics/period.ts';
import type { Keyset } from '../db/keyset.ts';
import { getHandoffs } from '../handoffs/handoffs.queries.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { periodField } from '../http/validation.ts';
import { adminChangeRows, adminChangesExportHeader } from './admin-changes-export.ts';
import { csvAttachment, csvStream } from './csv-stream.ts';
import { handoffExportPage } from './exports.queries.ts';
import { handoffExportHeader, handoffExportRow } from './handoffs-export.ts';

const bound = z.string().trim().min(1).max(40);
const exportQuery = z.object({
  from: bound
    .optional()
    .describe(
      'A date (a whole day in the organisation’s zone) or an ISO instant; 30 days before `to` by default',
    ),
  to: bound.optional().describe('A date (included) or an ISO instant; now by default'),
  team: z.string().trim().min(1).max(100).optional().describe('The receiving team’s key'),
  state: z.enum(['draft', 'sent', 'accepted', 'resolved', 'bounced', 'cancelled']).optional(),
  scenario: z.string().trim().min(1).max(100).optional(),
  issueType: z.string().trim().min(1).max(200).optional().describe('The case’s issue type (its path)'),
});

/** Handoffs read per page: their full views (quality, clocks) are computed a page at a time. */
const PAGE = 200;

/**
 * `GET /exports/handoffs`: every handoff created in a period as CSV, newest first, streamed a page
 * at a time so a year of handoffs never sits in memory; opened as text by spreadsheets (formulas defused).
 */
export function registerExportRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/exports/handoffs',
      tags: ['analytics'],
      middleware: [requireRole('lead', 'supervisor', 'qa')],
      request: { query: exportQuery },
      responses: {
        200: {
          content: { 'text/csv': { schema: z.string() } },
          description:
            'The handoffs created in the period (filtered by team, state, scenario) as CSV: one row each, with its owner, times, clocks, bounce, quality and the customer’s rating counted for it',
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { database, clock, logger } = c.var.services;
      const orgId = c.var.principal.orgId;
      const org = await organisationOf(database.db, orgId);
      const period = periodField('from', () => periodOf(q, org.timezone, clock().getTime()));
      const filter = { ...q, from: new Date(period.from), to: new Date(period.to) };
      const db = database.db;
      const body = csvStream<Keyset>(
        handoffExportHeader,
        async (after) => {
          const page = await handoffExportPage(db, orgId, filter, after, PAGE);
          const views = await getHandoffs(
            db,
            orgId,
            page.map((p) => p.id),
          );
          const last = page[page.length - 1];
          const next = page.length === PAGE && last ? { at: last.createdAt, id: last.id } : null;
          const extras = new Map(page.map((p) => [p.id, { issueType: p.issueType, rating: p.rating }]));
          return {
            rows: views.map((v) =>
              handoffExportRow(v, extras.get(v.id) ?? { issueType: null, rating: null }),
            ),
            next,
          };
        },
        (error) => logger.error({ err: error, orgId }, 'the handoffs export stopped'),
      );
      const day = (ms: number) => DateTime.fromMillis(ms, { zone: org.timezone }).toISODate();
      return c.body(
        body,
        200,
        csvAttachment(`baton-handoffs-${day(period.from)}-to-${day(period.to - 1)}.csv`),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/exports/admin-changes',
      tags: ['teams'],
      middleware: [requireRole('lead', 'supervisor')],
      request: { query: adminChangesQuery.pick({ area: true, actor: true, from: true, to: true }) },
      responses: {
        200: {
          content: { 'text/csv': { schema: z.string() } },
          description:
            'The admin change log (by area and person) as CSV, newest first: one row per field changed, with who and when',
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { database, clock, logger } = c.var.services;
      const orgId = c.var.principal.orgId;
      const org = await organisationOf(database.db, orgId);
      const span = periodField('from', () => spanOf(q, org.timezone));
      const body = csvStream<number>(
        adminChangesExportHeader,
        async (before) => {
          const page = await listAdminChanges(database.db, orgId, {
            limit: PAGE,
            before,
            areas: q.area,
            actor: q.actor,
            span,
          });
          const next = page.nextCursor === null ? null : Number(page.nextCursor);
          return { rows: page.items.flatMap(adminChangeRows), next };
        },
        (error) => logger.error({ err: error, orgId }, 'the admin change log export stopped'),
      );
      const today = clock().toISOString().slice(0, 10);
      return c.body(body, 200, csvAttachment(`baton-admin-changes-${today}.csv`));
    },
  );
}
