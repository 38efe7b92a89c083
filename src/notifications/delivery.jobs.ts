import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Services } from '../http/context.ts';
import { assertPublicTarget } from '../integrations/delivery.jobs.ts';
import { sendError } from '../integrations/send-error.ts';
import { backoffMs } from '../integrations/signature.ts';
import type { Job } from '../jobs/scheduler.ts';
import { sendMail } from './mail.ts';
import { notificationOutbox } from './notifications.table.ts';
import type { OutgoingMessage } from './notifications.types.ts';
import { renderEmail, renderSlack } from './plan.ts';
import { type GivenUpRow, tellOfGivenUpSends } from './send-failure.commands.ts';

const leaseMs = 60_000;
const timeoutMs = 10_000;
/** Notifications age fast: after this many tries (about two hours of backoff) a send is dead. */
export const maxNotificationAttempts = 10;
const batch = 50;

type Deps = Pick<Services, 'database' | 'config' | 'clock' | 'logger'>;

/** What a Slack message or e-mail says: its kind does not change how it reads. */
type Words = Omit<OutgoingMessage, 'kind'>;

export async function postSlack(url: string, m: Words, config: Config) {
  await assertPublicTarget(url, config.webhookAllowPrivate);
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'content-type': 'application/json', 'user-agent': 'Baton-Notifications/1' },
    body: JSON.stringify(renderSlack(m, config.publicUrl)),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
}

/** A send that cannot succeed by retrying: the row is marked dead at once. */
class Permanent extends Error {}

export async function sendEmail(to: string, m: Words, config: Config) {
  if (!config.smtpUrl) throw new Permanent('email is off: set BATON_SMTP_URL');
  const { subject, text } = renderEmail(m, config.publicUrl);
  await sendMail({ smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom }, { to, subject, text });
}

/**
 * One pass over due Slack and email sends: rows are leased with SKIP LOCKED in a short transaction,
 * sent outside it, then marked; a crash in between sends again (at least once), never loses one.
 */
export async function deliverNotifications(services: Deps, limit = batch): Promise<number> {
  const db = services.database.db;
  const now = services.clock();
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(notificationOutbox)
      .where(
        and(
          isNull(notificationOutbox.deliveredAt),
          isNull(notificationOutbox.deadAt),
          lte(notificationOutbox.nextAttemptAt, now),
        ),
      )
      .orderBy(asc(notificationOutbox.seq))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length)
      await tx
        .update(notificationOutbox)
        .set({
          nextAttemptAt: new Date(now.getTime() + leaseMs),
          leasedUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${notificationOutbox.attempts} + 1`,
        })
        .where(
          inArray(
            notificationOutbox.seq,
            rows.map((r) => r.seq),
          ),
        );
    return rows;
  });
  const givenUp: GivenUpRow[] = [];
  await Promise.all(
    claimed.map(async (row) => {
      const attempts = row.attempts + 1;
      let error: string | null = null;
      let permanent = false;
      try {
        const message = row.message as OutgoingMessage;
        if (row.channel === 'slack') await postSlack(row.target, message, services.config);
        else await sendEmail(row.target, message, services.config);
      } catch (e) {
        error = sendError(e);
        permanent = e instanceof Permanent;
        services.logger.warn({ seq: row.seq, channel: row.channel, error }, 'notification send failed');
      }
      const at = services.clock();
      const set = !error
        ? { deliveredAt: at, lastError: null, leasedUntil: null }
        : permanent || attempts >= maxNotificationAttempts
          ? { deadAt: at, lastError: error, leasedUntil: null }
          : {
              lastError: error,
              nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)),
              leasedUntil: null,
            };
      await db.update(notificationOutbox).set(set).where(eq(notificationOutbox.seq, row.seq));
      // Given up after its tries (not refused by this server's own settings): someone can fix the address.
      if (error && !permanent && 'deadAt' in set)
        givenUp.push({
          orgId: row.orgId,
          notificationId: row.notificationId,
          teamId: row.teamId,
          kind: (row.message as OutgoingMessage).kind,
          channel: row.channel as 'slack' | 'email',
          target: row.target,
          attempts,
          error,
        });
    }),
  );
  if (givenUp.length)
    await tellOfGivenUpSends(db, givenUp, services.clock()).catch((error: unknown) =>
      services.logger.warn({ error: String(error) }, 'could not tell of notification sends given up'),
    );
  return claimed.length;
}

export function notificationDeliveryJob(services: Deps): Job {
  return {
    id: 'notifications.deliver',
    every: 500,
    async run() {
      while ((await deliverNotifications(services)) === batch) {}
    },
  };
}
