import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { caseIdParams } from '../cases/cases.types.ts';
import type { Db } from '../db/database.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { teams } from '../teams/teams.table.ts';
import { recordCorrection, recordTerm } from './corrections.commands.ts';
import { driftReport } from './drift.queries.ts';
import { normaliseTerm, type Predict } from './normalise.ts';
import { caseSuggestion, ensureTagger, isTraining, suggestType, trainModel } from './tagging.commands.ts';
import { caseForTagging } from './tagging.queries.ts';
import { scenarioOf } from './taxonomy.ts';
import { lastTrainingFailure, latestModelInfo, loadTaxonomy, modelView } from './vocabulary.queries.ts';
import {
  correctionSchema,
  driftQuery,
  normaliseSchema,
  suggestSchema,
  trainSchema,
} from './vocabulary.types.ts';

const tags = ['vocabulary'];

async function assertTeam(db: Db, orgId: string, key: string) {
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.key, key)));
  if (!team) throw new ApiError('unknown_team', `no team with key ${key}`, { field: 'team', team: key });
}

/** The model step of normalisation, when the organisation has (or can train) a tagger. */
async function predictor(db: Db, orgId: string, now: Date): Promise<Predict | undefined> {
  const model = await ensureTagger(db, orgId, now).catch((error) => {
    const code = (error as { code?: string }).code;
    if (code === 'tagger_unavailable' || code === 'training_in_progress') return null;
    throw error;
  });
  if (!model) return undefined;
  return (text) => {
    const p = model.tagger.predict(text, 5);
    return { top: p.top, abstained: p.confidence < model.threshold };
  };
}

export function registerTaggingRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vocabulary/normalise',
      tags,
      request: { body: json(normaliseSchema) },
      responses: {
        200: ok('The canonical type for a term, and the path taken: alias, fuzzy, model or none'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const db = database.db;
      const { orgId } = c.var.principal;
      const input = c.req.valid('json');
      const now = clock();
      if (input.team) await assertTeam(db, orgId, input.team);
      if (input.caseId) await caseForTagging(db, orgId, input.caseId);
      const taxonomy = await loadTaxonomy(db, orgId);
      const result = normaliseTerm(taxonomy, input.term, {
        team: input.team,
        text: input.text,
        predict: await predictor(db, orgId, now),
      });
      await recordTerm(db, orgId, result, { team: input.team ?? null, caseId: input.caseId, now });
      const type = result.type ? taxonomy.types.get(result.type) : undefined;
      return c.json(
        {
          ...result,
          name: type?.spec.name ?? null,
          scenario: result.type ? scenarioOf(taxonomy, result.type) : null,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vocabulary/suggest',
      tags,
      request: { body: json(suggestSchema) },
      responses: {
        200: ok(
          'The suggested type with its confidence and scenario, the top three, and whether it abstains',
        ),
      },
    }),
    async (c) => {
      const { database, clock, logger } = c.var.services;
      const { orgId } = c.var.principal;
      const { text, caseId } = c.req.valid('json');
      if (caseId) await caseForTagging(database.db, orgId, caseId);
      const answer = await suggestType(database.db, orgId, text, { now: clock(), caseId, log: logger });
      return c.json(answer, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/suggestion',
      tags,
      request: { params: caseIdParams },
      responses: {
        200: ok("The tagger's suggestion for the case's conversation and the scenario it proposes"),
      },
    }),
    async (c) => {
      const { database, clock, logger } = c.var.services;
      const caseId = c.req.valid('param').id;
      const { answer, current } = await caseSuggestion(database.db, c.var.principal.orgId, caseId, {
        now: clock(),
        log: logger,
      });
      return c.json(
        { caseId, current, ...answer, proposedScenario: answer.suggestion?.scenario ?? null },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vocabulary/corrections',
      tags,
      middleware: [requireRole('agent', 'lead', 'supervisor')],
      request: { body: json(correctionSchema) },
      responses: { 201: ok('The correction, learnt from at the next training') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const p = c.var.principal;
      const saved = await recordCorrection(database.db, p.orgId, c.req.valid('json'), {
        by: p.personId,
        now: clock(),
      });
      return c.json(saved, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vocabulary/train',
      tags,
      middleware: [requireRole('lead')],
      request: { body: { content: { 'application/json': { schema: trainSchema } }, required: false } },
      responses: {
        202: ok('Training started (or already running) on a worker thread'),
        201: ok('With `wait: true`: the new model'),
      },
    }),
    async (c) => {
      const { database, clock, logger } = c.var.services;
      const { orgId } = c.var.principal;
      const wait = (c.req.valid('json') as { wait?: boolean } | undefined)?.wait === true;
      const now = clock();
      if (wait) {
        const info = await trainModel(database.db, orgId, now, logger);
        return c.json({ status: 'trained', model: modelView(info) }, 201);
      }
      if (await isTraining(database.db, orgId, now)) return c.json({ status: 'running' }, 202);
      // Not the request's transaction: the training outlives the answer.
      const background = c.var.services.background ?? database;
      trainModel(background.db, orgId, now, logger).catch((error) =>
        logger.warn({ err: error, orgId }, 'requested tagger training failed'),
      );
      return c.json({ status: 'started' }, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vocabulary/model',
      tags,
      responses: {
        200: ok(
          'The newest model: version, training report; whether one is training now; and the last training that failed since one succeeded (`lastFailure: {at, code, message}` or null)',
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { orgId } = c.var.principal;
      const model = modelView(await latestModelInfo(database.db, orgId));
      const training = await isTraining(database.db, orgId, clock());
      return c.json({ model, training, lastFailure: await lastTrainingFailure(database.db, orgId) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vocabulary/drift',
      tags,
      request: { query: driftQuery },
      responses: { 200: ok('Vocabulary drift of one ISO week against the weeks before') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const q = c.req.valid('query');
      const report = await driftReport(database.db, c.var.principal.orgId, {
        week: q.week,
        baselineWeeks: q.baselineWeeks,
        now: clock(),
      });
      if (!report) {
        throw new ApiError('validation_failed', `week: ${q.week} does not exist`, {
          field: 'week',
          issues: [{ field: 'week', message: 'no such ISO week' }],
        });
      }
      return c.json(report, 200);
    },
  );
}
