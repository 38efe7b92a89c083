import { resetLinkMinutes } from './password-reset.types.ts';

/** Whether this Baton can e-mail a reset link: it needs an SMTP server and its own public address. */
export const canResetByEmail = (config: { smtpUrl?: string; publicUrl?: string }) =>
  Boolean(config.smtpUrl && config.publicUrl);

/** Where the reset page lives: the token travels in the query, read by the web app's reset page. */
export const resetLink = (publicUrl: string, token: string) =>
  `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;

/** The e-mail that carries a reset link: who asked, for which organisation, until when, and what if it was not them. */
export function resetMail(input: { personName: string; organisation: string; link: string }) {
  const first = input.personName.split(' ')[0] || input.personName;
  return {
    subject: 'Set a new Baton password',
    text: [
      `Hello ${first},`,
      '',
      `Someone, hopefully you, asked to set a new password for your Baton account at ${input.organisation}.`,
      `Open this link within ${resetLinkMinutes} minutes to choose one:`,
      '',
      input.link,
      '',
      'The link works once. If you did not ask for it, ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}
