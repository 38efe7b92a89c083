import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// GET /sla/health tells a lead whether the SLA engine keeps up: armed clocks, what is overdue
// (due over a minute ago and unattended: no scheduler running) and what keeps failing.

describeOnDatabases('the SLA engine’s health', (h) => {
  const health = async () => {
    const res = await h().request('GET', '/api/v1/sla/health');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('is healthy with clocks armed, then names the clocks nobody attended, until the scheduler runs', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const before = await health();
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    const armed = await health();
    expect(armed).toMatchObject({ ok: true, issues: [], checkedAt: '2026-11-23T10:00:00.000Z' });
    expect(armed.armed).toBe(before.armed + 2);
    expect(armed.clocks).toMatchObject({ due: 0, overdue: 0, oldestOverdueAt: null, failing: 0 });

    // The acknowledge clock's 75 % rung (3 of 4 business hours) fell due; no scheduler ran since.
    const [rung] = rowsOf<{ at: string }>(
      await h().database.db.execute(
        sql`select rung_due_at as at from sla_clocks where handoff_id = ${sent.body.id} and name = 'acknowledge'`,
      ),
    );
    const rungAt = new Date(rung!.at);
    h().setNow(new Date(rungAt.getTime() + 30_000));
    expect(await health()).toMatchObject({ ok: true, clocks: { due: 1, overdue: 0 } });
    h().setNow(new Date(rungAt.getTime() + 5 * 60_000));
    const late = await health();
    expect(late.ok).toBe(false);
    expect(late.clocks).toMatchObject({ due: 1, overdue: 1, oldestOverdueAt: rungAt.toISOString() });
    expect(late.issues).toEqual([
      `1 SLA clock fell due more than a minute ago and has not been attended (the oldest at ${rungAt.toISOString()}): check that a Baton process with its scheduler is running`,
    ]);
    await h().runtime.scheduler.runDue();
    expect(await health()).toMatchObject({ ok: true, issues: [], clocks: { due: 0, overdue: 0 } });
  });

  it('lists a clock whose work keeps failing, with its error, until it recovers', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const [clock] = rowsOf<{ id: string; calendar: unknown; rung: string }>(
      await h().database.db.execute(
        sql`select id, calendar, rung_due_at as rung from sla_clocks where handoff_id = ${sent.body.id} and name = 'acknowledge'`,
      ),
    );
    await h().database.db.execute(
      sql`update sla_clocks set calendar = '{"timezone": "Nowhere/Atlantis"}'::jsonb where id = ${clock!.id}`,
    );
    h().setNow(new Date(new Date(clock!.rung).getTime() + 10));
    await h().runtime.scheduler.runDue();
    const failing = await health();
    expect(failing.ok).toBe(false);
    expect(failing.clocks.failing).toBe(1);
    expect(failing.issues).toEqual([
      expect.stringMatching(
        /^1 SLA clock failed at the last attempt and is being retried \(latest error: SlaError: invalid calendar/,
      ),
    ]);
    expect(failing.failures).toEqual([
      expect.objectContaining({
        kind: 'clock',
        clockId: clock!.id,
        clock: 'acknowledge',
        handoffId: sent.body.id,
        caseId: c.body.id,
        attempts: 1,
        lastError: expect.stringContaining('invalid calendar'),
      }),
    ]);
    await h().database.db.execute(
      sql`update sla_clocks set calendar = ${JSON.stringify(clock!.calendar)}::jsonb where id = ${clock!.id}`,
    );
    h().advance(2000);
    await h().runtime.scheduler.runDue();
    expect(await health()).toMatchObject({ ok: true, failures: [], clocks: { failing: 0 } });
  });

  it('is for leads and supervisors', async () => {
    const agent = await h().tokenFor('amara', ['agent']);
    const res = await h().request('GET', '/api/v1/sla/health', undefined, { token: agent });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});
