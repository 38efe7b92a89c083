import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../src/db/database.ts';
import type { Write } from './clients.ts';

type Row = Record<string, unknown>;
type Event = { id: string; case_id: string; handoff_id: string | null; type: string; at: unknown; data: Row };
const transitions: Record<string, { event: string; state: string }> = {
  'handoff.accept': { event: 'handoff.accepted', state: 'accepted' },
  'handoff.bounce': { event: 'handoff.bounced', state: 'bounced' },
  'handoff.resolve': { event: 'handoff.resolved', state: 'resolved' },
};
const clocksOf: Record<string, number> = { 'chaos-sla': 1, 'billing-to-finance': 2 };

export type Verdict = {
  problems: string[];
  counts: Record<string, number>;
  /** Each breach's deadline and the instant it fired (ms), to tell those that came due while the server was down. */
  breaches: { deadline: number; firedAt: number }[];
  /** The outbox rows of the run's events: what the webhook receiver must have got (or a lease still holds). */
  outbox: { eventId: string; delivered: boolean }[];
};

/**
 * Judges the database by the clients' record: every acknowledged write is stored exactly once, every
 * other one is absent or complete (a stored handoff has its owner, armed clocks, `handoff.sent`
 * event and outbox row), clocks that came due breached exactly once, and no due work is left behind.
 * Records, on each unacknowledged write found stored, the id a retry must replay.
 */
