import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import {
  disableOwnTwoStep,
  disableTwoStepOf,
  enableTwoStep,
  type OwnCtx,
  setUpTwoStep,
  twoStepStatus,
} from './two-step.commands.ts';
import { disableTwoStepSchema, enableTwoStepSchema } from './two-step.types.ts';

const tags = ['auth'];

function ownCtx(c: Context<AppEnv>): OwnCtx {
  const p = c.var.principal;
  if (!p.personId) throw new ApiError('forbidden', 'only a person signs in: this credential acts as nobody');
  return { ...adminCtxOf(c), personId: p.personId };
}

/** Two-step sign-in with an authenticator app: the person's own, and an admin's way to turn it off. */
export function registerTwoStepRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me/two-step',
      tags,
      responses: { 200: ok("`{enabled, enabledAt, recoveryCodesLeft}`: the caller's two-step sign-in") },
    }),
    async (c) => {
      const ctx = ownCtx(c);
      return c.json(await twoStepStatus(c.var.services.database.db, ctx.orgId, ctx.personId), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/me/two-step/setup',
      tags,
      responses: {
        200: ok(
          '`{secret, uri}`: a new secret (base32) and its `otpauth://` address for the authenticator app; it replaces one set up before. Nothing is on until `enable`.',
        ),
        409: ok('two_step_on'),
      },
    }),
    async (c) => c.json(await setUpTwoStep(c.var.services.database.db, ownCtx(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/me/two-step/enable',
      tags,
      request: { body: json(enableTwoStepSchema) },
      responses: {
        200: ok('`{enabled: true, recoveryCodes}`: on; the 10 one-time recovery codes are shown this once'),
        409: ok('two_step_not_set_up, two_step_on'),
        422: ok('wrong_code'),
      },
    }),
    async (c) =>
      c.json(await enableTwoStep(c.var.services.database.db, ownCtx(c), c.req.valid('json').code), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/me/two-step/disable',
      tags,
      request: { body: json(disableTwoStepSchema) },
      responses: {
        200: ok('`{enabled: false}`: off, the recovery codes gone'),
        422: ok('wrong_password'),
      },
    }),
    async (c) =>
      c.json(
        await disableOwnTwoStep(c.var.services.database.db, ownCtx(c), c.req.valid('json').password),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people/{id}/two-step/disable',
      tags: ['teams'],
      middleware: [requireRole('admin')],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 200: ok('`{enabled: false}`: the person signs in with their password alone') },
    }),
    async (c) =>
      c.json(await disableTwoStepOf(c.var.services.database.db, adminCtxOf(c), c.req.valid('param').id), 200),
  );
}
