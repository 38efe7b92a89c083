import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { caseEvents } from '../../src/events/events.table.ts';
import { getHandoff } from '../../src/handoffs/handoffs.queries.ts';
import { createHandoffsIn, type Outcome } from '../../src/handoffs/send.commands.ts';
import { assignOwners } from '../../src/ownership/ownership.commands.ts';
import type { Packet } from '../../src/packets/packet.types.ts';
import { describeOnPostgres, fullPacket, newCase } from '../support/harness.ts';
import { latch, waitingOnLocks as waitingForLocks } from '../support/locks.ts';

// On a PostgreSQL server two transactions of sends overlap (src/handoffs/send-batches.commands.ts):
// the next locks its cases and reads while the one before writes and commits, then waits for the
// receiving teams. What that must never cost: a stale read of a case, a deadlock, a lost or doubled
// owner or event.

describeOnPostgres('sends in overlapping transactions', (h) => {
  const principal = () => ({
    orgId: h().org.orgId,
    personId: h().org.personIds.get('amara') ?? null,
    roles: new Set(['admin'] as const),
    via: 'api-token' as const,
  });
  const request = (caseId: string, scenario: string, secondsLater = 0) => ({
    caseId,
    input: { scenario, packet: fullPacket as Packet },
    ctx: { principal: principal(), now: new Date(h().now().getTime() + secondsLater * 1000) },
  });
  const waitingOnLocks = () => waitingForLocks(h().database);
  /** A transaction that holds a team as a sender does, until released. */
  const holdTeam = async (teamId: string) => {
    const releasing = latch();
    const held = latch();
    const done = h().database.db.transaction(async (tx) => {
      await assignOwners(tx, [{ orgId: h().org.orgId, teamId, now: h().now() }]);
      held.open();
      await releasing.opened;
    });
    await held.opened;
    return {
      release: () => {
        releasing.open();
        return done;
      },
    };
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('timed out waiting');
  };

  it('reads, after waiting for a case, what the transaction it waited for committed on it', async () => {
    const caseId = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'waited' }))).body.id;
    const db = h().database.db;
    const committing = latch();
    const hasCase = latch();
    const first = db.transaction(async (tx) => {
      const outcomes = await createHandoffsIn(tx, [request(caseId, 'tier1-to-tier2')]);
      hasCase.open();
      await committing.opened;
      return outcomes;
    });
    await hasCase.opened;
    const before = await waitingOnLocks();
    const second = db.transaction((tx) => createHandoffsIn(tx, [request(caseId, 'tier1-to-tier2', 60)]));
    await until(async () => (await waitingOnLocks()) > before);
    committing.open();
    const [[a], [b]] = (await Promise.all([first, second])) as [Outcome[], Outcome[]];
    if (!a!.ok || !b!.ok) throw new Error('a send was refused');
    // The second send goes back to the team the first one (committed while it waited) gave the case.
    expect(b.view().quality.checks.find((c) => c.id === 'no_ping_pong')?.result).toBe('fail');
    for (const outcome of [a, b])
      expect(JSON.parse(JSON.stringify(outcome.view()))).toEqual(
        JSON.parse(JSON.stringify(await getHandoff(db, principal().orgId, outcome.id))),
      );
  });

  it('locks a team against other senders only: rows that merely name it are not held up', async () => {
    const db = h().database.db;
    const support = h().org.teamIds.get('support')!;
    const holder = await holdTeam(support);
    try {
      // What a handoff naming the team as its sender takes (the foreign key's share lock) is granted...
      await db.execute(sql`select 1 from teams where id = ${support} for key share nowait`);
      // ...while another sender to the team would have to wait.
      await expect(
        db.execute(sql`select 1 from teams where id = ${support} for no key update nowait`),
      ).rejects.toMatchObject({ cause: { code: '55P03' } });
    } finally {
      await holder.release();
    }
  });

  it("writes a send's clocks before it waits for the receiving team, which it holds only for the handoffs", async () => {
    const db = h().database.db;
    const finance = h().org.teamIds.get('finance')!;
    const caseId = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'clocks first' }))).body.id;
    const holder = await holdTeam(finance);
    const before = await waitingOnLocks();
    let sender = 0;
    const send = db.transaction(async (tx) => {
      sender = Number(rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid);
      return createHandoffsIn(tx, [request(caseId, 'billing-to-finance')]);
    });
    try {
      await until(async () => (await waitingOnLocks()) > before);
      // Waiting for the team, the sender already holds the locks that inserting its clocks (each its
      // own timer) and their events took; the handoff itself is not written yet.
      const tables = rowsOf<{ relname: string }>(
        await db.execute(sql`select c.relname from pg_locks l join pg_class c on c.oid = l.relation
          where l.pid = ${sender} and l.mode = 'RowExclusiveLock' and c.relkind = 'r'`),
      ).map((r) => r.relname);
      expect(tables.sort()).toEqual(['case_events', 'sla_clocks']);
    } finally {
      await holder.release();
    }
    const [outcome] = await send;
    if (!outcome!.ok) throw outcome!.error;
    expect(outcome.view().sla.map((c) => c.name)).toEqual(['acknowledge', 'resolve']);
    expect(outcome.view().owner?.id).toEqual(expect.any(String));
  });

  it('sends a crowd of mixed scenarios, to and from one team, each once with one owner', async () => {
    const scenarios = ['billing-to-finance', 'bot-to-human', 'voice-to-chat', 'tech-to-engineering'];
    const ids: string[] = [];
    for (let i = 0; i < 48; i++)
      ids.push((await h().request('POST', '/api/v1/cases', newCase({ subject: `crowd ${i}` }))).body.id);
    const sent = await Promise.all(
      ids.map((caseId, i) =>
        h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
          scenario: scenarios[i % scenarios.length],
          packet: fullPacket,
        }),
      ),
    );
    expect(sent.map((s) => s.status)).toEqual(ids.map(() => 201));
    for (const s of sent) {
      expect(s.body.owner.id).toEqual(expect.any(String));
      const read = await h().request('GET', `/api/v1/handoffs/${s.body.id}`);
      expect(read.body).toEqual(s.body);
      const events = await h()
        .database.db.select({ type: caseEvents.type })
        .from(caseEvents)
        .where(eq(caseEvents.handoffId, s.body.id));
      expect(events.map((e) => e.type).sort()).toEqual([
        'handoff.sent',
        'owner.assigned',
        'sla.started',
        'sla.started',
      ]);
    }
  });
});
