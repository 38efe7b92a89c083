import { and, eq } from 'drizzle-orm';
import type { Services } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { sendError } from '../integrations/send-error.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { postSlack, sendEmail } from './delivery.jobs.ts';
import { preferencesOf } from './notifications.queries.ts';
import { notificationTeamTargets } from './notifications.table.ts';
import type { TestSend } from './notifications.types.ts';
import { shownTarget } from './sends.ts';
import { testMessage } from './test-send.ts';

type Deps = Pick<Services, 'database' | 'config'>;

/** Sends now, outside the outbox (nothing is written), and says how it went and how long it took. */
async function tryNow(
  deps: Deps,
  channel: 'slack' | 'email',
  target: string,
  words: ReturnType<typeof testMessage>,
): Promise<TestSend> {
  if (channel === 'email' && !deps.config.smtpUrl)
    throw new ApiError('email_off', 'this Baton has no SMTP server: set BATON_SMTP_URL');
  const started = performance.now();
  let error: string | null = null;
  try {
    if (channel === 'slack') await postSlack(target, words, deps.config);
    else await sendEmail(target, words, deps.config);
  } catch (e) {
    error = sendError(e);
  }
  return {
    delivered: error === null,
    error,
    ms: Math.round(performance.now() - started),
    to: shownTarget(channel, target),
  };
}

/**
 * A test message to the person's own saved Slack address or e-mail, sent now: whoever sets up where
 * their notifications go sees at once whether it works, rather than at the next mention.
 */
export async function sendPersonTest(deps: Deps, personId: string, channel: 'slack' | 'email') {
  const db = deps.database.db;
  const prefs = await preferencesOf(db, personId);
  const target = channel === 'slack' ? prefs.slackUrl : prefs.email;
  if (!target)
    throw new ApiError(
      'no_address',
      `no ${channel === 'slack' ? 'Slack address' : 'e-mail address'} is saved`,
      {
        field: channel === 'slack' ? 'slackUrl' : 'email',
      },
    );
  const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  return tryNow(deps, channel, target, testMessage({ type: 'person', name: person?.name ?? null }));
}

/** A test post to a team's own Slack channel (leads), as its mentions are posted. */
export async function sendTeamTest(deps: Deps, orgId: string, teamKey: string) {
  const [team] = await deps.database.db
    .select({ name: teams.name, slackUrl: notificationTeamTargets.slackUrl })
    .from(teams)
    .leftJoin(notificationTeamTargets, eq(notificationTeamTargets.teamId, teams.id))
    .where(and(eq(teams.orgId, orgId), eq(teams.key, teamKey)));
  if (!team) throw notFound('team', teamKey);
  if (!team.slackUrl)
    throw new ApiError('no_address', `${team.name} has no Slack channel`, { field: 'slackUrl' });
  return tryNow(deps, 'slack', team.slackUrl, testMessage({ type: 'team', name: team.name }));
}
