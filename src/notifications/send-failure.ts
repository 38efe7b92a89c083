/**
 * A Slack message or e-mail Baton gave up on is said in the inbox of whoever can fix its address:
 * the person it was for (their own Slack address or e-mail), a team's lead (the team's channel),
 * or the admins (the weekly review's targets). Without this a broken address fails in silence:
 * nobody opens their settings to find out that nothing reached them for a week.
 */

/** The inbox kind of these notices: never sent by Slack or e-mail (the very thing that failed). */
export const sendFailedKind = 'send_failed';

/** Whom a given-up send concerns, as the outbox row says it. */
export type GivenUpFor = { type: 'person' } | { type: 'team'; teamName: string } | { type: 'review' };

export type GivenUpSend = {
  channel: 'slack' | 'email';
  target: string;
  attempts: number;
  error: string | null;
};

export type FailureNotice = { title: string; body: string; link: string | null };

const why = (s: GivenUpSend) =>
  `after ${s.attempts} ${s.attempts === 1 ? 'try' : 'tries'}${s.error ? `: ${s.error}` : ''}`;

/** The notice's words, and where it leads: the place its address is set (none: the person's settings). */
export function failureNotice(send: GivenUpSend, about: GivenUpFor): FailureNotice {
  if (about.type === 'team')
    return {
      title: `${about.teamName}’s Slack channel is not receiving Baton’s posts`,
      body: `A post was given up ${why(send)}. Check the channel’s address on the team’s card.`,
      link: '/people?view=teams',
    };
  if (about.type === 'review')
    return {
      title: `The weekly review could not be sent by ${send.channel === 'slack' ? 'Slack' : `e-mail to ${send.target}`}`,
      body: `It was given up ${why(send)}. Check where the review goes on the Reviews page.`,
      link: '/reviews',
    };
  return send.channel === 'slack'
    ? {
        title: 'Your Slack messages from Baton are not getting through',
        body: `A message was given up ${why(send)}. Check your Slack address in Notification settings.`,
        link: null,
      }
    : {
        title: `E-mail from Baton is not reaching ${send.target}`,
        body: `An e-mail was given up ${why(send)}. Check your address in Notification settings.`,
        link: null,
      };
}

/**
 * One notice per address, channel and day (UTC) however many sends to it die: the inbox's
 * once-per-event rule (person, event id) keeps the rest out. `targetKey` stands for the address
 * (a digest: a Slack address is a credential, and the event id is shown to the person).
 */
export const failureEventId = (channel: string, targetKey: string, at: Date) =>
  `send-failed:${channel}:${targetKey}:${at.toISOString().slice(0, 10)}`;
