import { type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Database } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { executePrepared } from '../src/db/prepared.ts';
import { demoOrganisation } from '../src/demo/organisation.ts';

// The rows floor: a bare route that writes, per request, the rows a handoff send writes (the
// handoff, its two clocks armed for their breach and first rung, and its four events), shaped as
// Baton writes them, into copies of Baton's tables with the same indexes and checks, and nothing
// else: no lock, no read, no owner chosen, no NOTIFY, no answer built, no batching. Between the
// one-row floor and the sends it tells how much of a send's cost is the rows the design asks for
// and how much is the work around them.

const copies = ['handoffs', 'sla_clocks', 'case_events'] as const;
const copyOf = (table: (typeof copies)[number]) => sql.identifier(`bench_rows_${table}`);

export async function createSendRowsTables(database: Database) {
  for (const table of copies)
    await database.db.execute(
      sql`create table if not exists ${copyOf(table)} (like ${sql.identifier(table)} including all)`,
    );
}

/** An insert of JSON rows into a copy; the columns are the rows' keys, the others take their defaults. */
function insertInto(table: (typeof copies)[number], rows: Record<string, unknown>[]): SQL {
  const names = sql.join(
    Object.keys(rows[0]!).map((k) => sql.identifier(k)),
    sql`, `,
  );
  return sql`insert into ${copyOf(table)} (${names}) select ${names} from jsonb_populate_recordset(null::${copyOf(table)}, ${JSON.stringify(rows)}::jsonb)`;
}

// The receiving team's calendar and the scenario's ladder, as the benchmark's sends copy them.
const calendar = demoOrganisation.teams.find((t) => t.key === 'finance')!.calendar;
const ladder = [
  { at: 75, action: 'warn_owner' },
  { at: 100, action: 'notify_lead' },
  { at: 150, action: 'page_supervisor' },
];
const hour = 3_600_000;

/** The rows one send writes, with fresh ids. */
function sendRows(packet: unknown) {
  const now = new Date();
  const at = now.toISOString();
  const org = 'org_bench';
  const caseId = newId('case');
  const handoffId = newId('ho');
  const handoff = {
    id: handoffId,
    org_id: org,
    case_id: caseId,
    scenario_id: 'billing-to-finance',
    scenario_version: 1,
    from_kind: 'agent',
    to_team_id: 'team_finance',
    sender_id: 'person_sender',
    state: 'sent',
    owner_id: 'person_owner',
    packet,
    completeness: 100,
    customer_update: {
      text: 'Hi there, thank you for your patience. Your billing question is now with Priya. They have the full history of your account query, so you will not need to explain it again. You will hear back from us by 4 pm.',
      language: 'en',
      replyBy: at,
    },
    sent_at: at,
    updated_at: at,
  };
  const clocks = [4, 16].map((hours, i) => ({
    id: newId('clk'),
    org_id: org,
    handoff_id: handoffId,
    case_id: caseId,
    name: i === 0 ? 'acknowledge' : 'resolve',
    target: i === 0 ? 'PT4H' : 'P2D',
    calendar,
    ladder,
    state: 'running',
    started_at: at,
    budget_ms: hours * hour,
    consumed_ms: 0,
    segment_started_at: at,
    deadline: new Date(now.getTime() + hours * hour).toISOString(),
    next_rung: { index: 0, ...ladder[0] },
    rung_due_at: new Date(now.getTime() + hours * hour * 0.75).toISOString(),
  }));
  const event = (type: string, data: Record<string, unknown>) => ({
    id: newId('ev'),
    org_id: org,
    case_id: caseId,
    handoff_id: handoffId,
    type,
    at,
    actor_id: 'person_sender',
    data: { handoffId, ...data },
  });
  const events = [
    ...clocks.map((c) => event('sla.started', { clock: c.name, target: c.target, deadline: c.deadline })),
    event('handoff.sent', { scenario: 'billing-to-finance', toTeam: 'finance', ownerId: 'person_owner' }),
    event('owner.assigned', { ownerId: 'person_owner', rule: 'round-robin' }),
  ];
  return { handoff, clocks, events };
}

/**
 * The route: each request's rows in one statement, committed on its own like the one-row floor, and
 * prepared like a batch of sends' statements (its text is the same for every request), so that
 * planning four inserts is not counted against the rows.
 */
export function sendRowsApp(database: Database) {
  return new Hono().post('/send-rows', async (c) => {
    const { packet } = (await c.req.json()) as { packet: unknown };
    const rows = sendRows(packet);
    await executePrepared(
      database.db,
      sql`with h as (${insertInto('handoffs', [rows.handoff])}), k as (${insertInto('sla_clocks', rows.clocks)})
        ${insertInto('case_events', rows.events)}`,
    );
    return c.json({ ok: true }, 201);
  });
}
