import { createRoute } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { ApiError } from '../http/errors.ts';
import { json, ok } from '../http/openapi.ts';
import { sendMail } from '../notifications/mail.ts';
import { issuePasswordResets, resetPassword } from './password-reset.commands.ts';
import { resetConfirmSchema, resetLinkMinutes, resetRequestSchema } from './password-reset.types.ts';
import { resetLink, resetMail } from './reset-mail.ts';

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
      const { smtpUrl, publicUrl } = config;
      if (!smtpUrl || !publicUrl)
        throw new ApiError(
          'password_reset_off',
          'this Baton sends no e-mail: ask an admin of your organisation to set a new password for you',
        );
      const issued = await issuePasswordResets(database.db, c.req.valid('json').email, clock());
      // Sent after the answer: how long an SMTP server takes must not tell who has an account.
      for (const reset of issued) {
        const mail = resetMail({ ...reset, link: resetLink(publicUrl, reset.token) });
        void sendMail({ smtpUrl, smtpFrom: config.smtpFrom }, { to: reset.to, ...mail }).catch((error) =>
          logger.warn({ err: error }, 'password reset e-mail failed'),
        );
      }
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
