import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/database.ts';
import type { DeliveryCounts } from './subscription-health.ts';

type Row = {
  id: string;
  waiting: number;
  oldestWaitingAt: Date | string | null;
  failing: number;
  failureEventId: string | null;
  failureStatus: number | null;
  failureError: string | null;
  dead: number;
  lastDeadAt: Date | string | null;
  lastDeliveredAt: Date | string | null;
  deliveredByHour: number[];
  failedByHour: number[];
};

const instant = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * Each subscription's deliveries in numbers, in one statement. Every part goes through an index that
 * skips the month of delivered rows the outbox keeps: the waiting and the dead through their partial
 * indexes, the last delivery and the last day's hour by hour through the index of each subscription's
 * delivered rows by when, read from the index alone.
 */
export async function deliveryCountsOf(
  db: Db,
  orgId: string,
  now: Date,
): Promise<Map<string, DeliveryCounts>> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select s.id,
        coalesce(w.waiting, 0)::int as "waiting", w.oldest as "oldestWaitingAt",
        coalesce(w.failing, 0)::int as "failing",
        f.event_id as "failureEventId", f.last_status::int as "failureStatus", f.last_error as "failureError",
        d.dead::int as "dead", d.last as "lastDeadAt",
        (select max(o.delivered_at) from outbox o
          where o.subscription_id = s.id and o.delivered_at is not null) as "lastDeliveredAt",
        (select array_agg(coalesce(c.n, 0) order by g.ago desc)
          from generate_series(0, 23) g(ago)
          left join (
            select floor(extract(epoch from (${now}::timestamptz - o.delivered_at)) / 3600)::int as ago,
              count(*)::int as n
            from outbox o
            where o.subscription_id = s.id and o.delivered_at > ${dayAgo} and o.delivered_at <= ${now}
            group by 1
          ) c on c.ago = g.ago) as "deliveredByHour",
        (select array_agg(coalesce(c.n, 0) order by g.ago desc)
          from generate_series(0, 23) g(ago)
          left join (
            select floor(extract(epoch from (${now}::timestamptz - f.minute)) / 3600)::int as ago,
              sum(f.tries)::int as n
            from webhook_failed_tries f
            where f.subscription_id = s.id and f.minute > ${dayAgo} and f.minute <= ${now}
            group by 1
          ) c on c.ago = g.ago) as "failedByHour"
      from webhook_subscriptions s
      left join lateral (
        select count(*) as waiting, min(o.created_at) as oldest,
          count(*) filter (where o.last_error is not null) as failing
        from outbox o
        where o.subscription_id = s.id and o.delivered_at is null and o.dead_at is null
      ) w on true
      left join lateral (
        select o.event_id, o.last_status, o.last_error from outbox o
        where o.subscription_id = s.id and o.delivered_at is null and o.dead_at is null
          and o.last_error is not null
        order by o.seq desc limit 1
      ) f on true
      left join lateral (
        select count(*) as dead, max(o.dead_at) as last from outbox o
        where o.subscription_id = s.id and o.dead_at is not null
      ) d on true
      where s.org_id = ${orgId}`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        waiting: r.waiting,
        oldestWaitingAt: instant(r.oldestWaitingAt),
        failing: r.failing,
        lastFailure:
          r.failureEventId && r.failureError
            ? { eventId: r.failureEventId, status: r.failureStatus, error: r.failureError }
            : null,
        dead: r.dead,
        lastDeadAt: instant(r.lastDeadAt),
        lastDeliveredAt: instant(r.lastDeliveredAt),
        deliveredByHour: r.deliveredByHour.map(Number),
        deliveredLastDay: r.deliveredByHour.reduce((sum, n) => sum + Number(n), 0),
        failedByHour: r.failedByHour.map(Number),
        failedLastDay: r.failedByHour.reduce((sum, n) => sum + Number(n), 0),
      },
    ]),
  );
}
