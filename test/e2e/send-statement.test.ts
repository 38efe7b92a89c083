import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appendEvents, eventsChannel } from '../../src/events/events.commands.ts';
import { caseEvents } from '../../src/events/events.table.ts';
import { timersChannel, timerWrites } from '../../src/jobs/timers.commands.ts';
import { timers } from '../../src/jobs/timers.table.ts';
import { slaClocks } from '../../src/sla/sla.table.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// A send writes in two statements of its transaction: its clocks (each armed, its own timer) and
// `sla.started` before the receiving team is locked, then the handoff with its owner and its own
// events. The events' NOTIFYs come in order, and the schedulers' wake-up after them. These tests
// hold that shape.

type Heard = { channel: string; payload: string };

async function listening(db: { listen: (c: string, h: (p: string) => void) => Promise<unknown> }) {
  const heard: Heard[] = [];
  for (const channel of [eventsChannel, timersChannel])
    await db.listen(channel, (payload) => heard.push({ channel, payload }));
  return heard;
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describeOnDatabases('the statements of a send', (h) => {
  it('announces its events in order, then wakes the schedulers for its earliest due work', async () => {
    const heard = await listening(h().database);
    const created = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${created.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    const handoffId = sent.body.id as string;
    const db = h().database.db;

    const events = await db.select().from(caseEvents).where(eq(caseEvents.handoffId, handoffId));
    const types = events.sort((a, b) => a.seq - b.seq).map((e) => e.type);
    expect(types).toEqual(['sla.started', 'sla.started', 'handoff.sent', 'owner.assigned']);
    const clocks = await db.select().from(slaClocks).where(eq(slaClocks.handoffId, handoffId));
    expect(clocks.map((c) => c.name).sort()).toEqual(['acknowledge', 'resolve']);
    expect(clocks.every((c) => c.dueAt !== null && c.deadline !== null)).toBe(true);
    const timerRows = await db
      .select()
      .from(timers)
      .where(
        inArray(
          timers.refId,
          clocks.map((c) => c.id),
        ),
      );
    expect(timerRows).toEqual([]);

    const mine = () => heard.filter((n) => n.channel === timersChannel || n.payload.includes(handoffId));
    await until(() => mine().length >= 5);
    const order = mine().map((n) => (n.channel === timersChannel ? 'wake' : JSON.parse(n.payload).type));
    expect(order).toEqual(['sla.started', 'sla.started', 'handoff.sent', 'owner.assigned', 'wake']);
    const seqs = mine()
      .filter((n) => n.channel === eventsChannel)
      .map((n) => JSON.parse(n.payload).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const earliest = Math.min(...clocks.map((c) => c.dueAt!.getTime()));
    expect(mine().at(-1)!.payload).toBe(String(earliest));
  });

  it('writes nothing and announces nothing when one write beside the events fails', async () => {
    const heard = await listening(h().database);
    const created = await h().request('POST', '/api/v1/cases', newCase());
    const caseId = created.body.id as string;
    const orgId = h().org.orgId;
    const before = await h().database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    const attempt = h().database.db.transaction(async (tx) => {
      const timer = timerWrites([
        { orgId, kind: 'test.kind', refId: 'ref-beside', dueAt: new Date('2030-01-01T00:00:00Z') },
      ]);
      // A second clock row with the id of the first: the primary key refuses the whole statement.
      const clock = {
        id: 'clk_dup',
        orgId,
        caseId,
        handoffId: 'ho_none',
        name: 'resolve',
        target: 'PT1H',
        calendar: {},
        ladder: [],
        state: 'running',
        startedAt: new Date(),
        budgetMs: 3_600_000,
        consumedMs: 0,
      };
      await appendEvents(tx, [{ orgId, caseId, type: 'test.beside', at: new Date() }], {
        writes: [...timer.writes, tx.insert(slaClocks).values([clock, clock])],
        notices: timer.notices,
      });
    });
    await expect(attempt).rejects.toThrow();
    const after = await h().database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(after).toEqual(before);
    expect(await h().database.db.select().from(timers).where(eq(timers.refId, 'ref-beside'))).toEqual([]);
    expect(await h().database.db.select().from(slaClocks).where(eq(slaClocks.id, 'clk_dup'))).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard.filter((n) => n.payload.includes('test.beside') || n.payload === '1893456000000')).toEqual(
      [],
    );
  });
});
