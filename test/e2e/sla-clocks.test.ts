import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

const H = 3_600_000;

describeOnDatabases('SLA clocks on handoffs', (h) => {
  async function send(scenario = 'billing-to-finance') {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario,
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    return { caseId: c.body.id as string, handoff: sent.body };
  }
  const eventsOf = async (caseId: string, type: string) =>
    (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items.filter(
      (e: { type: string }) => e.type === type,
    );

  it('fires one breach at the deadline, never twice, even with concurrent schedulers', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const { caseId, handoff } = await send();
    const deadline = handoff.sla.find((c: { name: string }) => c.name === 'acknowledge').deadline;
    h().setNow(new Date(Date.parse(deadline) - 1000));
    await h().runtime.scheduler.runDue();
    expect(await eventsOf(caseId, 'sla.breached')).toHaveLength(0);
    h().setNow(new Date(Date.parse(deadline) + 10));
    await Promise.all([
      h().runtime.scheduler.runDue(),
      h().runtime.scheduler.runDue(),
      h().runtime.scheduler.runDue(),
    ]);
    await h().runtime.scheduler.runDue();
    const breaches = await eventsOf(caseId, 'sla.breached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0].data).toMatchObject({ handoffId: handoff.id, clock: 'acknowledge', deadline });
    expect(breaches[0].data.paged).toBeUndefined();
    const warnings = await eventsOf(caseId, 'sla.warning');
    expect(warnings).toHaveLength(1); // the 75 % rung
    const escalations = await eventsOf(caseId, 'sla.escalated');
    expect(escalations.map((e: { data: { action: string } }) => e.data.action)).toEqual(['notify_lead']);
    const view = await h().request('GET', `/api/v1/handoffs/${handoff.id}`);
    expect(view.body.sla.find((c: { name: string }) => c.name === 'acknowledge').state).toBe('breached');
    expect(view.body.quality.checks.find((c: { id: string }) => c.id === 'picked_up_in_time').result).toBe(
      'fail',
    );
  });

  it("arms a clock's breach and its next rung only, and climbs the ladder one rung at a time, each once", async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const { caseId, handoff } = await send();
    // A clock is its own timer: due at its next rung (75 %, before its deadline), no timer rows.
    const armed = async () =>
      rowsOf<{ clock: string; at: number | null; rung_first: boolean }>(
        await h().database.db.execute(sql`select name as clock, (next_rung->>'at')::int as at,
            due_at = rung_due_at and rung_due_at < deadline as rung_first
          from sla_clocks where handoff_id = ${handoff.id} and due_at is not null order by name`),
      );
    expect(await armed()).toEqual([
      { clock: 'acknowledge', at: 75, rung_first: true },
      { clock: 'resolve', at: 75, rung_first: true },
    ]);
    const timerRows = await h().database.db.execute(
      sql`select count(*)::int as n from timers t join sla_clocks c on c.id = t.ref_id where c.handoff_id = ${handoff.id}`,
    );
    expect(rowsOf<{ n: number }>(timerRows)[0]!.n).toBe(0);
    // The handoff says what its ladder does next, the same in the send's answer and when read again.
    const nextOf = (view: { sla: { name: string; next: unknown }[] }) =>
      view.sla.map((c) => ({ clock: c.name, next: c.next }));
    const [rungAt] = rowsOf<{ at: string }>(
      await h().database.db.execute(
        sql`select rung_due_at as at from sla_clocks where handoff_id = ${handoff.id} and name = 'acknowledge'`,
      ),
    );
    const read = (await h().request('GET', `/api/v1/handoffs/${handoff.id}`)).body;
    expect(nextOf(read)[0]).toEqual({
      clock: 'acknowledge',
      next: { action: 'warn_owner', at: 75, dueAt: new Date(rungAt!.at).toISOString() },
    });
    expect(nextOf(handoff)).toEqual(nextOf(read));
    // Long past every rung of both clocks (the server was down, say): each rung fires once, in order.
    h().setNow('2026-12-14T10:00:00Z');
    let passes = 0;
    while ((await h().runtime.scheduler.runDue()) > 0) passes++;
    expect(passes).toBeGreaterThanOrEqual(3);
    expect(await armed()).toEqual([]);
    const climbed = (await h().request('GET', `/api/v1/handoffs/${handoff.id}`)).body;
    expect(nextOf(climbed).map((c) => c.next)).toEqual([null, null]);
    for (const clock of ['acknowledge', 'resolve']) {
      const mine = async (type: string) =>
        (await eventsOf(caseId, type)).filter((e: { data: { clock: string } }) => e.data.clock === clock);
      expect(await mine('sla.breached')).toHaveLength(1);
      expect((await mine('sla.warning')).map((e: { data: { at: number } }) => e.data.at)).toEqual([75]);
      expect((await mine('sla.escalated')).map((e: { data: { action: string } }) => e.data.action)).toEqual([
        'notify_lead',
        'page_supervisor',
      ]);
    }
  });

  it('retries a failing rung later without holding back the breach, and fires each once', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const { caseId, handoff } = await send();
    const [clock] = rowsOf<{ id: string; calendar: unknown }>(
      await h().database.db.execute(
        sql`select id, calendar from sla_clocks where handoff_id = ${handoff.id} and name = 'acknowledge'`,
      ),
    );
    const state = async () =>
      rowsOf<{ state: string; attempts: number; failed: boolean; due: string | null; retry: string | null }>(
        await h().database.db.execute(sql`select state, attempts, last_error is not null as failed,
            to_char(due_at at time zone 'UTC', 'HH24:MI:SS.MS') as due,
            to_char(retry_at at time zone 'UTC', 'HH24:MI:SS.MS') as retry
          from sla_clocks where id = ${clock!.id}`),
      )[0]!;
    // A calendar the engine cannot read: climbing a rung (arming the next) throws; a breach does not.
    await h().database.db.execute(
      sql`update sla_clocks set calendar = '{"timezone": "Nowhere/Atlantis"}'::jsonb where id = ${clock!.id}`,
    );
    const deadline = handoff.sla.find((c: { name: string }) => c.name === 'acknowledge').deadline;
    h().setNow(new Date(Date.parse(deadline) + 10));
    await h().runtime.scheduler.runDue();
    const acknowledge = async (type: string) =>
      (await eventsOf(caseId, type)).filter(
        (e: { data: { clock: string } }) => e.data.clock === 'acknowledge',
      );
    expect(await acknowledge('sla.breached')).toHaveLength(1);
    expect(await acknowledge('sla.warning')).toHaveLength(0);
    const retryAt = new Date(Date.parse(deadline) + 10 + 1000).toISOString().slice(11, 23);
    expect(await state()).toEqual({
      state: 'breached',
      attempts: 1,
      failed: true,
      due: retryAt,
      retry: retryAt,
    });
    // Before the retry is due nothing is claimed again; after it, the rung fires once and recovers.
    await h().runtime.scheduler.runDue();
    expect((await state()).attempts).toBe(1);
    await h().database.db.execute(
      sql`update sla_clocks set calendar = ${JSON.stringify(clock!.calendar)}::jsonb where id = ${clock!.id}`,
    );
    h().setNow(new Date(Date.parse(deadline) + 10 + 1000));
    await h().runtime.scheduler.runDue();
    expect(await acknowledge('sla.warning')).toHaveLength(1);
    expect(await acknowledge('sla.breached')).toHaveLength(1);
    const after = await state();
    expect({ attempts: after.attempts, failed: after.failed, retry: after.retry }).toEqual({
      attempts: 0,
      failed: false,
      retry: null,
    });
  });

  it('does not breach a clock stopped in time', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const { caseId, handoff } = await send();
    h().advance(H);
    await h().request('POST', `/api/v1/handoffs/${handoff.id}/accept`);
    h().advance(10 * H);
    await h().runtime.scheduler.runDue();
    expect(
      (await eventsOf(caseId, 'sla.breached')).filter(
        (e: { data: { clock: string } }) => e.data.clock === 'acknowledge',
      ),
    ).toHaveLength(0);
    const view = await h().request('GET', `/api/v1/handoffs/${handoff.id}`);
    expect(view.body.sla.find((c: { name: string }) => c.name === 'acknowledge').state).toBe('met');
    expect(view.body.quality.checks.find((c: { id: string }) => c.id === 'picked_up_in_time').result).toBe(
      'pass',
    );
  });

  it('recomputes the deadline on pause and resume', async () => {
    h().setNow('2026-11-23T10:00:00Z'); // Mon 10:00 London, finance 09:00-12:30, 13:15-17:30
    const { handoff } = await send();
    h().setNow('2026-11-23T11:00:00Z'); // 1 business hour used
    const paused = await h().request('POST', `/api/v1/handoffs/${handoff.id}/pause`, {
      reason: 'waiting on the customer',
    });
    expect(paused.status).toBe(200);
    expect(paused.body.sla.find((c: { name: string }) => c.name === 'acknowledge').deadline).toBeNull();
    const armed = async () =>
      rowsOf<{ due: Date | null; rung: number | null }>(
        await h().database.db.execute(sql`select due_at as due, (next_rung->>'at')::int as rung
          from sla_clocks where handoff_id = ${handoff.id} and name = 'acknowledge'`),
      )[0]!;
    // Paused, the clock is due for nothing: no breach, no rung.
    expect(await armed()).toEqual({ due: null, rung: null });
    h().setNow('2026-11-24T09:00:00Z'); // Tue 09:00: 3 hours left -> 12:00
    const resumed = await h().request('POST', `/api/v1/handoffs/${handoff.id}/resume`);
    expect(resumed.body.sla.find((c: { name: string }) => c.name === 'acknowledge').deadline).toBe(
      '2026-11-24T12:00:00.000Z',
    );
    // Resumed with 3 of 4 hours left, it re-arms the 75 % rung still ahead: 3 h of 4 used at 12:00 - 1 h = 11:00.
    const resumedArmed = await armed();
    expect({ due: new Date(resumedArmed.due!).toISOString(), rung: resumedArmed.rung }).toEqual({
      due: '2026-11-24T11:00:00.000Z',
      rung: 75,
    });
  });

  it('breaches the at-once supervisor clock immediately and keeps its due work durable in the database', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const { caseId } = await send('agent-to-supervisor');
    const pending = await h().database.db.execute(
      sql`select count(*)::int as n from sla_clocks where case_id = ${caseId} and due_at <= ${new Date('2026-11-23T10:00:00Z')}`,
    );
    expect(Number(rowsOf<{ n: number }>(pending)[0]!.n)).toBeGreaterThan(0);
    await h().runtime.scheduler.runDue();
    expect(await eventsOf(caseId, 'sla.breached')).toHaveLength(1);
  });

  it('recomputes running deadlines when the team calendar changes, and previews public holidays', async () => {
    h().setNow('2026-11-23T10:00:00Z'); // Mon 10:00 London
    const { handoff } = await send();
    h().setNow('2026-11-23T11:00:00Z'); // one business hour used
    const hours = {
      mon: [['08:00', '12:00']],
      tue: [['08:00', '12:00']],
      wed: [['08:00', '12:00']],
      thu: [['08:00', '12:00']],
      fri: [['08:00', '12:00']],
    };
    const res = await h().request('PUT', '/api/v1/teams/finance/calendar', {
      timezone: 'Europe/London',
      hours,
      holidays: ['2026-11-24'],
    });
    expect(res.status).toBe(200);
    expect(res.body.clocksRecomputed).toBeGreaterThanOrEqual(1);
    // 3 hours left: Mon 11:00-12:00, Tue is a holiday, Wed 08:00-10:00.
    const view = await h().request('GET', `/api/v1/handoffs/${handoff.id}`);
    expect(view.body.sla.find((c: { name: string }) => c.name === 'acknowledge').deadline).toBe(
      '2026-11-25T10:00:00.000Z',
    );
    const bad = await h().request('PUT', '/api/v1/teams/finance/calendar', {
      timezone: 'Mars/Olympus',
      hours,
    });
    expect(bad.status).toBe(400);
    const overlapping = await h().request('PUT', '/api/v1/teams/finance/calendar', {
      timezone: 'Europe/London',
      hours: {
        ...hours,
        mon: [
          ['09:00', '14:00'],
          ['13:15', '17:30'],
        ],
      },
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error).toMatchObject({
      code: 'validation_failed',
      field: 'hours.mon',
      message: 'hours.mon: interval 13:15-17:30 overlaps the one before it',
    });
    const preview = await h().request('GET', '/api/v1/sla/holidays?country=DE&years=2026');
    expect(preview.status).toBe(200);
    expect(preview.body.holidays.map((x: { date: string }) => x.date)).toContain('2026-12-25');
  });

  it("holds a ladder rung until the notified person's own hours when the step says so", async () => {
    await h().request('POST', '/api/v1/scenarios', {
      id: 'weekend-watch',
      toTeam: 'tier2',
      sla: [{ name: 'acknowledge', target: 'PT2H', calendar: { timezone: 'UTC', hours: '24/7' } }],
      ladder: [{ at: 50, action: 'warn_owner', respectHours: true }],
    });
    h().setNow('2026-11-28T10:00:00Z'); // Saturday
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'weekend-watch',
      packet: fullPacket,
    });
    const owner = sent.body.owner.id as string;
    const weekdays = {
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    };
    await h().database.db.execute(
      sql`update people set calendar = ${JSON.stringify({ timezone: 'Europe/Paris', hours: weekdays })}::jsonb where id = ${owner}`,
    );
    h().setNow('2026-11-28T11:00:01Z'); // 50 % used, owner off shift
    await h().runtime.scheduler.runDue();
    expect(await eventsOf(c.body.id, 'sla.warning')).toHaveLength(0);
    h().setNow('2026-11-30T08:00:01Z'); // Monday 09:00 in Paris
    await h().runtime.scheduler.runDue();
    const warnings = await eventsOf(c.body.id, 'sla.warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].data.notify).toBe(owner);
    await h().database.db.execute(sql`update people set calendar = null where id = ${owner}`);
  });
});
