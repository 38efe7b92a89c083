import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, desc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import { recordChange } from '../admin/admin-changes.commands.ts';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import { addedFields, changedFields } from '../admin/changes.ts';
import type { Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { validationError } from '../http/validation.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { teamsByKeys } from '../teams/teams.queries.ts';
import { assertPublicTarget } from './delivery.jobs.ts';
import { applyInbound } from './inbound.commands.ts';
import { outbox, webhookFailedTries, webhookSubscriptions } from './integrations.table.ts';
import { inboundGenericSchema, subscriptionChangeSchema, subscriptionSchema } from './integrations.types.ts';
import { forgetSubscriptions, outboxChannel, subscriptionsChannel } from './outbox.listeners.ts';
import { verifyInbound } from './signature.ts';
import { deliveryCountsOf } from './subscription-health.queries.ts';
import { healthState, noDeliveries } from './subscription-health.ts';
import { sendTestDelivery } from './test-delivery.commands.ts';

const tags = ['webhooks'];
const leads = requireRole('lead');

/** A subscription kept to teams names teams of its organisation, or nothing is saved. */
async function assertTeamsExist(tx: Tx, orgId: string, keys: string[] | undefined) {
  if (!keys?.length) return;
  const found = await teamsByKeys(tx, orgId, keys);
  const missing = keys.find((k) => !found.has(k));
  if (missing)
    throw new ApiError('unknown_team', `no team with key ${missing}`, { field: 'teams', team: missing });
}

export function registerIntegrationRoutes(app: App) {
  // Authenticated by its signature, not by a token: registered before the auth middleware skips it.
  app.post('/api/v1/webhooks/inbound/generic', async (c) => {
    const { database, config, clock } = c.var.services;
    const raw = await c.req.text();
    if (!config.webhookSecret)
      throw new ApiError('invalid_signature', 'inbound webhooks are off: set BATON_WEBHOOK_SECRET');
    if (!verifyInbound(config.webhookSecret, raw, c.req.header('x-baton-signature'))) {
      throw new ApiError(
        'invalid_signature',
        'X-Baton-Signature must be sha256=<hex HMAC-SHA256 of the raw body>',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new ApiError('invalid_json', 'the body is not valid JSON');
    }
    const parsed = inboundGenericSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, 'json');
    const wanted = c.req.query('org') ?? c.req.header('x-baton-org');
    const [org] = await database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(wanted ? or(eq(organisations.id, wanted), eq(organisations.slug, wanted)) : undefined)
      .orderBy(asc(organisations.createdAt))
      .limit(1);
    if (!org) throw notFound('organisation', wanted ?? 'default');
    const principal = {
      orgId: org.id,
      personId: null,
      roles: new Set(['agent'] as const),
      via: 'webhook' as const,
    };
    const caseId = await applyInbound(database.db, 'generic', parsed.data, principal, clock());
    return c.json({ caseId }, 202);
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/subscriptions',
      tags,
      middleware: [leads],
      request: { body: { content: { 'application/json': { schema: subscriptionSchema } }, required: true } },
      responses: { 201: ok('The subscription') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { database, config, clock } = c.var.services;
      try {
        await assertPublicTarget(input.url, config.webhookAllowPrivate);
      } catch (error) {
        throw new ApiError('webhook_target_refused', (error as Error).message, { field: 'url' });
      }
      const id = newId('wh');
      const orgId = c.var.principal.orgId;
      const createdAt = clock();
      const actor = { ...adminCtxOf(c), now: createdAt };
      await database.db.transaction(async (tx) => {
        await assertTeamsExist(tx, orgId, input.teams);
        await tx
          .insert(webhookSubscriptions)
          .values({ id, orgId, ...input, createdBy: c.var.principal.personId, createdAt });
        // The defaults go without saying in the log: a chat's format is named, and teams when kept to some.
        const { format, teams, ...rest } = input;
        const logged = addedFields({
          ...rest,
          ...(format === 'baton' ? {} : { format }),
          ...(teams.length ? { teams } : {}),
        });
        await recordChange(tx, actor, 'webhook.subscribed', { id, name: input.url }, logged);
      });
      forgetSubscriptions(orgId);
      await database.notify(subscriptionsChannel, orgId);
      return c.json(
        {
          id,
          url: input.url,
          events: input.events,
          format: input.format,
          teams: input.teams,
          active: true,
          createdBy: c.var.principal.personId,
          createdAt,
        },
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/webhooks/subscriptions/{id}',
      tags,
      middleware: [leads],
      request: {
        params: z.object({ id: z.string().min(1).max(100) }),
        body: { content: { 'application/json': { schema: subscriptionChangeSchema } }, required: true },
      },
      responses: { 200: ok('The subscription as changed (never its secret)') },
    }),
    async (c) => {
      const change = c.req.valid('json');
      const { id } = c.req.valid('param');
      const { database, config } = c.var.services;
      if (change.url) {
        try {
          await assertPublicTarget(change.url, config.webhookAllowPrivate);
        } catch (error) {
          throw new ApiError('webhook_target_refused', (error as Error).message, { field: 'url' });
        }
      }
      const orgId = c.var.principal.orgId;
      const where = and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id));
      const actor = adminCtxOf(c);
      const row = await database.db.transaction(async (tx) => {
        const [before] = await tx.select().from(webhookSubscriptions).where(where).for('update');
        if (!before) throw notFound('webhook subscription', id);
        await assertTeamsExist(tx, orgId, change.teams);
        const [after] = await tx.update(webhookSubscriptions).set(change).where(where).returning();
        await recordChange(
          tx,
          actor,
          'webhook.changed',
          { id, name: after!.url },
          changedFields(before, change),
        );
        return after!;
      });
      forgetSubscriptions(orgId);
      await database.notify(subscriptionsChannel, orgId);
      // A resumed subscription's waiting deliveries go out now, not at the next poll.
      if (change.active) await database.notify(outboxChannel, '');
      const { secret: _, ...view } = row;
      return c.json(view, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/webhooks/subscriptions',
      tags,
      middleware: [leads],
      responses: {
        200: ok(
          'Subscriptions (never their secrets; `createdBy`: the person who added it, null for an API token without one), each with `health`: how its deliveries stand (`state`: `healthy`, `failing`, `behind`, `paused` or `quiet`; `waiting`, `oldestWaitingAt`, `failing`, `lastFailure`, `dead`, `lastDeadAt`, `lastDeliveredAt`, `deliveredLastDay`, `deliveredByHour`: 24 counts, the oldest hour first; `failedLastDay`, `failedByHour`: failed tries the same way, to see when the receiver was down)',
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const orgId = c.var.principal.orgId;
      const now = clock();
      const rows = await database.db
        .select()
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.orgId, orgId));
      const counts = await deliveryCountsOf(database.db, orgId, now);
      const items = rows.map(({ secret: _, ...r }) => {
        const known = counts.get(r.id) ?? noDeliveries;
        return { ...r, health: { state: healthState(known, r.active, now), ...known } };
      });
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/webhooks/deliveries',
      tags,
      middleware: [leads],
      request: {
        query: z.object({
          status: z.enum(['pending', 'delivered', 'dead']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: { 200: ok('The delivery log, newest first') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const status =
        q.status === 'delivered'
          ? isNotNull(outbox.deliveredAt)
          : q.status === 'dead'
            ? isNotNull(outbox.deadAt)
            : q.status === 'pending'
              ? and(isNull(outbox.deliveredAt), isNull(outbox.deadAt))
              : undefined;
      const rows = await c.var.services.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.orgId, c.var.principal.orgId), status))
        .orderBy(desc(outbox.seq))
        .limit(q.limit);
      return c.json({ items: rows.map(({ body: _, ...r }) => r) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/webhooks/subscriptions/{id}',
      tags,
      middleware: [leads],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: ok(
          '`{id, removed: true, pendingDropped}`: the subscription is gone with its delivery log; its deliveries not yet made (`pendingDropped`) are never sent. In the admin change log',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { database } = c.var.services;
      const orgId = c.var.principal.orgId;
      const actor = adminCtxOf(c);
      const pendingDropped = await database.db.transaction(async (tx) => {
        const where = and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id));
        const [sub] = await tx.delete(webhookSubscriptions).where(where).returning();
        if (!sub) throw notFound('webhook subscription', id);
        const dropped = await tx
          .delete(outbox)
          .where(and(eq(outbox.orgId, orgId), eq(outbox.subscriptionId, id)))
          .returning({ deliveredAt: outbox.deliveredAt, deadAt: outbox.deadAt });
        await tx.delete(webhookFailedTries).where(eq(webhookFailedTries.subscriptionId, id));
        const pending = dropped.filter((o) => !o.deliveredAt && !o.deadAt).length;
        await recordChange(
          tx,
          actor,
          'webhook.removed',
          { id, name: sub.url },
          pending ? { pendingDropped: { from: pending, to: null } } : {},
        );
        return pending;
      });
      forgetSubscriptions(orgId);
      await database.notify(subscriptionsChannel, orgId);
      return c.json({ id, removed: true, pendingDropped }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/subscriptions/{id}/test',
      tags,
      middleware: [leads],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: ok(
          "`{delivered, status, error, ms, eventId}`: a `webhook.test` event sent now, signed and shaped as the subscription's deliveries (a chat gets a line saying it is connected), and what the receiver answered; nothing is written (no outbox row), and a paused subscription is sent it too",
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await sendTestDelivery(c.var.services, c.var.principal.orgId, id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/deliveries/{seq}/redeliver',
      tags,
      middleware: [leads],
      request: { params: z.object({ seq: z.coerce.number().int().positive() }) },
      responses: { 200: ok('Queued again') },
    }),
    async (c) => {
      const { seq } = c.req.valid('param');
      const { database, clock } = c.var.services;
      const [row] = await database.db
        .update(outbox)
        .set({ deadAt: null, deliveredAt: null, attempts: 0, nextAttemptAt: clock() })
        .where(and(eq(outbox.orgId, c.var.principal.orgId), eq(outbox.seq, seq)))
        .returning({ seq: outbox.seq });
      if (!row) throw notFound('delivery', String(seq));
      return c.json({ seq, queued: true }, 200);
    },
  );
}
