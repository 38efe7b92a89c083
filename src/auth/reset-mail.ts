import { inviteLinkMinutes, resetLinkMinutes } from './password-reset.types.ts';

/** Whether this Baton can e-mail a reset link: it needs an SMTP server and its own public address. */
export const canResetByEmail = (config: { smtpUrl?: string; publicUrl?: string }) =>
  Boolean(config.smtpUrl && config.publicUrl);

/** Where the reset page lives: the token travels in the query, read by the web app's reset page. */
export const resetLink = (publicUrl: string, token: string) =>
  `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;

/** How long a link works, in words: "30 minutes", "7 days". */
export function lifetimeInWords(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/**
 * The e-mail that carries a link to set a password: a reset (someone asked; what if it was not
 * them) or an invitation (an admin added them; which address to sign in with).
 */
export function resetMail(input: {
  personName: string;
  organisation: string;
  link: string;
  to: string;
  kind: 'invite' | 'reset';
  /** An admin sent it, rather than the person asking from the sign-in page. */
  byAdmin?: boolean;
}) {
  const first = input.personName.split(' ')[0] || input.personName;
  if (input.kind === 'invite')
    return {
      subject: `Your Baton account at ${input.organisation}`,
      text: [
        `Hello ${first},`,
        '',
        `You have a Baton account at ${input.organisation}, where a case handed from one team to another carries its whole story.`,
        `Open this link within ${lifetimeInWords(inviteLinkMinutes)} to choose your password:`,
        '',
        input.link,
        '',
        `Then sign in with ${input.to}. The link works once.`,
      ].join('\n'),
    };
  return {
    subject: 'Set a new Baton password',
    text: [
      `Hello ${first},`,
      '',
      input.byAdmin
        ? `An admin of ${input.organisation} sent you this link to set a new password for your Baton account.`
        : `Someone, hopefully you, asked to set a new password for your Baton account at ${input.organisation}.`,
      `Open this link within ${lifetimeInWords(resetLinkMinutes)} to choose one:`,
      '',
      input.link,
      '',
      input.byAdmin
        ? 'The link works once. Until you use it, your password stays as it is.'
        : 'The link works once. If you did not ask for it, ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}
