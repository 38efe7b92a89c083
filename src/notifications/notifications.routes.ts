import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { hasRole, requireRole, roleRefused } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { assertPublicTarget } from '../integrations/delivery.jobs.ts';
import { markAllRead, markRead, savePreferences, setTeamTarget } from './notifications.commands.ts';
import { lastSendsOf, listNotifications, preferencesOf, teamTargetsOf } from './notifications.queries.ts';
import {
  listNotificationsQuery,
  listSendsQuery,
  preferencesSchema,
  teamTargetSchema,
  testSendSchema,
} from './notifications.types.ts';
import { queueSendAgain } from './sends.commands.ts';
import { listSends, sendCountsOf, sendScopeOf } from './sends.queries.ts';
import { sendPersonTest, sendTeamTest } from './test-send.commands.ts';

const tags = ['notifications'];

/** Notifications belong to a person: an admin token without one has no inbox. */
function personOf(c: Context<AppEnv>): string {
  const id = c.var.principal.personId;
  if (!id)
    throw new ApiError('forbidden', 'notifications belong to a person: use a person’s token or session');
  return id;
}

async function refusePrivate(url: string | null | undefined, allowPrivate: boolean) {
  if (!url) return;
  try {
    await assertPublicTarget(url, allowPrivate);
  } catch (error) {
    throw new ApiError('webhook_target_refused', (error as Error).message, { field: 'slackUrl' });
  }
}

/**
 * A person's preferences as they apply, with what they need to trust them: whether this Baton sends
 * e-mail at all (`emailOn`), and how the last Slack and e-mail sends went (`lastSends`).
 */
async function preferencesAnswer(c: Context<AppEnv>, personId: string) {
  const { database, config } = c.var.services;
  const preferences = await preferencesOf(database.db, personId);
  return {
    ...preferences,
    emailOn: Boolean(config.smtpUrl),
    lastSends: await lastSendsOf(database.db, personId, preferences),
  };
}

export function registerNotificationRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications',
      tags,
      request: { query: listNotificationsQuery },
      responses: { 200: ok('The caller’s inbox, newest first, and its unread count') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const inbox = await listNotifications(c.var.services.database.db, personOf(c), {
        unread: q.unread === 'true',
        limit: q.limit,
      });
      return c.json(inbox, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/{id}/read',
      tags,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 200: ok('Marked read') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await markRead(database.db, c.var.principal.orgId, personOf(c), c.req.valid('param').id, clock()),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/read-all',
      tags,
      responses: { 200: ok('How many were marked read') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        { marked: await markAllRead(database.db, c.var.principal.orgId, personOf(c), clock()) },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications/preferences',
      tags,
      responses: {
        200: ok(
          'The caller’s channels per kind, quiet hours and addresses; `emailOn` (this Baton has an SMTP server) and `lastSends` (`{slack, email}`: the newest tried send of each, `{state: delivered|retrying|failed, at, error, attempts}`, or null)',
        ),
      },
    }),
    async (c) => c.json(await preferencesAnswer(c, personOf(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/notifications/preferences',
      tags,
      request: { body: { content: { 'application/json': { schema: preferencesSchema } }, required: true } },
      responses: { 200: ok('The preferences as they now apply') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { database, config, clock } = c.var.services;
      const personId = personOf(c);
      await refusePrivate(input.slackUrl, config.webhookAllowPrivate);
      await savePreferences(database.db, c.var.principal.orgId, personId, input, clock());
      return c.json(await preferencesAnswer(c, personId), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications/teams',
      tags,
      middleware: [requireRole('lead')],
      responses: {
        200: ok(
          '`{items: [{team, name, slackUrl, lastPost}]}`: every team and its Slack channel (null: none), by name; `lastPost` is how the newest post tried to that channel went (`{state: delivered|retrying|failed, at, error, attempts}`; null before one)',
        ),
      },
    }),
    async (c) => {
      const items = await teamTargetsOf(c.var.services.database.db, c.var.principal.orgId);
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/notifications/teams/{key}',
      tags,
      middleware: [requireRole('lead')],
      request: {
        params: z.object({ key: z.string().min(1).max(100) }),
        body: { content: { 'application/json': { schema: teamTargetSchema } }, required: true },
      },
      responses: { 200: ok('The team’s Slack channel') },
    }),
    async (c) => {
      const { slackUrl } = c.req.valid('json');
      const { database, config } = c.var.services;
      await refusePrivate(slackUrl, config.webhookAllowPrivate);
      const { key } = c.req.valid('param');
      return c.json(await setTeamTarget(database.db, adminCtxOf(c), key, slackUrl), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications/sends',
      tags,
      request: { query: listSendsQuery },
      responses: {
        200: ok(
          "`{items, nextBefore, counts}`: the organisation's Slack and e-mail sends, newest first (`state`: `pending`, `retrying`, `delivered` or `failed`; `to`: a person `{type: person, personId, name}`, a team `{type: team, team, name}` or the weekly review's targets `{type: review}`; a Slack address shortened to its host and last four characters, as it is a credential), the cursor to the next page (`before`), and `counts` `{pending, retrying, failed, deliveredLastDay}` of the same sends. `team` (a key) keeps to the posts to a team's channel and the sends to its members; `person` (an id), to one person's; not both. For leads and admins; anyone may read their own (`person` set to themselves)",
        ),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const q = c.req.valid('query');
      const principal = c.var.principal;
      // A person may read their own sends ("did my Slack message go?"); everyone's are for leads.
      if (!hasRole(principal, 'lead') && !(q.person && q.person === principal.personId))
        throw roleRefused(['lead'], '`person` set to yourself');
      const scope = await sendScopeOf(database.db, principal.orgId, q);
      const page = await listSends(database.db, scope, q);
      return c.json({ ...page, counts: await sendCountsOf(database.db, scope, clock()) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/sends/{seq}/resend',
      tags,
      middleware: [requireRole('lead')],
      request: { params: z.object({ seq: z.coerce.number().int().positive() }) },
      responses: {
        200: ok(
          '`{seq, queued: true}`: a send given up, or still being retried, is tried again now from its first try, to the address it was queued for; a delivered one is refused (`conflict`)',
        ),
      },
    }),
    async (c) => {
      const { seq } = c.req.valid('param');
      const { database, clock } = c.var.services;
      await queueSendAgain(database.db, c.var.principal.orgId, seq, clock());
      return c.json({ seq, queued: true }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/preferences/test',
      tags,
      request: { body: { content: { 'application/json': { schema: testSendSchema } }, required: true } },
      responses: {
        200: ok(
          '`{delivered, error, ms, to}`: a test message sent now to the saved Slack address or e-mail of the caller (`channel`), and how it went; nothing is kept. No saved address: `no_address`; e-mail without a mail server: `email_off`',
        ),
      },
    }),
    async (c) => {
      const { channel } = c.req.valid('json');
      return c.json(await sendPersonTest(c.var.services, personOf(c), channel), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/teams/{key}/test',
      tags,
      middleware: [requireRole('lead')],
      request: { params: z.object({ key: z.string().min(1).max(100) }) },
      responses: {
        200: ok(
          "`{delivered, error, ms, to}`: a test post to the team's Slack channel now, and how it went; nothing is kept. No channel: `no_address`",
        ),
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      return c.json(await sendTeamTest(c.var.services, c.var.principal.orgId, key), 200);
    },
  );
}
