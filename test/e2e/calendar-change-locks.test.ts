import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnPostgres, fullPacket, newCase } from '../support/harness.ts';
import { latch, waitingOnLocks as waitingForLocks } from '../support/locks.ts';

// A team's new hours move its running clocks. Two transactions meet them on the way:
// - a send reads the team's hours, writes its clocks on them, and only then locks the team; an
//   admin's change that commits in between must not leave that send's clocks on the old hours;
// - the SLA job (and an owner's command) holds a clock and may then lock the team (a `reassign`
//   rung); a change holding the team and waiting for that clock would close a circle.

const newHours = {
  timezone: 'Europe/London',
  hours: {
    mon: [['08:00', '12:00']],
    tue: [['08:00', '12:00']],
    wed: [['08:00', '12:00']],
    thu: [['08:00', '12:00']],
    fri: [['08:00', '12:00']],
  },
  holidays: ['2026-11-24'],
};
// `acknowledge` (4 business hours) sent on Monday 10:00 London on these hours: Monday 10:00 to
// 12:00, Tuesday a holiday, Wednesday 08:00 to 10:00. On Finance's demo hours, Monday 14:45.
const ackOnNewHours = '2026-11-25T10:00:00.000Z';

describeOnPostgres('a team calendar change while sends and the SLA job are at work', (h) => {
  const waitingOnLocks = () => waitingForLocks(h().database);
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const deadlineOf = (view: { sla: { name: string; deadline: string | null }[] }, clock: string) =>
    view.sla.find((c) => c.name === clock)?.deadline;

  /** A transaction of another session, held open after `first` until `finish` runs `then`. */
  async function holding(first: (tx: Tx) => Promise<unknown>, then: (tx: Tx) => Promise<unknown>) {
    const held = latch();
    const going = latch();
    const done = h().database.db.transaction(async (tx) => {
      await first(tx);
      held.open();
      await going.opened;
      await then(tx);
    });
    await held.opened;
    return {
      finish: () => {
        going.open();
        return done;
      },
    };
  }
  type Tx = Parameters<Parameters<ReturnType<typeof h>['database']['db']['transaction']>[0]>[0];
  const financeId = async () =>
    rowsOf<{ id: string }>(
      await h().database.db.execute(
        sql`select id from teams where org_id = ${h().org.orgId} and key = 'finance'`,
      ),
    )[0]!.id;
  const restoreFinance = async (calendar: unknown) =>
    h().database.db.execute(
      sql`update teams set calendar = ${JSON.stringify(calendar)}::jsonb where id = ${await financeId()}`,
    );
  const financeCalendar = async () =>
    rowsOf<{ calendar: unknown }>(
      await h().database.db.execute(sql`select calendar from teams where id = ${await financeId()}`),
    )[0]!.calendar;

  const calendarChanges = async () =>
    ((await h().request('GET', '/api/v1/admin/changes?limit=200')).body.items as { action: string }[]).filter(
      (x) => x.action === 'calendar.changed',
    ).length;

  it('runs the clocks of a send that read the old hours, and took the team after they changed, on the new hours', async () => {
    const before = await financeCalendar();
    h().setNow('2026-11-23T10:00:00Z'); // Monday 10:00 London
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const team = await financeId();
    // Another session holds Finance, as a send in flight does; it changes the hours and commits
    // while the send below waits for the team with its clocks written on the hours it read.
    const admin = await holding(
      (tx) => tx.execute(sql`select id from teams where id = ${team} for no key update`),
      (tx) =>
        tx.execute(sql`update teams set calendar = ${JSON.stringify(newHours)}::jsonb where id = ${team}`),
    );
    const sending = h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    for (let i = 0; i < 400 && (await waitingOnLocks()) === 0; i++) await pause(10);
    expect(await waitingOnLocks()).toBe(1);
    await admin.finish();
    const sent = await sending;
    expect(sent.status).toBe(201);

    expect(deadlineOf(sent.body, 'acknowledge')).toBe(ackOnNewHours);
    const view = await h().request('GET', `/api/v1/handoffs/${sent.body.id}`);
    expect(view.body.sla).toEqual(sent.body.sla);
    const clocks = rowsOf<{ name: string; calendar: unknown; deadline: Date; due_at: Date }>(
      await h().database.db.execute(
        sql`select name, calendar, deadline, due_at from sla_clocks where handoff_id = ${sent.body.id}`,
      ),
    );
    expect(clocks.length).toBeGreaterThan(0);
    for (const clock of clocks) expect(clock.calendar).toEqual(newHours);
    const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items as {
      type: string;
      data: { clock?: string; deadline?: string; team?: string };
    }[];
    const moved = events.filter((e) => e.type === 'sla.recalendared');
    expect(moved.map((e) => e.data.clock).sort()).toEqual(clocks.map((x) => x.name).sort());
    expect(moved.find((e) => e.data.clock === 'acknowledge')?.data).toMatchObject({
      deadline: ackOnNewHours,
      team: 'finance',
    });
    await restoreFinance(before);
  });

  /** A handoff sent to Finance on Monday 10:00 London, its clocks running on Finance's hours. */
  async function sentToFinance() {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    return { c, sent };
  }

  it('never waits for a clock the SLA job holds while it holds the team, and saves once the job is done', async () => {
    const before = await financeCalendar();
    const { sent } = await sentToFinance();
    const team = await financeId();
    // As the SLA job does on a `reassign` rung: its clock (claimed with the handoff), then the team.
    const job = await holding(
      (tx) => tx.execute(sql`select id from sla_clocks where handoff_id = ${sent.body.id} for update`),
      (tx) => tx.execute(sql`select id from teams where id = ${team} for no key update`),
    );
    const changing = h().request('PUT', '/api/v1/teams/finance/calendar', newHours);
    // Before, the change took the team and waited here for the job's clock; the job then waited for
    // the team, and PostgreSQL ended one of them as a deadlock.
    for (let i = 0; i < 20 && (await waitingOnLocks()) === 0; i++) await pause(10);
    expect(await waitingOnLocks()).toBe(0);
    await job.finish();
    const changed = await changing;
    expect(changed.status).toBe(200);
    expect(changed.body.clocksRecomputed).toBeGreaterThanOrEqual(1);
    const view = await h().request('GET', `/api/v1/handoffs/${sent.body.id}`);
    expect(deadlineOf(view.body, 'acknowledge')).toBe(ackOnNewHours);
    await restoreFinance(before);
  });

  it('gives up with a conflict, nothing changed, when a clock stays held', async () => {
    const before = await financeCalendar();
    const { c, sent } = await sentToFinance();
    const changesBefore = await calendarChanges();
    const holder = await holding(
      (tx) => tx.execute(sql`select id from sla_clocks where handoff_id = ${sent.body.id} for update`),
      async () => {},
    );
    const changed = await h().request('PUT', '/api/v1/teams/finance/calendar', newHours);
    await holder.finish();
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: 'conflict', field: 'calendar' });
    expect(changed.body.error.message).toMatch(/nothing was changed/);
    expect(await financeCalendar()).toEqual(before);
    const view = await h().request('GET', `/api/v1/handoffs/${sent.body.id}`);
    expect(view.body.sla).toEqual(sent.body.sla);
    const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items as {
      type: string;
    }[];
    expect(events.filter((e) => e.type === 'sla.recalendared')).toEqual([]);
    expect(await calendarChanges()).toBe(changesBefore);
  });
});
