import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { startSession } from '../auth/auth.commands.ts';
import type { App } from '../http/app.ts';
import { setSessionCookie } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { knownAddress } from '../http/rate-limit-guard.ts';
import { anyOrganisation } from './orgs.queries.ts';
import { createNewOrganisation } from './setup.commands.ts';
import { organisationSetupSchema } from './setup.types.ts';

const tags = ['setup'];

// Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first wrong byte.
const digest = (s: string) => createHash('sha256').update(s).digest();
const sameToken = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** A new Baton's first organisation, made from the web (before authentication). */
export function registerSetupRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/setup',
      tags,
      security: [],
      responses: {
        200: ok(
          '`{needed}`: true while this Baton has no organisation (the web app then offers to set one up with the link in the server log)',
        ),
      },
    }),
    async (c) => c.json({ needed: !(await anyOrganisation(c.var.services.database.db)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/setup',
      tags,
      security: [],
      request: { body: json(organisationSetupSchema) },
      responses: {
        201: ok(
          "`{organisation: {id, slug, name, timezone}, admin: {id, name, email}, teams, scenarios}`: the organisation, its admin (now signed in: the answer sets the session cookie), the starter teams' keys and the scenarios saved for them",
        ),
        403: ok('setup_token_invalid: not the token of the setup link in the server log'),
        409: ok('already_set_up: this Baton has an organisation; conflict: the slug is taken'),
      },
    }),
    async (c) => {
      const { database, clock, config, logger } = c.var.services;
      const { setupToken, ...input } = c.req.valid('json');
      // Once an organisation exists the token opens nothing: say so before judging the token.
      if (await anyOrganisation(database.db))
        throw new ApiError('already_set_up', 'this Baton has an organisation already: sign in instead');
      if (!sameToken(setupToken, config.setupToken))
        throw new ApiError(
          'setup_token_invalid',
          'that is not the setup token: open the setup link the server wrote to its log when it started',
          { field: 'setupToken' },
        );
      const now = clock();
      const made = await createNewOrganisation(database.db, input, now, { first: true });
      logger.info({ organisation: made.organisation.slug }, 'organisation set up');
      const session = await startSession(
        database.db,
        { ...made.admin, orgId: made.organisation.id, roles: ['admin'], totpSecret: null },
        now,
        { userAgent: c.req.header('user-agent'), clientAddress: knownAddress(c, config.trustProxy) },
        'password',
      );
      setSessionCookie(c, session.session, session.expiresAt);
      return c.json(made, 201);
    },
  );
}
