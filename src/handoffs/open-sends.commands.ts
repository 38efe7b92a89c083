import { eq, sql } from 'drizzle-orm';
import { cases, messages } from '../cases/cases.table.ts';
import { customers } from '../customers/customers.table.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { epochMs } from '../db/json-facts.ts';
import { executePrepared } from '../db/prepared.ts';
import { documents } from '../documents/documents.table.ts';
import { eventDataOf } from '../events/events.queries.ts';
import { caseEvents } from '../events/events.table.ts';
import { EventType } from '../events/names.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { qaCheckWeights } from '../qa/qa.table.ts';
import { knownScenario, parseScenarioVersion } from '../scenarios/parsed-versions.ts';
import { scenarios } from '../scenarios/scenarios.table.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { teams } from '../teams/teams.table.ts';
import type { Ctx } from './handoffs.commands.ts';
import { handoffs } from './handoffs.table.ts';
import type { NewHandoff } from './handoffs.types.ts';
import type { CaseFacts } from './made-facts.ts';

// The first step of sending (send.commands.ts): lock the requests' cases, then read in one round
// trip everything their handoffs and the answers to their senders need.

type Team = typeof teams.$inferSelect;
export type CustomerFacts = { name: string | null; timezone: string | null; language: string | null };

/** The facts of a case's customer a send uses (its name, time zone and language). */
export async function customerOf(tx: Tx, caseId: string): Promise<CustomerFacts | undefined> {
  const [customer] = await tx
    .select({ name: customers.name, timezone: customers.timezone, language: customers.language })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(eq(cases.id, caseId));
  return customer;
}

export type TeamRef = Pick<Team, 'id' | 'key' | 'name' | 'calendar'>;
/** A request's case, locked, with what its send and its answer need. */
export type Opened = {
  /** The case's status as locked: a send on a resolved or closed case opens it (cases/case-journey.commands.ts). */
  caseStatus: string;
  customer: CustomerFacts;
  version: number;
  scenario: Scenario;
  teamsByKey: Map<string, TeamRef>;
  facts: CaseFacts;
  /** The case's documents on file: a packet asking for one of their kinds is flagged (invariant 3). */
  onFile: OnFileRef[];
};
export type OnFileRef = { id: string; kind: string; name: string };

/** One request to create a handoff (sent, or saved as a draft) on a case. */
export type SendRequest = { caseId: string; input: NewHandoff; ctx: Ctx };

const journeyStates = sql.raw(`('sent', 'accepted', 'resolved', 'bounced')`);
// Two lookups below are written for their plans: the journey filters its states in the aggregate,
// so the scan uses the case's index alone (with the states in the WHERE the planner also read the
// owner-state index, every open handoff of the organisation, for each case); the re-requests dated
// after the send (almost never any) are found through the (org, type, instant) index.

/**
 * Locks the requests' cases (one handoff command per case at a time; in id order, so two batches
 * never wait on each other in a circle), then reads each case's customer, the scenario's current
 * version and the teams it names, and what the new handoff's view needs (made-facts.ts).
 */
