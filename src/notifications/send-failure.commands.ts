import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { reviewTargets } from '../analytics/review-targets.queries.ts';
import type { Db } from '../db/database.ts';
import { teams } from '../teams/teams.table.ts';
import { adminsOf, putNotice } from './notice.commands.ts';
import { preferencesOf } from './notifications.queries.ts';
import { notifications, notificationTeamTargets } from './notifications.table.ts';
import {
  failureEventId,
  failureNotice,
  type GivenUpFor,
  type GivenUpSend,
  sendFailedKind,
} from './send-failure.ts';

/** A send just given up, with what says whom it concerns. */
export type GivenUpRow = GivenUpSend & {
  orgId: string;
  notificationId: string | null;
  teamId: string | null;
  kind: string;
};

const digest = (target: string) => createHash('sha256').update(target).digest('hex').slice(0, 16);

/**
 * Who can fix the address of each send, and what the send concerned; none when the address is no
 * longer the one in use (a person who has changed theirs since is not told the old one fails).
 */
async function readersOf(db: Db, row: GivenUpRow): Promise<{ ids: string[]; about: GivenUpFor } | null> {
  if (row.notificationId) {
    const [mine] = await db
      .select({ personId: notifications.personId })
      .from(notifications)
      .where(eq(notifications.id, row.notificationId));
    if (!mine) return null;
    const now = await preferencesOf(db, mine.personId);
    const current = row.channel === 'slack' ? now.slackUrl : now.email;
    return current === row.target ? { ids: [mine.personId], about: { type: 'person' } } : null;
  }
  if (row.teamId) {
    const [team] = await db
      .select({ leadId: teams.leadId, name: teams.name, slackUrl: notificationTeamTargets.slackUrl })
      .from(teams)
      .innerJoin(notificationTeamTargets, eq(notificationTeamTargets.teamId, teams.id))
      .where(eq(teams.id, row.teamId));
    return team?.slackUrl === row.target
      ? { ids: [team.leadId], about: { type: 'team', teamName: team.name } }
      : null;
  }
  if (row.kind !== 'weekly_review') return null;
  const targets = await reviewTargets(db, row.orgId);
  if (targets.slackUrl !== row.target && !targets.emails.includes(row.target)) return null;
  return { ids: await adminsOf(db, row.orgId), about: { type: 'review' } };
}

/**
 * Puts a notice of each send given up in the inbox of whoever can fix its address, once per address,
 * channel and day. In-app only: it is never itself sent by the channel that failed.
 */
export async function tellOfGivenUpSends(db: Db, rows: GivenUpRow[], now: Date): Promise<number> {
  let told = 0;
  for (const row of rows) {
    const readers = await readersOf(db, row);
    if (!readers) continue;
    const notice = failureNotice(row, readers.about);
    told += await putNotice(
      db,
      readers.ids,
      {
        orgId: row.orgId,
        kind: sendFailedKind,
        eventId: failureEventId(row.channel, digest(row.target), now),
        ...notice,
      },
      now,
    );
  }
  return told;
}
