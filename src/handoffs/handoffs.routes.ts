import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../db/database.ts';
import type { App } from '../http/app.ts';
import { hasRole, requireRole } from '../http/auth.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { packetSchema } from '../packets/packet.types.ts';
import { teamMembers } from '../teams/teams.table.ts';
import { reassignHandoffs } from './bulk-reassign.commands.ts';
import {
  acceptHandoff,
  bounceHandoff,
  type Ctx,
  cancelHandoff,
  pauseHandoffClocks,
  reassignHandoff,
  resolveHandoff,
  resumeHandoffClocks,
  updateDraftPacket,
} from './handoffs.commands.ts';
import { getHandoff, getHandoffs, listHandoffs } from './handoffs.queries.ts';
import { handoffs } from './handoffs.table.ts';
import {
  bounceSchema,
  bulkReassignSchema,
  handoffIdParams,
  listHandoffsQuery,
  newHandoffSchema,
  packetUpdateSchema,
  reassignSchema,
} from './handoffs.types.ts';
import { type Actor, mayAct, mayNotActMessage } from './may-act.ts';
import { sendDraft } from './send.commands.ts';
import { createHandoffBatched } from './send-batches.commands.ts';

const tags = ['handoffs'];
const senders = requireRole('agent', 'lead', 'supervisor');

/** The acting principal as the rule of `mayAct` sees them (an admin passes as a lead). */
export const actorOf = (p: Principal): Actor => ({
  leadOrSupervisor: hasRole(p, 'lead', 'supervisor'),
  agent: p.roles.has('agent'),
  personId: p.personId,
});

/**
 * Who may act on a handoff is `mayAct`'s rule; the command then locks the handoff and its state
 * machine has the last word.
 */
async function assertMayAct(db: Queryable, p: Principal, id: string, action: string) {
  const actor = actorOf(p);
  if (actor.leadOrSupervisor) return;
  const [h] = await db
    .select({
      ownerId: handoffs.ownerId,
      toTeamId: handoffs.toTeamId,
      senderId: handoffs.senderId,
      state: handoffs.state,
    })
    .from(handoffs)
    .where(and(eq(handoffs.orgId, p.orgId), eq(handoffs.id, id)));
  if (!h) throw notFound('handoff', id);
  if (!actor.agent || !actor.personId)
    throw new ApiError('forbidden', 'this action needs the agent, lead or supervisor role');
  const member = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, h.toTeamId), eq(teamMembers.personId, actor.personId)));
  if (!mayAct(actor, { ...h, withMyTeam: member.length > 0 }, action))
    throw new ApiError('forbidden', mayNotActMessage);
}

type Action = (db: Db, ctx: Ctx, id: string, body: never) => Promise<unknown>;

