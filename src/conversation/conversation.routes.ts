import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { assertCaseExists } from '../cases/cases.queries.ts';
import { messages } from '../cases/cases.table.ts';
import type { App } from '../http/app.ts';
import { ok } from '../http/openapi.ts';
import { proposeScenarioForCase } from '../vocabulary/tagging.commands.ts';
import { casePrefill } from './prefill.queries.ts';
import { scoreSentiment } from './sentiment.ts';
import { summarizeDialog } from './summarize.ts';
import { sentimentTrajectory } from './trajectory.ts';

const tags = ['conversation'];
const params = z.object({ id: z.string().min(1).max(100) });
const turns = z
  .array(z.object({ role: z.enum(['customer', 'agent', 'bot']), text: z.string().max(20_000) }))
  .max(500);

export function registerConversationRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/prefill',
      tags,
      request: { params },
      responses: {
        200: ok(
          'The summary and the packet pre-filled from the conversation; with an LLM endpoint configured, also `source` (local or llm) and any `fallbackReason`',
        ),
      },
    }),
    async (c) => {
      const { llm } = c.var.services.config;
      const prefill = await casePrefill(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('param').id,
        { llm },
      );
      if (prefill.fallbackReason) c.var.log.warn({ reason: prefill.fallbackReason }, 'LLM summary fell back');
      // The scenario the tagger proposes for this conversation (never fails: null parts when it cannot tell).
      const proposal = await proposeScenarioForCase(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('param').id,
        c.var.services.clock(),
      );
      return c.json({ ...prefill, proposal }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/sentiment',
      tags,
      request: { params },
      responses: { 200: ok("The customer's sentiment trajectory over the case") },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.var.services.database.db;
      await assertCaseExists(db, c.var.principal.orgId, id);
      const rows = await db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.orgId, c.var.principal.orgId),
            eq(messages.caseId, id),
            eq(messages.role, 'customer'),
          ),
        )
        .orderBy(asc(messages.at));
      const trajectory = sentimentTrajectory(
        rows.map((m) => ({ role: 'customer' as const, text: m.text, at: m.at.toISOString() })),
      );
      return c.json(
        {
          ...trajectory,
          messages: rows.map((m) => ({
            id: m.id,
            at: m.at.toISOString(),
            score: m.sentiment ?? scoreSentiment(m.text).score,
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/conversation/summarize',
      tags,
      request: { body: { content: { 'application/json': { schema: z.object({ turns }) } }, required: true } },
      responses: { 200: ok('A summary and packet draft for any conversation') },
    }),
    async (c) => c.json(summarizeDialog(c.req.valid('json').turns), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/conversation/sentiment',
      tags,
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ text: z.string().max(20_000) }) } },
          required: true,
        },
      },
      responses: { 200: ok('Score in [-1, 1] and label') },
    }),
    async (c) => c.json(scoreSentiment(c.req.valid('json').text), 200),
  );
}
