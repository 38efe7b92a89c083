import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { periodField } from '../http/validation.ts';
import { assertPublicTarget } from '../integrations/delivery.jobs.ts';
import { setReviewTargets } from './analytics.commands.ts';
import {
  listWeeklyReviews,
  loadFacts,
  organisationOf,
  storedWeeklyReview,
  weeklyReview,
} from './analytics.queries.ts';
import {
  compareQuery,
  metricsQuery,
  reviewDeliverySchema,
  reviewQuery,
  weekParams,
} from './analytics.types.ts';
import { comparePeriods } from './compare.ts';
import { deriveViews } from './derive.ts';
import { computeMetrics, type MetricsFilter } from './metrics.ts';
import { type Period, PeriodError, parsePeriod, periodOf, previousWeekId } from './period.ts';
import { renderReviewHtml } from './review-html.ts';
import { reviewTargets } from './review-targets.queries.ts';

const tags = ['analytics'];
const readers = requireRole('lead', 'supervisor', 'qa');

type Filters = { team?: string; scenario?: string; issueType?: string };
const filterOf = (p: Period, q: Filters): MetricsFilter => ({
  ...p,
  team: q.team,
  scenario: q.scenario,
  issueType: q.issueType,
});

export function registerAnalyticsRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/analytics/metrics',
      tags,
      middleware: [readers],
      request: { query: metricsQuery },
      responses: { 200: ok('Handoff analytics of a period (see docs/analytics.md)') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { database, clock } = c.var.services;
      const orgId = c.var.principal.orgId;
      const org = await organisationOf(database.db, orgId);
      const p = periodField('from', () => periodOf(q, org.timezone, clock().getTime()));
      const facts = await loadFacts(database.db, orgId, p);
      return c.json(computeMetrics(deriveViews(facts), filterOf(p, q)).metrics, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/analytics/compare',
      tags,
      middleware: [readers],
      request: { query: compareQuery },
      responses: { 200: ok('Two periods compared: each change with its p-value and 95 % interval') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const db = c.var.services.database.db;
      const orgId = c.var.principal.orgId;
      const org = await organisationOf(db, orgId);
      const before = periodField('before', () => parsePeriod(q.before, org.timezone));
      const after = periodField('after', () => parsePeriod(q.after, org.timezone));
      const [a, b] = await Promise.all([loadFacts(db, orgId, before), loadFacts(db, orgId, after)]);
      const result = comparePeriods(
        computeMetrics(deriveViews(a), filterOf(before, q)),
        computeMetrics(deriveViews(b), filterOf(after, q)),
      );
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/analytics/review',
      tags,
      middleware: [readers],
      request: { query: reviewQuery },
      responses: {
        200: {
          description:
            'The weekly review of an ISO week (the previous week by default), as JSON or an HTML page',
          content: { 'application/json': { schema: z.any() }, 'text/html': { schema: z.string() } },
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { database, clock } = c.var.services;
      const orgId = c.var.principal.orgId;
      const org = await organisationOf(database.db, orgId);
      const week = q.week ?? previousWeekId(clock().getTime(), org.timezone);
      const { review } = await weeklyReview(database.db, orgId, week).catch((error: unknown) => {
        if (error instanceof PeriodError)
          throw new ApiError('validation_failed', `week: ${error.message}`, { field: 'week' });
        throw error;
      });
      if (q.format === 'html') return c.html(renderReviewHtml(review, org.name), 200);
      return c.json(review, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/analytics/reviews',
      tags,
      middleware: [readers],
      responses: { 200: ok('Stored weekly reviews, newest week first') },
    }),
    async (c) =>
      c.json({ items: await listWeeklyReviews(c.var.services.database.db, c.var.principal.orgId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/analytics/reviews/{week}',
      tags,
      middleware: [readers],
      request: { params: weekParams },
      responses: { 200: ok('A stored weekly review as it was stored') },
    }),
    async (c) => {
      const { week } = c.req.valid('param');
      const stored = await storedWeeklyReview(c.var.services.database.db, c.var.principal.orgId, week);
      if (!stored) throw notFound('weekly review', week);
      return c.json(stored, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/analytics/review-delivery',
      tags,
      middleware: [requireRole('lead')],
      responses: { 200: ok('Where the stored weekly review is sent: {slackUrl, emails}') },
    }),
    async (c) => c.json(await reviewTargets(c.var.services.database.db, c.var.principal.orgId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/analytics/review-delivery',
      tags,
      middleware: [requireRole('lead')],
      request: { body: json(reviewDeliverySchema) },
      responses: { 200: ok('Where the stored weekly review is sent from now on') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { database, config } = c.var.services;
      if (input.slackUrl) {
        await assertPublicTarget(input.slackUrl, config.webhookAllowPrivate).catch((error: Error) => {
          throw new ApiError('webhook_target_refused', error.message, { field: 'slackUrl' });
        });
      }
      return c.json(await setReviewTargets(database.db, adminCtxOf(c), input), 200);
    },
  );
}
