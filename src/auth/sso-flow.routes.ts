import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { App } from '../http/app.ts';
import { setSessionCookie } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { knownAddress } from '../http/rate-limit-guard.ts';
import { samlAcsPath, samlMetadataPath, serviceProviderMetadata } from './saml.ts';
import { redirectUriFor, serviceProviderFor } from './single-sign-on.routes.ts';
import { attemptMinutes, callbackPath, type SsoFailure, signInPageWith } from './single-sign-on.ts';
import { samlResponseForm, ssoCallbackQuery, ssoStartQuery } from './single-sign-on.types.ts';
import { acceptSamlResponse, finishSsoSignIn, SsoRefusal, startSsoSignIn } from './sso-flow.commands.ts';

const tags = ['auth'];

/** Binds a started sign-in to the browser that started it: it holds the state, for the callback only. */
const stateCookie = 'baton_sso_state';

/** What an identity provider's error may say, for the log: never a token or a response body. */
function forLog(detail: unknown) {
  if (!(detail instanceof Error)) return detail;
  const e = detail as Error & {
    code?: unknown;
    error?: unknown;
    error_description?: unknown;
    status?: unknown;
  };
  return {
    name: e.name,
    message: e.message,
    code: e.code,
    error: e.error,
    description: e.error_description,
    status: e.status,
  };
}

/** Back to the sign-in page with the failure in words there; the reason goes to the server log. */
function refused(c: Context<AppEnv>, error: unknown, status: 302 | 303 = 302) {
  if (!(error instanceof SsoRefusal)) throw error;
  c.var.log.warn(
    { code: error.code, reason: error.message, detail: forLog(error.detail) },
    'single sign-on refused',
  );
  return c.redirect(signInPageWith(error.code as SsoFailure), status);
}

/**
 * Signing in with the organisation's identity provider (OpenID Connect or SAML 2.0), before
 * authentication. The routes are navigated to by the browser and answer with redirects, failures
 * included (`/sign-in?sso_error=<code>`), never with JSON; SAML's metadata is XML.
 */
export function registerSsoFlowRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/sso/start',
      tags,
      security: [],
      request: { query: ssoStartQuery },
      responses: {
        302: {
          description:
            "To the identity provider of the organisation whose single sign-on claims the address's domain (or of the organisation `org` names: the link for an identity provider's app tile) (the sign-in is kept for 10 minutes, bound to this browser by a cookie); to `/sign-in?sso_error=sso_not_configured` when none does (a bad address too), `sso_failed` when the provider cannot be reached, `sso_rate_limited` (with `Retry-After`) past `BATON_SSO_LIMIT_ADDRESS` starts a minute from one client address",
        },
      },
    }),
    async (c) => {
      const { database, clock, config } = c.var.services;
      try {
        const { url, state } = await startSsoSignIn(database.db, c.req.valid('query'), {
          now: clock(),
          redirectUri: redirectUriFor(c),
          allowHttp: config.ssoAllowHttp,
          sp: serviceProviderFor(c),
        });
        setCookie(c, stateCookie, state, {
          httpOnly: true,
          sameSite: 'Lax',
          path: callbackPath,
          maxAge: attemptMinutes * 60,
          // Sent back over https only when the callback is https (plain http on a developer's machine).
          secure: redirectUriFor(c).startsWith('https:'),
        });
        return c.redirect(url.href, 302);
      } catch (error) {
        return refused(c, error);
      }
    },
    (result, c) => {
      if (!result.success) return c.redirect(signInPageWith('sso_not_configured'), 302);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: callbackPath,
      tags,
      security: [],
      request: { query: ssoCallbackQuery },
      responses: {
        302: {
          description:
            'Where the identity provider sends the browser back: signed in (the session cookie of `POST /auth/login`), to the path given to `start` (default `/`); otherwise to `/sign-in?sso_error=` `sso_state_invalid` (unknown, used, expired, or started in another browser), `sso_email_unverified`, `sso_no_account` (no active person with that address, and the organisation adds nobody on a first sign-in, or a deactivated one), `sso_failed` (the provider refused, or its answer failed the checks: details in the server log) or `sso_not_configured` (turned off meanwhile)',
        },
      },
    }),
    async (c) => {
      const { database, clock, config } = c.var.services;
      const redirectUri = redirectUriFor(c);
      const callbackUrl = new URL(redirectUri);
      callbackUrl.search = new URL(c.req.url).search;
      const browserState = getCookie(c, stateCookie);
      deleteCookie(c, stateCookie, { path: callbackPath });
      try {
        const s = await finishSsoSignIn(database.db, c.req.valid('query'), browserState, {
          now: clock(),
          redirectUri,
          allowHttp: config.ssoAllowHttp,
          sp: serviceProviderFor(c),
          callbackUrl,
          client: {
            userAgent: c.req.header('user-agent'),
            clientAddress: knownAddress(c, config.trustProxy),
          },
        });
        setSessionCookie(c, s.session, s.expiresAt);
        c.var.log.info({ orgId: s.orgId, personId: s.person.id }, 'signed in with single sign-on');
        return c.redirect(s.next, 302);
      } catch (error) {
        return refused(c, error);
      }
    },
    (result, c) => {
      if (!result.success) return c.redirect(signInPageWith('sso_failed'), 302);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: samlAcsPath,
      tags,
      security: [],
      request: {
        body: {
          content: { 'application/x-www-form-urlencoded': { schema: samlResponseForm } },
          required: true,
        },
      },
      responses: {
        303: {
          description:
            "SAML's Assertion Consumer Service, where the identity provider posts its response through the browser (`SAMLResponse`, `RelayState`): checked (signature by the organisation's certificate, issuer, audience, validity, the request it answers), the browser goes on to the callback (`/api/v1/auth/sso/callback?state=…`), which signs in as for OpenID Connect. Otherwise to `/sign-in?sso_error=` `sso_unsolicited` (no RelayState: a sign-in started at the provider), `sso_state_invalid` (unknown, used or expired), `sso_failed` (the response failed a check: details in the server log), `sso_no_account` (it gives no e-mail address) or `sso_not_configured`",
        },
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      try {
        const { state } = await acceptSamlResponse(database.db, c.req.valid('form'), {
          now: clock(),
          sp: serviceProviderFor(c),
        });
        // A GET of Baton's own: the browser sends the SameSite=Lax cookie that binds the sign-in.
        return c.redirect(`${callbackPath}?state=${encodeURIComponent(state)}`, 303);
      } catch (error) {
        return refused(c, error, 303);
      }
    },
    (result, c) => {
      if (!result.success) return c.redirect(signInPageWith('sso_failed'), 303);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: samlMetadataPath,
      tags,
      security: [],
      responses: {
        200: {
          description:
            "Baton's SAML service provider metadata, to import at the identity provider: its entity ID (this address), the Assertion Consumer Service (HTTP-POST) and the NameID it asks for (the e-mail address). On `BATON_PUBLIC_URL` when set",
          content: { 'application/samlmetadata+xml': { schema: { type: 'string' } } },
        },
      },
    }),
    (c) =>
      c.body(serviceProviderMetadata(serviceProviderFor(c)), 200, {
        'content-type': 'application/samlmetadata+xml; charset=utf-8',
      }),
  );
}
