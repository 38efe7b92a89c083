import { createRoute } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { Queryable } from '../db/database.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { saveSignInSettings } from './sign-in-settings.commands.ts';
import { peopleWithoutTwoStep, signInSettingsOf } from './sign-in-settings.queries.ts';
import { signInSettingsSchema } from './sign-in-settings.types.ts';
import { requiredFor } from './two-step-policy.ts';

const tags = ['auth'];

/** The setting, and who has no second step (each with whether the setting stops them now). */
async function signInView(db: Queryable, orgId: string) {
  const { twoStepRequired, sessionIdleMinutes } = await signInSettingsOf(db, orgId);
  const without = await peopleWithoutTwoStep(db, orgId);
  return {
    twoStepRequired,
    sessionIdleMinutes,
    withoutTwoStep: without.map((p) => ({ ...p, setupDue: requiredFor(twoStepRequired, p.roles) })),
  };
}

/**
 * Sign-in security: whether the organisation requires two-step sign-in, of admins or of everyone, and
 * when an idle session ends.
 */
export function registerSignInSettingsRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/sign-in',
      tags,
      // Who has no second step is an attacker's shortlist: admins only, as on `GET /people`.
      middleware: [requireRole('admin')],
      responses: {
        200: ok(
          '`{twoStepRequired, sessionIdleMinutes, withoutTwoStep}`: who must sign in in two steps (`nobody`, `admins`, `everyone`), the minutes without a request after which a signed-in session ends (null: none; a session lasts 14 days at most), and the active people who have not turned it on (`{id, name, email, roles, setupDue}`, `setupDue` when the setting stops them until they do)',
        ),
      },
    }),
    async (c) => c.json(await signInView(c.var.services.database.db, c.var.principal.orgId), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/sign-in',
      tags,
      middleware: [requireRole('admin')],
      request: { body: json(signInSettingsSchema) },
      responses: {
        200: ok(
          'Saved, answered as `GET`: the people it covers without two-step sign-in are asked to set it up at their next request',
        ),
        409: ok('own_two_step_off'),
      },
    }),
    async (c) => {
      const db = c.var.services.database.db;
      await saveSignInSettings(db, adminCtxOf(c), c.req.valid('json'));
      return c.json(await signInView(db, c.var.principal.orgId), 200);
    },
  );
}