export async function openSends(tx: Tx, requests: SendRequest[]): Promise<(Opened | ApiError)[]> {
  // The requests travel as one JSON parameter, so the statement's text is the same for every
  // batch and runs prepared (db/prepared.ts).
  const list = JSON.stringify(
    requests.map((r, i) => ({
      i,
      org_id: r.ctx.principal.orgId,
      case_id: r.caseId,
      scenario_id: r.input.scenario,
      person_id: r.ctx.principal.personId,
      now: r.ctx.now.toISOString(),
    })),
  );
  const caseIds = sql.param(requests.map((r) => r.caseId));
  // The lock has its own statement: a statement that waited for a row lock still reads every other
  // table as it was when it began (READ COMMITTED), and would miss the handoffs the transaction it
  // waited for has just committed on that case. The read that follows starts after the wait.
  await executePrepared(
    tx,
    sql`select c.id from json_to_recordset(${list}::json) v (org_id text, case_id text)
      join ${cases} c on c.org_id = v.org_id and c.id = v.case_id
      where c.id = any(${caseIds}::text[]) order by c.id for update of c`,
  );
  const res = await executePrepared(
    tx,
    sql`
    select v.i, c.subject, c.status as case_status, cu.id as customer_id, cu.name, cu.timezone, cu.language,
      (select p.name from ${people} p where p.id = v.person_id) as sender_name,
      (select w.weights from ${qaCheckWeights} w
        where w.org_id = v.org_id and w.scenario_id = v.scenario_id) as tuned_weights,
      (select json_agg(json_build_object('toTeamId', j.to_team_id, 'fromTeamId', j.from_team_id,
          'createdAt', ${epochMs('j.created_at')})) filter (where j.state in ${journeyStates})
        from ${handoffs} j where j.case_id = c.id) as journey,
      case when exists (select 1 from ${messages} m
          where m.case_id = c.id and m.role = 'customer' and m.at > v.now)
        then (select json_agg(json_build_object('id', m.id, 'text', m.text, 'at', ${epochMs('m.at')})
            order by m.at, m.id)
          from ${messages} m where m.case_id = c.id and m.role = 'customer') end as customer_messages,
      (select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'name', d.name))
        from ${documents} d where d.case_id = c.id) as on_file,
      (select json_agg(json_build_object('id', e.id, 'handoffId', e.handoff_id, 'type', e.type,
          'at', ${epochMs('e.at')}, 'data', ${eventDataOf('e')}) order by e.seq)
        from ${caseEvents} e where e.org_id = v.org_id and e.type = ${EventType.documentRerequested}
          and e.at >= v.now and e.case_id = c.id) as rerequests,
      (select json_build_object('version', s.version,
          'teams', (select json_agg(json_build_object('id', t.id, 'key', t.key, 'name', t.name,
              'calendar', t.calendar))
            from ${teams} t where t.org_id = s.org_id
              and t.key in (s.definition->>'toTeam', s.definition->>'fromTeam')))
        from ${scenarios} s where s.org_id = v.org_id and s.id = v.scenario_id
        order by s.version desc limit 1) as scenario
    from json_to_recordset(${list}::json) v (i int, org_id text, case_id text, scenario_id text,
      person_id text, now timestamptz)
    join ${cases} c on c.org_id = v.org_id and c.id = v.case_id
    left join ${customers} cu on cu.id = c.customer_id
    where c.id = any(${caseIds}::text[])`,
  );
  type Found = CustomerFacts & {
    i: number | string;
    subject: string;
    case_status: string;
    customer_id: string;
    sender_name: string | null;
    tuned_weights: Record<string, number> | null;
    journey: CaseFacts['journey'] | null;
    customer_messages: CaseFacts['customerMessages'] | null;
    rerequests: CaseFacts['rerequests'] | null;
    on_file: OnFileRef[] | null;
    scenario: { version: number; teams: TeamRef[] | null } | null;
  };
  const found = new Map(rowsOf<Found>(res).map((r) => [Number(r.i), r]));
  await loadScenarioVersions(
    tx,
    requests.flatMap((r, i) => {
      const version = found.get(i)?.scenario?.version;
      return version === undefined ? [] : [{ orgId: r.ctx.principal.orgId, id: r.input.scenario, version }];
    }),
  );
  return requests.map((r, i) => {
    const row = found.get(i);
    if (!row) return notFound('case', r.caseId);
    const { scenario: current, name, timezone, language } = row;
    if (!current)
      return new ApiError('unknown_scenario', `no scenario ${r.input.scenario}`, { field: 'scenario' });
    return {
      caseStatus: row.case_status,
      customer: { name, timezone, language },
      version: current.version,
      scenario: knownScenario(r.ctx.principal.orgId, r.input.scenario, current.version)!,
      teamsByKey: new Map((current.teams ?? []).map((t) => [t.key, t])),
      facts: {
        caseSubject: row.subject,
        customer: { id: row.customer_id, name: name ?? '' },
        senderName: row.sender_name,
        tunedWeights: row.tuned_weights,
        journey: row.journey ?? [],
        customerMessages: row.customer_messages ?? [],
        rerequests: row.rerequests ?? [],
      },
      onFile: row.on_file ?? [],
    };
  });
}

/** Makes sure this process has parsed the scenario versions named, reading only those it lacks. */
async function loadScenarioVersions(tx: Tx, wanted: { orgId: string; id: string; version: number }[]) {
  const missing = wanted.filter((w) => !knownScenario(w.orgId, w.id, w.version));
  if (missing.length === 0) return;
  const keys = sql.join(
    missing.map((w) => sql`(${w.orgId}::text, ${w.id}::text, ${w.version}::int)`),
    sql`, `,
  );
  const res = await tx.execute(sql`
    select org_id, id, version, definition from ${scenarios}
    where (org_id, id, version) in (${keys})`);
  for (const r of rowsOf<{ org_id: string; id: string; version: number; definition: unknown }>(res))
    parseScenarioVersion(r.org_id, r.id, Number(r.version), r.definition);
}
