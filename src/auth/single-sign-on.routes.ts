import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { json, ok } from '../http/openapi.ts';
import { saveSsoSettings } from './single-sign-on.commands.ts';
import { ssoSettingsOf } from './single-sign-on.queries.ts';
import { redirectUriOf } from './single-sign-on.ts';
import { ssoSettingsSchema } from './single-sign-on.types.ts';

const tags = ['auth'];

/** The callback address to register at the identity provider, as this request sees Baton. */
export const redirectUriFor = (c: Context<AppEnv>) =>
  redirectUriOf(c.var.services.config.publicUrl, new URL(c.req.url).origin);

/** The settings as an admin reads them: whether a secret is stored, never the secret. */
async function ssoView(c: Context<AppEnv>) {
  const saved = await ssoSettingsOf(c.var.services.database.db, c.var.principal.orgId);
  return {
    enabled: saved?.enabled ?? false,
    issuer: saved?.issuer ?? null,
    clientId: saved?.clientId ?? null,
    clientSecretSet: Boolean(saved?.clientSecret),
    emailDomains: saved?.emailDomains ?? [],
    passwordSignIn: saved?.passwordSignIn ?? 'everyone',
    addPeopleAs: saved?.addPeopleAs ?? null,
    redirectUri: redirectUriFor(c),
  };
}

/** Single sign-on with the organisation's OpenID Connect identity provider (admins). */
export function registerSsoSettingsRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/single-sign-on',
      tags,
      middleware: [requireRole('admin')],
      responses: {
        200: ok(
          '`{enabled, issuer, clientId, clientSecretSet, emailDomains, passwordSignIn, addPeopleAs, redirectUri}`: the identity provider (null fields before one is saved), whether a client secret is stored (never the secret), the e-mail domains it signs in, who may still use a password (`everyone`, `admins_only`), the role someone unknown is added with on their first sign-in (null: refused), and the callback address to register at the provider (on `BATON_PUBLIC_URL` when set)',
        ),
      },
    }),
    async (c) => c.json(await ssoView(c), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/single-sign-on',
      tags,
      middleware: [requireRole('admin')],
      request: { body: json(ssoSettingsSchema) },
      responses: {
        200: ok(
          'Saved, answered as `GET` with `passwordSessionsEnded`: the password sessions ended because the rule no longer lets their people use a password (`admins_only`); in the admin change log (the secret only as changed)',
        ),
        409: ok('conflict: an e-mail domain is signed in by another organisation (`field`: `emailDomains`)'),
        422: ok("sso_discovery_failed: turning it on could not read the issuer's discovery document"),
      },
    }),
    async (c) => {
      const { database, config } = c.var.services;
      const saved = await saveSsoSettings(
        database.db,
        adminCtxOf(c),
        c.req.valid('json'),
        config.ssoAllowHttp,
      );
      return c.json({ ...(await ssoView(c)), ...saved }, 200);
    },
  );
}
