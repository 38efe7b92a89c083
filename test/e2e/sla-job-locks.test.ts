import { expect, it } from 'vitest';
import { lockHandoff } from '../../src/handoffs/handoffs.commands.ts';
import { stopClocks } from '../../src/sla/sla.commands.ts';
import { describeOnPostgres, fullPacket, newCase } from '../support/harness.ts';
import { latch, waitingOnLocks as waitingForLocks } from '../support/locks.ts';

// An owner's command takes its handoff, then the handoff's clocks (accept stops `acknowledge`;
// resolve and bounce stop them all). The SLA job claims a due clock and may then reassign its
// handoff (a `reassign` rung). Were the job to hold the clock and wait for the handoff while the
// owner held the handoff and waited for the clock, PostgreSQL would end one of them as a deadlock:
// the owner's accept, answered with an error, at the moment it mattered most. So the job claims the
// clock together with its handoff, skipping both while either is held.

describeOnPostgres('the SLA job while an owner acts on the handoff', (h) => {
  const waitingOnLocks = () => waitingForLocks(h().database);
  const eventsOf = async (caseId: string, type: string) =>
    (
      (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items as {
        type: string;
        data: object;
      }[]
    )
      .filter((e) => e.type === type)
      .map((e) => e.data);

  /** A handoff whose `acknowledge` clock reassigns it at half time, sent, and the clock now at half. */
  async function dueForReassign() {
    await h().request('POST', '/api/v1/scenarios', {
      id: 'reassign-watch',
      toTeam: 'tier2',
      sla: [{ name: 'acknowledge', target: 'PT2H', calendar: { timezone: 'UTC', hours: '24/7' } }],
      ladder: [{ at: 50, action: 'reassign' }],
    });
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'reassign-watch',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    h().setNow('2026-11-23T11:00:01Z');
    return { caseId: c.body.id as string, handoffId: sent.body.id as string, owner: sent.body.owner.id };
  }

  /** An owner's command that has taken the handoff and, released, stops `acknowledge` as accept does. */
  async function ownerHolding(handoffId: string, caseId: string, stopAcknowledge: boolean) {
    const held = latch();
    const going = latch();
    const done = h().database.db.transaction(async (tx) => {
      await lockHandoff(tx, h().org.orgId, handoffId);
      held.open();
      await going.opened;
      if (stopAcknowledge)
        await stopClocks(tx, { orgId: h().org.orgId, caseId, handoffId }, ['acknowledge'], h().now());
    });
    await held.opened;
    return {
      finish: () => {
        going.open();
        return done;
      },
    };
  }

  /** Runs a pass; resolves with whether it ended by itself while nobody waited on a lock. */
  async function passWithoutWaiting() {
    let ended = false;
    const pass = h()
      .runtime.scheduler.runDue()
      .then(() => {
        ended = true;
      });
    for (let i = 0; i < 400 && !ended; i++) {
      if ((await waitingOnLocks()) > 0) return { ended: false, pass };
      await new Promise((r) => setTimeout(r, 25));
    }
    return { ended, pass };
  }

  it('leaves a due clock whose handoff an owner holds to a later pass, without waiting for them', async () => {
    const { caseId, handoffId, owner } = await dueForReassign();
    const holder = await ownerHolding(handoffId, caseId, false);
    const first = await passWithoutWaiting();
    await holder.finish();
    await first.pass;
    expect(first.ended).toBe(true);
    expect(await eventsOf(caseId, 'owner.changed')).toEqual([]);

    // Released, the next pass does the rung, once.
    await h().runtime.scheduler.runDue();
    await h().runtime.scheduler.runDue();
    const changes = await eventsOf(caseId, 'owner.changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      from: owner,
      reason: expect.stringMatching(/^unacknowledged at 50% of acknowledge/),
    });
  });

  it('lets the owner stop the clock it holds the handoff for, and then does not reassign', async () => {
    const { caseId, handoffId, owner } = await dueForReassign();
    const holder = await ownerHolding(handoffId, caseId, true);
    const first = await passWithoutWaiting();
    // As accept does after taking the handoff: stop the clock. Before, the job held it and waited
    // for the handoff, and this waited for the job: a deadlock.
    await holder.finish();
    await first.pass;
    expect(first.ended).toBe(true);
    await h().runtime.scheduler.runDue();
    expect(await eventsOf(caseId, 'owner.changed')).toEqual([]);
    const view = await h().request('GET', `/api/v1/handoffs/${handoffId}`);
    expect(view.body.owner.id).toBe(owner);
    expect(view.body.sla.find((c: { name: string }) => c.name === 'acknowledge').state).toBe('met');
  });
});