function actionRoute(app: App, name: string, description: string, run: Action, body?: z.ZodType) {
  app.openapi(
    createRoute({
      method: 'post',
      path: `/api/v1/handoffs/{id}/${name}`,
      tags,
      middleware: [senders],
      request: body ? { params: handoffIdParams, body: json(body) } : { params: handoffIdParams },
      responses: { 200: ok(description), 409: ok('invalid_transition') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const { id } = c.req.valid('param');
      const principal = c.var.principal;
      await assertMayAct(database.db, principal, id, name);
      // biome-ignore lint/suspicious/noExplicitAny: the body schema varies per action
      const input = body ? (c.req.valid as any)('json') : undefined;
      await run(database.db, { principal, now: clock() }, id, input as never);
      return c.json(await getHandoff(database.db, principal.orgId, id), 200);
    },
  );
}

export function registerHandoffRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/handoffs',
      tags,
      middleware: [senders],
      request: { params: z.object({ id: z.string().max(100) }), body: json(newHandoffSchema) },
      responses: {
        201: ok('The handoff, sent (or saved as a draft)'),
        422: ok('packet_incomplete, with `missing`'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const principal = c.var.principal;
      const handoff = await createHandoffBatched(database, {
        caseId: c.req.valid('param').id,
        input: c.req.valid('json'),
        ctx: { principal, now: clock() },
      });
      return c.json(handoff, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/handoffs',
      tags,
      request: { query: listHandoffsQuery },
      responses: { 200: ok('Handoffs, newest first, with `nextCursor`') },
    }),
    async (c) =>
      c.json(
        await listHandoffs(c.var.services.database.db, c.var.principal.orgId, c.req.valid('query')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/handoffs/{id}',
      tags,
      request: { params: handoffIdParams },
      responses: { 200: ok('The handoff with packet, SLA clocks, quality and customer update') },
    }),
    async (c) =>
      c.json(
        await getHandoff(c.var.services.database.db, c.var.principal.orgId, c.req.valid('param').id),
        200,
      ),
  );
  actionRoute(app, 'accept', 'Accepted: the acknowledge clock stops', (db, ctx, id) =>
    acceptHandoff(db, id, ctx),
  );
  actionRoute(
    app,
    'bounce',
    'Bounced back to the sender with a reason',
    (db, ctx, id, body) => bounceHandoff(db, id, body, ctx),
    bounceSchema,
  );
  actionRoute(
    app,
    'resolve',
    'Resolved: every clock stops; when no other handoff of its case is open, the case is resolved too',
    (db, ctx, id) => resolveHandoff(db, id, ctx),
  );
  actionRoute(app, 'cancel', 'Cancelled', (db, ctx, id) => cancelHandoff(db, id, ctx));
  actionRoute(
    app,
    'reassign',
    'Ownership moved, with a reason',
    (db, ctx, id, body) => reassignHandoff(db, id, body, ctx),
    reassignSchema,
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/handoffs/reassign',
      tags,
      middleware: [senders],
      description:
        'Several handoffs (up to 100) reassigned in one transaction, to `ownerId` or each by its team’s rule, with one reason. Each is answered on its own in `outcomes`, in the order given: `reassigned` (with its `handoff`), `unchanged` (already theirs), or `refused` with an `error` (`not_found`, `forbidden`, `invalid_transition`) and left as it was. Each new owner gets one notice for all of theirs.',
      request: { body: json(bulkReassignSchema) },
      responses: {
        200: ok('`{reassigned, unchanged, refused, outcomes}`'),
        400: ok('validation_failed: no ids, more than 100, one named twice, or an owner who cannot own'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const principal = c.var.principal;
      const outcomes = await reassignHandoffs(database.db, c.req.valid('json'), actorOf(principal), {
        principal,
        now: clock(),
      });
      const kept = outcomes.filter((o) => o.outcome !== 'refused').map((o) => o.id);
      const views = new Map(
        (kept.length ? await getHandoffs(database.db, principal.orgId, kept) : []).map((v) => [v.id, v]),
      );
      const count = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).length;
      return c.json(
        {
          reassigned: count('reassigned'),
          unchanged: count('unchanged'),
          refused: count('refused'),
          outcomes: outcomes.map((o) => (o.outcome === 'refused' ? o : { ...o, handoff: views.get(o.id) })),
        },
        200,
      );
    },
  );
  actionRoute(
    app,
    'pause',
    'SLA clocks paused (waiting on the customer)',
    (db, ctx, id, body: { reason: string }) => pauseHandoffClocks(db, id, body.reason, ctx),
    z.object({ reason: z.string().trim().min(1).max(500) }),
  );
  actionRoute(app, 'resume', 'SLA clocks resumed, deadlines recomputed', (db, ctx, id) =>
    resumeHandoffClocks(db, id, ctx),
  );
  actionRoute(
    app,
    'send',
    'A draft sent',
    (db, ctx, id, body: { packet?: z.infer<typeof packetSchema> }) => sendDraft(db, id, body?.packet, ctx),
    z.object({ packet: packetSchema.optional() }),
  );
  actionRoute(
    app,
    'packet',
    'A draft packet saved',
    (db, ctx, id, body: z.infer<typeof packetUpdateSchema>) => updateDraftPacket(db, id, body.packet, ctx),
    packetUpdateSchema,
  );
}
