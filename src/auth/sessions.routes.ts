import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { App } from '../http/app.ts';
import { sessionCookie } from '../http/auth.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { ok } from '../http/openapi.ts';
import { hashSecret } from './secrets.ts';
import { endOtherSessions, endOwnSession } from './sessions.commands.ts';
import { listOwnSessions, type SessionOwner } from './sessions.queries.ts';

const tags = ['auth'];

/**
 * The caller's own sessions: a person, in their organisation, now; and the hash of the session the
 * request came with (none for an API token that acts as the person).
 */
function ownerOf(c: Context<AppEnv>): { owner: SessionOwner; currentHash: string | null } {
  const p = c.var.principal;
  if (!p.personId)
    throw new ApiError('forbidden', 'only a person has sessions: this credential acts as nobody');
  const cookie = p.via === 'session' ? getCookie(c, sessionCookie) : undefined;
  return {
    owner: { orgId: p.orgId, personId: p.personId, now: c.var.services.clock() },
    currentHash: cookie ? hashSecret(cookie) : null,
  };
}

/** "Your sessions": where a person is signed in, and signing out elsewhere (after authentication). */
export function registerOwnSessionRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me/sessions',
      tags,
      responses: {
        200: ok(
          "The caller's unexpired sessions, most recently active first: `{items: [{id, current, createdAt, lastSeenAt, expiresAt, userAgent, device, clientAddress, signedInWith}]}` (`signedInWith`: `password` or `sso`)",
        ),
      },
    }),
    async (c) => {
      const { owner, currentHash } = ownerOf(c);
      return c.json({ items: await listOwnSessions(c.var.services.database.db, owner, currentHash) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/me/sessions/{id}',
      tags,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: ok('Signed out: `{signedOut: 1}`; ending this very session clears its cookie too'),
        404: ok('not_found: no such session of the caller'),
      },
    }),
    async (c) => {
      const { owner, currentHash } = ownerOf(c);
      const ended = await endOwnSession(c.var.services.database.db, owner, c.req.valid('param').id);
      if (currentHash && ended.endedHashes.includes(currentHash))
        deleteCookie(c, sessionCookie, { path: '/' });
      return c.json({ signedOut: ended.signedOut }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/me/sessions/sign-out-others',
      tags,
      responses: {
        200: ok('`{signedOut}`: every other session of the caller ended; the one in use stays'),
      },
    }),
    async (c) => {
      const { owner, currentHash } = ownerOf(c);
      return c.json(await endOtherSessions(c.var.services.database.db, owner, currentHash), 200);
    },
  );
}
