import { createRoute, z } from '@hono/zod-openapi';
import { toCsv } from '../exports/csv.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ok } from '../http/openapi.ts';
import { calibrationOf } from './calibration.queries.ts';
import { calibrationQuery, reportQuery, satisfactionAgreementQuery } from './qa.types.ts';
import { reportRows } from './report.queries.ts';
import { periodOf, qualityReport, reportTable } from './report.ts';
import { registerReviewRoutes } from './reviews.routes.ts';
import { ratedHandoffRows } from './satisfaction.queries.ts';
import { satisfactionAgreement } from './satisfaction-agreement.ts';
import { registerSettingsRoutes } from './settings.routes.ts';

const tags = ['qa'];
const leads = requireRole('lead');
const readers = requireRole('qa', 'lead', 'supervisor');

function registerInsightRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/calibration',
      tags,
      middleware: [leads],
      request: { query: calibrationQuery },
      responses: { 200: ok("Krippendorff's alpha per criterion and each reviewer's drift") },
    }),
    async (c) => {
      const { scorecard, version } = c.req.valid('query');
      return c.json(
        await calibrationOf(c.var.services.database.db, c.var.principal.orgId, scorecard, version),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/report',
      tags,
      middleware: [readers],
      request: { query: reportQuery },
      responses: {
        200: {
          content: { 'application/json': { schema: z.any() }, 'text/csv': { schema: z.string() } },
          description: 'Automatic quality by agent, team, receiving team, scenario or ISO week (JSON or CSV)',
        },
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const q = c.req.valid('query');
      const period = periodOf(q.from, q.to, clock());
      const rows = await reportRows(database.db, c.var.principal.orgId, period.from, period.to);
      const report = qualityReport(rows, q.by);
      if (q.format === 'csv') {
        const t = reportTable(report);
        return c.body(toCsv(t.header, t.rows), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="baton-quality-by-${q.by}.csv"`,
        });
      }
      return c.json({ from: period.from.toISOString(), to: period.to.toISOString(), ...report }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/satisfaction',
      tags,
      middleware: [readers],
      request: { query: satisfactionAgreementQuery },
      responses: {
        200: ok(
          "QA against the customers' ratings: for the handoffs sent in the period that a customer rated, how well the automatic quality score and the reviewers' totals separate satisfied from unsatisfied (`auc`, `pValue`, `verdict`), CSAT per score band, per check and per criterion (failed against passed), and the handoffs where QA and the customer disagree",
        ),
        404: ok('not_found: no such scorecard'),
        422: ok('report_too_large: more than 5,000 rated handoffs in the period'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const q = c.req.valid('query');
      const period = periodOf(q.from, q.to, clock());
      const { rows, criteria } = await ratedHandoffRows(
        database.db,
        c.var.principal.orgId,
        period.from,
        period.to,
        q.scorecard,
      );
      return c.json(
        {
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          scorecard: q.scorecard ?? null,
          ...satisfactionAgreement(rows, criteria),
        },
        200,
      );
    },
  );
}

/** Every QA route: check weights, sampling, scorecards, reviews, the queue, calibration, reports. */
export function registerQaRoutes(app: App) {
  registerSettingsRoutes(app);
  registerReviewRoutes(app);
  registerInsightRoutes(app);
}