export async function verify(database: Database, tag: string, journal: Write[]): Promise<Verdict> {
  const q = async (query: ReturnType<typeof sql>) => rowsOf<Row>(await database.db.execute(query));
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const like = `chaos ${tag}-%`;
  const cases = await q(sql`select id, subject from cases where subject like ${like}`);
  const caseIds = cases.map((c) => String(c.id));
  const inCases = caseIds.length
    ? sql.join(
        caseIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  const [messages, documents, handoffs, events, clocks, outbox] = [
    await q(sql`select id, case_id, text from messages where case_id in (${inCases})`),
    await q(sql`select id, case_id from documents where case_id in (${inCases})`),
    await q(
      sql`select id, case_id, scenario_id, state, owner_id, sender_id from handoffs where case_id in (${inCases})`,
    ),
    (await q(
      sql`select id, case_id, handoff_id, type, at, data from case_events where case_id in (${inCases})`,
    )) as Event[],
    await q(
      sql`select id, handoff_id, name, state, deadline, stopped_at, breached_at, due_at from sla_clocks where case_id in (${inCases})`,
    ),
    await q(
      sql`select event_id, delivered_at, attempts, dead_at from outbox o join case_events e on e.id = o.event_id where e.case_id in (${inCases})`,
    ),
  ];
  const by = <T extends Row>(rows: T[], key: string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(String(r[key]), [...(m.get(String(r[key])) ?? []), r]);
    return m;
  };
  const casesBySubject = by(cases, 'subject');
  const eventsByCase = by(events, 'case_id');
  const eventsByHandoff = by(events, 'handoff_id');
  const handoffsByCase = by(handoffs, 'case_id');
  const clocksByHandoff = by(clocks, 'handoff_id');
  const outboxByEvent = by(outbox, 'event_id');
  const handoffById = new Map(handoffs.map((h) => [String(h.id), h]));
  const fail = (w: Write, what: string) => problems.push(`${w.op} ${w.key} (${w.outcome}): ${what}`);
  /** Exactly once when acknowledged (and with the acknowledged id); at most once otherwise. */
  const once = (w: Write, ids: string[]) => {
    if (ids.length > 1) fail(w, `stored ${ids.length} times`);
    if (w.outcome === 'acked' && (ids.length !== 1 || ids[0] !== w.ackedId))
      fail(w, `acknowledged as ${w.ackedId} but stored as [${ids.join(', ')}]`);
    if (w.outcome !== 'acked' && ids.length === 1) w.storedId = ids[0];
  };

  for (const w of journal) {
    counts[`${w.op} ${w.outcome}`] = (counts[`${w.op} ${w.outcome}`] ?? 0) + 1;
    if (w.op === 'case.create') {
      const found = (casesBySubject.get(w.subject!) ?? []).map((c) => String(c.id));
      once(w, found);
      for (const id of found) {
        const created = (eventsByCase.get(id) ?? []).filter((e) => e.type === 'case.created').length;
        const msgs = messages.filter((m) => m.case_id === id && !String(m.text).includes(`[${tag}-`)).length;
        const docs = documents.filter((d) => d.case_id === id).length;
        if (created !== 1 || msgs !== 2 || docs !== 1)
          fail(w, `half-written case ${id}: ${created} case.created, ${msgs} messages, ${docs} documents`);
      }
    } else if (w.op === 'message.add') {
      const found = messages.filter((m) => String(m.text).includes(w.marker!));
      once(
        w,
        found.map((m) => String(m.id)),
      );
      for (const m of found) {
        const added = (eventsByCase.get(String(m.case_id)) ?? []).filter(
          (e) => e.type === 'message.added' && e.data.messageId === m.id,
        ).length;
        if (added !== 1) fail(w, `message ${m.id} has ${added} message.added events`);
      }
    } else if (w.op === 'handoff.send') {
      const found = (handoffsByCase.get(w.caseId!) ?? []).filter((h) => h.scenario_id === w.scenario);
      once(
        w,
        found.map((h) => String(h.id)),
      );
      for (const h of found) {
        const id = String(h.id);
        const own = clocksByHandoff.get(id) ?? [];
        const sent = (eventsByHandoff.get(id) ?? []).filter((e) => e.type === 'handoff.sent');
        // A running clock is due (its breach, or a rung before it); a paused or stopped one for nothing.
        const armed = own.every(
          (c) => c.state === 'breached' || (c.state === 'running') === (c.due_at !== null),
        );
        if (
          h.state === 'draft' ||
          !h.owner_id ||
          own.length !== clocksOf[w.scenario!] ||
          !armed ||
          sent.length !== 1
        )
          fail(
            w,
            `half-written handoff ${id}: ${h.state}, owner ${h.owner_id}, ${own.length} clocks, armed ${armed}, ${sent.length} sent events`,
          );
        for (const e of sent) if (!outboxByEvent.get(e.id)) fail(w, `handoff.sent ${e.id} has no outbox row`);
      }
    } else {
      const t = transitions[w.op]!;
      const h = handoffById.get(w.handoffId!);
      const found = (eventsByHandoff.get(w.handoffId!) ?? []).filter((e) => e.type === t.event);
      once(w, found.length ? found.map(() => w.handoffId!) : []);
      // Complete: the state moved with its event (resolve follows accept, so "accepted" may have moved on).
      const moved = h && (h.state === t.state || (t.state === 'accepted' && h.state === 'resolved'));
      if (found.length === 1 && !moved) fail(w, `${t.event} written but the handoff is ${h?.state}`);
      if (found.length === 0 && h?.state === t.state)
        fail(w, `handoff is ${t.state} without its ${t.event} event`);
      const own = clocksByHandoff.get(w.handoffId!) ?? [];
      if (
        h?.state === 'resolved' &&
        own.some((c) => !c.stopped_at && !c.breached_at && c.state === 'running')
      )
        fail(w, 'resolved with a clock still running');
      // Ownership goes back to the sender (its team's lead when the sender was no person, as an admin token).
      if (h?.state === 'bounced' && (!h.owner_id || (h.sender_id && h.owner_id !== h.sender_id)))
        fail(w, `bounced but owned by ${h.owner_id}, not its sender ${h.sender_id}`);
    }
  }

  // SLA clocks: each breach once, each breached clock with its event, nothing due left unfired.
  const breaches = events.filter((e) => e.type === 'sla.breached');
  const breachCount = by(
    breaches.map((e) => ({ clock: `${e.handoff_id}/${e.data.clock}` })),
    'clock',
  );
  for (const [clock, list] of breachCount)
    if (list.length > 1) problems.push(`clock ${clock} breached ${list.length} times`);
  for (const c of clocks) {
    const fired = breachCount.get(`${c.handoff_id}/${c.name}`)?.length ?? 0;
    const due = c.deadline && Date.parse(String(c.deadline)) < Date.now() - 5000;
    if (c.state === 'running' && due)
      problems.push(`clock ${c.id} came due ${c.deadline} and never breached`);
    if ((c.state === 'breached') !== (fired === 1) || fired > 1)
      problems.push(`clock ${c.id} is ${c.state} with ${fired} sla.breached events`);
    for (const e of breaches.filter((b) => b.handoff_id === c.handoff_id && b.data.clock === c.name))
      if (!outboxByEvent.get(e.id)) problems.push(`sla.breached ${e.id} has no outbox row`);
  }
  counts.breaches = breaches.length;
  const [stuck] = await q(
    sql`select (select count(*)::int from timers where fired_at is null and due_at < now() - interval '10 seconds')
      + (select count(*)::int from sla_clocks where due_at < now() - interval '10 seconds') as n`,
  );
  if (Number(stuck?.n))
    problems.push(`${stuck?.n} timers or clocks came due more than 10 s ago and were not attended`);
  const keys = await q(sql`select key from idempotency_keys where status is null and key like ${`${tag}-%`}`);
  if (keys.length) problems.push(`${keys.length} Idempotency-Keys left "in progress" for ever`);
  const half = await q(sql`
    select h.id from handoffs h where h.state <> 'draft' and (h.owner_id is null
      or not exists (select 1 from sla_clocks c where c.handoff_id = h.id)
      or not exists (select 1 from case_events e where e.handoff_id = h.id and e.type = 'handoff.sent'))`);
  if (half.length)
    problems.push(`half-written handoffs anywhere in the database: ${half.map((r) => r.id).join(', ')}`);
  counts.outboxRows = outbox.length;
  counts.outboxDelivered = outbox.filter((o) => o.delivered_at).length;
  counts.outboxLeasedOrPending = outbox.length - counts.outboxDelivered;
  const fired = breaches.map((e) => ({
    deadline: Date.parse(String(e.data.deadline)),
    firedAt: new Date(e.at as string | Date).getTime(),
  }));
  return {
    problems,
    counts,
    breaches: fired,
    outbox: outbox.map((o) => ({ eventId: String(o.event_id), delivered: Boolean(o.delivered_at) })),
  };
}
