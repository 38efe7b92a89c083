import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { json, ok } from '../http/openapi.ts';
import { showGettingStarted } from './getting-started.commands.ts';
import { gettingStartedFacts, gettingStartedShown } from './getting-started.queries.ts';
import { gettingStarted } from './getting-started.ts';
import { gettingStartedChoice } from './getting-started.types.ts';

const tags = ['organisation'];

async function guideView(c: Context<AppEnv>) {
  const { database, clock, config } = c.var.services;
  const { orgId } = c.var.principal;
  // Invitations and notifications carry links: they need the public address as well as SMTP.
  const mails = Boolean(config.smtpUrl && config.publicUrl);
  const facts = await gettingStartedFacts(database.db, orgId, clock(), mails);
  return { shown: await gettingStartedShown(database.db, orgId), ...gettingStarted(facts), facts };
}

const answer =
  '`{shown, steps: [{step, done}], done, total, next, facts}`: whether admins see the guide (an organisation set up new, until put away), each step (`people`, `teams`, `sign_in`, `email`, `helpdesk`, `first_handoff`) done or not, the first one not done, and what they are judged on (`facts`: `activePeople`, `teamsWithoutMembers` by name, `peopleWithoutWayIn` as `{id, name}`, `emailConfigured`, `helpdeskConnected`, `handoffSent`), read now';

/** The getting-started guide of an organisation set up new (admins). */
export function registerGettingStartedRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/getting-started',
      tags,
      middleware: [requireRole('admin')],
      responses: { 200: ok(answer) },
    }),
    async (c) => c.json(await guideView(c), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/getting-started',
      tags,
      middleware: [requireRole('admin')],
      request: { body: json(gettingStartedChoice) },
      responses: { 200: ok(`Put away (\`shown: false\`) or shown again; answered as \`GET\`. ${answer}`) },
    }),
    async (c) => {
      await showGettingStarted(c.var.services.database.db, c.var.principal.orgId, c.req.valid('json').shown);
      return c.json(await guideView(c), 200);
    },
  );
}
