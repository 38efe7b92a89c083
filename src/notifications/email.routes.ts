import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { canResetByEmail } from '../auth/reset-mail.ts';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { scrub } from '../http/log-redaction.ts';
import { json, ok } from '../http/openapi.ts';
import { people } from '../people/people.table.ts';
import { sendMail } from './mail.ts';

const tags = ['notifications'];

/** The SMTP server as an admin may see it: scheme, host and port, never its credentials. */
export function smtpServerOf(url: string): { server: string; authenticated: boolean } {
  try {
    const u = new URL(url);
    return { server: `${u.protocol}//${u.host}`, authenticated: Boolean(u.username) };
  } catch {
    return { server: 'an address that is not a URL', authenticated: false };
  }
}

const testSchema = z.object({
  to: z
    .email('an e-mail address')
    .max(300)
    .optional()
    .describe('Where to send it; the caller’s own address by default'),
});

/**
 * E-mail as admins check it: whether Baton sends any (notifications, reset links, invitations),
 * through which server, and a test message that says what the server answered.
 */
export function registerEmailRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications/email',
      tags,
      middleware: [requireRole('admin')],
      responses: {
        200: ok('`{configured, server, authenticated, from, publicUrl, passwordReset}` (never a credential)'),
      },
    }),
    (c) => {
      const { smtpUrl, smtpFrom, publicUrl } = c.var.services.config;
      const smtp = smtpUrl ? smtpServerOf(smtpUrl) : { server: null, authenticated: false };
      return c.json(
        {
          configured: Boolean(smtpUrl),
          ...smtp,
          from: smtpFrom,
          publicUrl: publicUrl ?? null,
          passwordReset: canResetByEmail(c.var.services.config),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/email/test',
      tags,
      middleware: [requireRole('admin')],
      request: { body: json(testSchema) },
      responses: {
        200: ok('`{sentTo}`: the SMTP server took the message'),
        409: ok('email_off: no SMTP server is set'),
        503: ok('email_failed: what the SMTP server answered'),
      },
    }),
    async (c) => {
      const { config, database, logger } = c.var.services;
      const { smtpUrl, smtpFrom } = config;
      if (!smtpUrl) throw new ApiError('email_off', 'this Baton has no SMTP server: set BATON_SMTP_URL');
      let to = c.req.valid('json').to;
      if (!to && c.var.principal.personId) {
        const [me] = await database.db
          .select({ email: people.email })
          .from(people)
          .where(eq(people.id, c.var.principal.personId));
        to = me?.email;
      }
      if (!to)
        throw new ApiError('validation_failed', 'to: give an address (this credential is no person)', {
          field: 'to',
          issues: [{ field: 'to', message: 'give an address (this credential is no person)' }],
        });
      try {
        await sendMail(
          { smtpUrl, smtpFrom },
          {
            to,
            subject: 'Baton test e-mail',
            text: 'Baton can send e-mail: notifications, password reset links and invitations will reach your team.',
          },
        );
      } catch (error) {
        logger.warn({ err: error }, 'test e-mail failed');
        const reason = scrub(error instanceof Error ? error.message : String(error));
        throw new ApiError('email_failed', `the SMTP server did not take the message: ${reason}`, {
          server: smtpServerOf(smtpUrl).server,
        });
      }
      return c.json({ sentTo: to }, 200);
    },
  );
}
