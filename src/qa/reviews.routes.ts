import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { reviewerOf, saveScorecard, submitReview } from './qa.commands.ts';
import {
  currentScorecard,
  handoffExists,
  listScorecards,
  reviewsOfHandoff,
  reviewView,
  scorecardVersions,
  scorecardView,
} from './qa.queries.ts';
import { queueQuery, reviewSchema, scorecardSchema } from './qa.types.ts';
import { reviewQueue } from './queue.queries.ts';

const tags = ['qa'];
const leads = requireRole('lead');
const reviewers = requireRole('qa');
const readers = requireRole('qa', 'lead', 'supervisor');
const idParams = z.object({ id: z.string().min(1).max(100) });
const day = 86_400_000;

function scorecardRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/qa/scorecards',
      tags,
      middleware: [leads],
      request: { body: json(scorecardSchema) },
      responses: { 201: ok('The scorecard, version 1') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const saved = await saveScorecard(database.db, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(scorecardView(saved), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/qa/scorecards/{id}',
      tags,
      middleware: [leads],
      request: { params: idParams, body: json(scorecardSchema) },
      responses: { 200: ok('The scorecard, as its next version') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const ctx = { principal: c.var.principal, now: clock() };
      const saved = await saveScorecard(database.db, c.req.valid('json'), ctx, c.req.valid('param').id);
      return c.json(scorecardView(saved), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/scorecards',
      tags,
      middleware: [readers],
      responses: { 200: ok('Scorecards, each at its current version') },
    }),
    async (c) => {
      const rows = await listScorecards(c.var.services.database.db, c.var.principal.orgId);
      return c.json({ items: rows.map(scorecardView) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/scorecards/{id}',
      tags,
      middleware: [readers],
      request: { params: idParams },
      responses: { 200: ok('A scorecard at its current version, with its history') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const versions = await scorecardVersions(c.var.services.database.db, c.var.principal.orgId, id);
      if (!versions[0]) throw notFound('scorecard', id);
      return c.json(
        {
          ...scorecardView(versions[0]),
          history: versions.map((v) => ({
            version: v.version,
            createdAt: v.createdAt.toISOString(),
            createdBy: v.createdBy,
          })),
        },
        200,
      );
    },
  );
}

function reviewRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/qa/reviews',
      tags,
      middleware: [reviewers],
      request: { body: json(reviewSchema) },
      responses: {
        201: ok('The review, with its computed `total` (0-100)'),
        422: ok('invalid_review, naming the `criterion`'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const p = c.var.principal;
      const review = await submitReview(database.db, c.req.valid('json'), { principal: p, now: clock() });
      const [view] = await reviewView(database.db, p.orgId, [review]);
      return c.json(view, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/handoffs/{id}/reviews',
      tags,
      middleware: [readers],
      request: { params: idParams },
      responses: { 200: ok("A handoff's reviews, oldest first") },
    }),
    async (c) => {
      const db = c.var.services.database.db;
      const { id } = c.req.valid('param');
      const orgId = c.var.principal.orgId;
      if (!(await handoffExists(db, orgId, id))) throw notFound('handoff', id);
      return c.json({ items: await reviewsOfHandoff(db, orgId, id) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/qa/queue',
      tags,
      middleware: [requireRole('qa', 'lead')],
      request: { query: queueQuery },
      responses: { 200: ok('Handoffs due a review that the caller has not reviewed, with why') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const q = c.req.valid('query');
      const until = clock();
      if (q.scorecard && !(await currentScorecard(database.db, c.var.principal.orgId, q.scorecard)))
        throw notFound('scorecard', q.scorecard);
      const queue = await reviewQueue(database.db, c.var.principal.orgId, reviewerOf(c.var.principal), {
        since: q.since ? new Date(q.since) : new Date(until.getTime() - 30 * day),
        until,
        scorecard: q.scorecard,
        limit: q.limit,
      });
      return c.json(queue, 200);
    },
  );
}

/** Leads define scorecards; reviewers score handoffs and work their queue. */
export function registerReviewRoutes(app: App) {
  scorecardRoutes(app);
  reviewRoutes(app);
}
