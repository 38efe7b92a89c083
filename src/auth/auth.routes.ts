import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { App } from '../http/app.ts';
import { authenticate, sessionCookie, setSessionCookie } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { knownAddress } from '../http/rate-limit-guard.ts';
import { anyOrganisation } from '../orgs/orgs.queries.ts';
import { signIn, signOut } from './auth.commands.ts';
import { changeOwnPassword } from './password.commands.ts';
import { ownPasswordSchema } from './password.types.ts';
import { canResetByEmail } from './reset-mail.ts';
import { hashSecret } from './secrets.ts';
import { ssoOnAnywhere } from './single-sign-on.queries.ts';
import { loginSchema } from './two-step.types.ts';

/** A person's own password: after authentication (registered with the other routes). */
export function registerOwnPasswordRoute(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/me/password',
      tags: ['auth'],
      request: { body: json(ownPasswordSchema) },
      responses: {
        200: ok("Changed: `{changed, sessionsEnded}` (the person's other sessions end; this one stays)"),
        422: ok('wrong_password'),
      },
    }),
    async (c) => {
      const p = c.var.principal;
      if (!p.personId)
        throw new ApiError('forbidden', 'only a person has a password: this credential acts as nobody');
      const session = getCookie(c, sessionCookie);
      const ctx = {
        ...adminCtxOf(c),
        personId: p.personId,
        keepSessionHash: session ? hashSecret(session) : null,
      };
      return c.json(await changeOwnPassword(c.var.services.database.db, ctx, c.req.valid('json')), 200);
    },
  );
}

export function registerAuthRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['auth'],
      security: [],
      request: { body: json(loginSchema) },
      responses: {
        200: ok(
          'Signed in: a session cookie is set; `{person, expiresAt, twoStepSetupDue}`, `twoStepSetupDue` when the organisation requires two-step sign-in of this person and they have to set it up before anything else',
        ),
        401: ok(
          'invalid_credentials; two_step_required (the password is right: send `code` too); invalid_code; sso_required (the password is right, but the organisation signs this person in with single sign-on)',
        ),
      },
    }),
    async (c) => {
      const { email, password, code } = c.req.valid('json');
      const { database, clock } = c.var.services;
      const s = await signIn(
        database.db,
        email,
        password,
        clock(),
        {
          userAgent: c.req.header('user-agent'),
          clientAddress: knownAddress(c, c.var.services.config.trustProxy),
        },
        code,
      );
      setSessionCookie(c, s.session, s.expiresAt);
      return c.json(
        { person: s.person, expiresAt: s.expiresAt.toISOString(), twoStepSetupDue: s.twoStepSetupDue },
        200,
      );
    },
  );
  // The web app's boot asks this first: "not signed in" is an answer here, not a 401 that the
  // browser would log as a failed request on every visit to the sign-in page.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/session',
      tags: ['auth'],
      security: [],
      responses: {
        200: ok(
          '`{signedIn, passwordReset, twoStepSetupDue, signedOut?, singleSignOn?, setupNeeded?}`: whether the caller is signed in (never 401), whether a forgotten password can be reset by e-mail here, whether the signed-in person must set up two-step sign-in before anything else, `signedOut: {reason: "idle", message}` when this request found the session idle past the organisation’s limit and ended it, and, signed out, `singleSignOn: true` when some organisation here signs in with single sign-on (never which domains), and `setupNeeded: true` while this Baton has no organisation yet (`POST /setup`)',
        ),
      },
    }),
    async (c) => {
      const passwordReset = canResetByEmail(c.var.services.config);
      try {
        await authenticate(c, async () => undefined);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unauthenticated')
          return c.json(
            {
              signedIn: false,
              passwordReset,
              twoStepSetupDue: false,
              // The sign-in page offers single sign-on then; which domains stays unsaid.
              ...((await ssoOnAnywhere(c.var.services.database.db)) ? { singleSignOn: true } : {}),
              // A new Baton: the page leads to setting up the first organisation instead.
              ...((await anyOrganisation(c.var.services.database.db)) ? {} : { setupNeeded: true }),
              // This very request ended an idle session: the sign-in page says why.
              ...(error.details.reason === 'idle'
                ? { signedOut: { reason: 'idle', message: error.message } }
                : {}),
            },
            200,
          );
        throw error;
      }
      const twoStepSetupDue = c.var.principal.twoStepSetupDue === true;
      return c.json({ signedIn: true, passwordReset, twoStepSetupDue }, 200);
    },
  );
  app.post('/api/v1/auth/logout', async (c) => {
    const session = getCookie(c, sessionCookie);
    if (session) await signOut(c.var.services.database.db, session);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.json({ ok: true });
  });
}
