import { createRoute, z } from '@hono/zod-openapi';
import { adminCtxOf } from '../admin/admin-changes.routes.ts';
import type { Config } from '../config.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { sendMail } from '../notifications/mail.ts';
import {
  issuePasswordResets,
  type PasswordLink,
  planPersonLink,
  resetPassword,
  storePersonLink,
} from './password-reset.commands.ts';
import { resetConfirmSchema, resetLinkMinutes, resetRequestSchema } from './password-reset.types.ts';
import { resetLink, resetMail } from './reset-mail.ts';

type Mailing = Pick<Config, 'smtpFrom'> & { smtpUrl: string; publicUrl: string };

/** The SMTP server and public address a link needs, or `password_reset_off` saying what to do instead. */
function mailing(config: Config, instead: string): Mailing {
  const { smtpUrl, publicUrl, smtpFrom } = config;
  if (!smtpUrl || !publicUrl) throw new ApiError('password_reset_off', instead);
  return { smtpUrl, publicUrl, smtpFrom };
}

const mailLink = (m: Mailing, link: PasswordLink, byAdmin = false) =>
  sendMail(m, { to: link.to, ...resetMail({ ...link, byAdmin, link: resetLink(m.publicUrl, link.token) }) });

/**
 * An admin e-mails one person a link to set their password (an invitation to someone who never had
 * one, a reset otherwise), instead of choosing a password for them (after authentication).
 */
export function registerPersonLinkRoute(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/people/{id}/password-link',
      tags: ['people'],
      middleware: [requireRole('admin')],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        202: ok(
          '`{sentTo, kind, expiresAt}`: the link is on its way (`invite`: a week, `reset`: 30 minutes); earlier links stop working',
        ),
        409: ok('password_reset_off, or conflict: the person has no access'),
      },
    }),
    async (c) => {
      const m = mailing(
        c.var.services.config,
        'this Baton sends no e-mail (BATON_SMTP_URL and BATON_PUBLIC_URL): set a password for them instead',
      );
      const { database, logger } = c.var.services;
      const ctx = adminCtxOf(c);
      const link = await planPersonLink(database.db, ctx, c.req.valid('param').id);
      // Sent before it is stored: an admin may wait for the SMTP server, and a message it refused
      // leaves the person's links (and the change log) as they were.
      await mailLink(m, link, true).catch((error) => {
        logger.warn({ err: error }, 'password link e-mail failed');
        throw new ApiError('email_failed', `the e-mail to ${link.to} could not be sent: try again later`);
      });
      await storePersonLink(database.db, ctx, link);
      return c.json({ sentTo: link.to, kind: link.kind, expiresAt: link.expiresAt.toISOString() }, 202);
    },
  );
}

/** A forgotten password, reset by a link sent to the person's address (before authentication). */
export function registerPasswordResetRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/password-reset',
      tags: ['auth'],
      security: [],
      request: { body: json(resetRequestSchema) },
      responses: {
        202: ok(
          '`{accepted, expiresInMinutes}`, whether or not anyone signs in with that address (a link is e-mailed if so)',
        ),
        409: ok('password_reset_off: this Baton sends no e-mail (BATON_SMTP_URL and BATON_PUBLIC_URL)'),
      },
    }),
    async (c) => {
      const { config, database, clock, logger } = c.var.services;
      const { smtpUrl, publicUrl } = mailing(
        config,
        'this Baton sends no e-mail: ask an admin of your organisation to set a new password for you',
      );
      const issued = await issuePasswordResets(database.db, c.req.valid('json').email, clock());
      // Sent after the answer: how long an SMTP server takes must not tell who has an account.
      for (const link of issued)
        void mailLink({ smtpUrl, publicUrl, smtpFrom: config.smtpFrom }, link).catch((error) =>
          logger.warn({ err: error }, 'password reset e-mail failed'),
        );
      return c.json({ accepted: true, expiresInMinutes: resetLinkMinutes }, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/password-reset/confirm',
      tags: ['auth'],
      security: [],
      request: { body: json(resetConfirmSchema) },
      responses: {
        200: ok(
          '`{reset, email, sessionsEnded}`: the new password is set and every session of the person ended',
        ),
        422: ok('invalid_reset_link'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(await resetPassword(database.db, c.req.valid('json'), clock()), 200);
    },
  );
}
