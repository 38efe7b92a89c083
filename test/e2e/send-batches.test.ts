import { and, eq, inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { rowsOf } from '../../src/db/database.ts';
import { eventsChannel } from '../../src/events/events.commands.ts';
import { caseEvents } from '../../src/events/events.table.ts';
import { handoffs } from '../../src/handoffs/handoffs.table.ts';
import { teamMembers, teams } from '../../src/teams/teams.table.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// Sends that arrive together are written together (src/handoffs/send-batches.commands.ts). Grouping must be
// invisible to senders: each gets its own handoff or its own error, and nothing is lost, doubled or
// left half-written when one request of a group fails.

const sendEvents = ['sla.started', 'sla.started', 'handoff.sent', 'owner.assigned'];

describeOnDatabases('sends grouped in one transaction', (h) => {
  const newCases = async (n: number, subject: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await h().request('POST', '/api/v1/cases', newCase({ subject: `${subject} ${i}` }))).body.id);
    return ids;
  };
  const send = (caseId: string, packet: object = fullPacket, scenario = 'billing-to-finance') =>
    h().request('POST', `/api/v1/cases/${caseId}/handoffs`, { scenario, packet });
  /** How many transactions wrote these handoffs: rows written by one share its id (xmin). */
  const transactionsOf = async (ids: string[]) =>
    rowsOf<{ n: number }>(
      await h().database.db.execute(
        sql`select count(distinct xmin::text)::int as n from handoffs where id in ${ids}`,
      ),
    )[0]!.n;
  const eventTypes = async (handoffId: string) =>
    (
      await h()
        .database.db.select({ type: caseEvents.type, seq: caseEvents.seq })
        .from(caseEvents)
        .where(eq(caseEvents.handoffId, handoffId))
    )
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.type);

  it('writes concurrent sends together and answers each sender with its own handoff', async () => {
    const ids = await newCases(12, 'together');
    const sent = await Promise.all(ids.map((id) => send(id)));
    expect(sent.map((s) => s.status)).toEqual(ids.map(() => 201));
    expect(sent.map((s) => s.body.caseId)).toEqual(ids);
    for (const s of sent) {
      expect(s.body.state).toBe('sent');
      expect(s.body.owner.id).toEqual(expect.any(String));
      expect(s.body.sla.map((c: { name: string }) => c.name).sort()).toEqual(['acknowledge', 'resolve']);
      expect(await eventTypes(s.body.id)).toEqual(sendEvents);
    }
    expect(await transactionsOf(sent.map((s) => s.body.id))).toBeLessThan(ids.length);
  });

  it('counts earlier choices of the same group: least-loaded evens out the team', async () => {
    const tier2 = h().org.teamIds.get('tier2')!;
    await h().database.db.update(teams).set({ defaultCapacity: 1000 }).where(eq(teams.id, tier2));
    await h().database.db.update(teamMembers).set({ capacity: null }).where(eq(teamMembers.teamId, tier2));
    const members = ['noah', 'fatima'].map((k) => h().org.personIds.get(k)!);
    const loads = async () => {
      const rows = await h()
        .database.db.select({ ownerId: handoffs.ownerId })
        .from(handoffs)
        .where(and(inArray(handoffs.ownerId, members), inArray(handoffs.state, ['sent', 'accepted'])));
      return members.map((m) => rows.filter((r) => r.ownerId === m).length);
    };
    const before = await loads();
    const ids = await newCases(8, 'least loaded');
    const sent = await Promise.all(ids.map((id) => send(id, fullPacket, 'tier1-to-tier2')));
    expect(sent.map((s) => s.status)).toEqual(ids.map(() => 201));
    expect(sent.every((s) => s.body.toTeam === 'tier2')).toBe(true);
    const after = await loads();
    expect(after[0]! + after[1]!).toBe(before[0]! + before[1]! + 8);
    // Eight sends one after another fill the lighter member first, then alternate.
    const gap = Math.abs(before[0]! - before[1]!);
    expect(Math.abs(after[0]! - after[1]!)).toBe(gap > 8 ? gap - 8 : (gap + 8) % 2);
    expect(await transactionsOf(sent.map((s) => s.body.id))).toBeLessThan(ids.length);
  });

  it('gives a refused request its own error and sends the others', async () => {
    const ids = await newCases(5, 'refused beside');
    const [incompleteCase] = await newCases(1, 'incomplete');
    const { whatHappened: _, ...incomplete } = fullPacket;
    const sent = await Promise.all([
      ...ids.map((id) => send(id)),
      send(incompleteCase!, incomplete),
      send('cs_missing'),
      send(ids[0]!, fullPacket, 'no-such-scenario'),
    ]);
    expect(sent.map((s) => s.status)).toEqual([201, 201, 201, 201, 201, 422, 404, 422]);
    expect(sent[5]!.body.error).toMatchObject({ code: 'packet_incomplete', missing: ['whatHappened'] });
    expect(sent[7]!.body.error.code).toBe('unknown_scenario');
    const left = await h().database.db.select().from(handoffs).where(eq(handoffs.caseId, incompleteCase!));
    expect(left).toEqual([]);
    for (const s of sent.slice(0, 5)) expect(await eventTypes(s.body.id)).toEqual(sendEvents);
    expect(await transactionsOf(sent.slice(0, 5).map((s) => s.body.id))).toBeLessThan(5);
  });

  it('tries each request alone when the database refuses the group, so only the cause fails', async () => {
    const db = h().database.db;
    // What listeners hear: nothing of the group rolled back, each written event exactly once.
    const heard: { caseId: string; handoffId: string | null; seq: number }[] = [];
    const unlisten = await h().database.listen(eventsChannel, (p) => heard.push(JSON.parse(p)));
    await db.execute(sql`create or replace function test_refuse_explosive() returns trigger language plpgsql as $$
      begin
        if new.packet->>'whatHappened' = 'explode' then raise exception 'refused by the test trigger'; end if;
        return new;
      end $$`);
    await db.execute(sql`create trigger test_refuse_explosive before insert on handoffs
      for each row execute function test_refuse_explosive()`);
    try {
      const ids = await newCases(6, 'refused by the database');
      const sent = await Promise.all(
        ids.map((id, i) => send(id, i === 2 ? { ...fullPacket, whatHappened: 'explode' } : fullPacket)),
      );
      expect(sent.map((s) => s.status)).toEqual([201, 201, 500, 201, 201, 201]);
      expect(await db.select().from(handoffs).where(eq(handoffs.caseId, ids[2]!))).toEqual([]);
      const logged = await db
        .select({ type: caseEvents.type })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, ids[2]!), eq(caseEvents.type, 'handoff.sent')));
      expect(logged).toEqual([]);
      // The group was rolled back and its good requests written again: each exactly once.
      for (const [i, s] of sent.entries()) {
        if (i === 2) continue;
        expect(
          await db.select({ id: handoffs.id }).from(handoffs).where(eq(handoffs.caseId, ids[i]!)),
        ).toEqual([{ id: s.body.id }]);
        expect(await eventTypes(s.body.id)).toEqual(sendEvents);
      }
      const written = await db
        .select({ handoffId: caseEvents.handoffId, seq: caseEvents.seq })
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, ids));
      const fromSends = written.filter((e) => e.handoffId !== null).map((e) => e.seq);
      expect(fromSends).toHaveLength(5 * sendEvents.length);
      const announced = () => heard.filter((a) => ids.includes(a.caseId) && a.handoffId !== null);
      for (let i = 0; i < 200 && announced().length < fromSends.length; i++)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect(
        announced()
          .map((a) => a.seq)
          .sort((a, b) => a - b),
      ).toEqual(fromSends.sort((a, b) => a - b));
    } finally {
      await unlisten();
      await db.execute(sql`drop trigger test_refuse_explosive on handoffs`);
      await db.execute(sql`drop function test_refuse_explosive()`);
    }
  });

  it("answers each organisation's senders from their own organisation", async () => {
    const other = h().other;
    const token = (
      await createApiToken(h().database.db, {
        orgId: other.orgId,
        name: 'other-org-sender',
        roles: ['agent', 'lead', 'admin'],
        personId: other.personIds.get('amara'),
      })
    ).token;
    const theirCase = (await h().request('POST', '/api/v1/cases', newCase(), { token })).body.id as string;
    const [ourCase] = await newCases(1, 'two organisations');
    const [ours, theirs] = await Promise.all([
      send(ourCase!),
      h().request(
        'POST',
        `/api/v1/cases/${theirCase}/handoffs`,
        { scenario: 'billing-to-finance', packet: fullPacket },
        { token },
      ),
    ]);
    expect([ours.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.caseId).toBe(theirCase);
    const rows = await h()
      .database.db.select({ id: handoffs.id, orgId: handoffs.orgId })
      .from(handoffs)
      .where(inArray(handoffs.id, [ours.body.id, theirs.body.id]));
    expect(new Map(rows.map((r) => [r.id, r.orgId]))).toEqual(
      new Map([
        [ours.body.id, h().org.orgId],
        [theirs.body.id, other.orgId],
      ]),
    );
    expect(theirs.body.owner.id).not.toBe(ours.body.owner.id);
    expect((await h().request('GET', `/api/v1/handoffs/${theirs.body.id}`)).status).toBe(404);
  });
});
