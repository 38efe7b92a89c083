import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

// Reassigning names a new accountable owner: a person of the organisation who can still act. An
// unknown or deactivated one is refused with the field named, and nothing changes.
describeOnDatabases('reassigning a handoff to a named owner', (h) => {
  const sendOne = async () => {
    const kase = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    return sent.body as { id: string; owner: { id: string } };
  };

  it('moves it to an active person, with the reason in the owner change', async () => {
    const sent = await sendOne();
    const tom = h().org.personIds.get(sent.owner.id === h().org.personIds.get('tom') ? 'priya' : 'tom')!;
    const moved = await h().request('POST', `/api/v1/handoffs/${sent.id}/reassign`, {
      ownerId: tom,
      reason: 'billing specialist',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.owner.id).toBe(tom);
    const events = await h().request('GET', `/api/v1/handoffs/${sent.id}`);
    expect(events.body.owner.id).toBe(tom);
  });

  it('lets Baton choose when no owner is named, saying by which rule in the owner change', async () => {
    const sent = await sendOne();
    const moved = await h().request('POST', `/api/v1/handoffs/${sent.id}/reassign`, { reason: 'out today' });
    expect(moved.status).toBe(200);
    expect(moved.body.owner.id).not.toBe(sent.owner.id);
    const kase = (await h().request('GET', `/api/v1/handoffs/${sent.id}`)).body as { caseId: string };
    const changes = (await h().request('GET', `/api/v1/cases/${kase.caseId}/events`)).body.items.filter(
      (e: { type: string }) => e.type === 'owner.changed',
    );
    expect(changes.at(-1).data).toMatchObject({
      from: sent.owner.id,
      to: moved.body.owner.id,
      reason: expect.stringMatching(/^out today \((round-robin|least-loaded|skills.*)\)$/),
    });
  });

  it('refuses an unknown person and a deactivated one, changing nothing', async () => {
    const sent = await sendOne();
    const priya = h().org.personIds.get('priya')!;
    const tom = h().org.personIds.get('tom')!;
    const leaving = sent.owner.id === tom ? priya : tom;
    expect((await h().request('POST', `/api/v1/people/${leaving}/deactivate`)).status).toBe(200);
    const before = await snapshot(h().database);
    const unknown = await h().request('POST', `/api/v1/handoffs/${sent.id}/reassign`, {
      ownerId: 'p_nobody',
      reason: 'covering',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'validation_failed',
      message: 'no person p_nobody in this organisation',
      field: 'ownerId',
    });
    const gone = await h().request('POST', `/api/v1/handoffs/${sent.id}/reassign`, {
      ownerId: leaving,
      reason: 'covering',
    });
    expect(gone.status).toBe(400);
    expect(gone.body.error.code).toBe('validation_failed');
    expect(gone.body.error.message).toMatch(/ is deactivated and cannot own a handoff$/);
    expect(gone.body.error.field).toBe('ownerId');
    expect(await snapshot(h().database)).toEqual(before);
    expect((await h().request('GET', `/api/v1/handoffs/${sent.id}`)).body.owner.id).toBe(sent.owner.id);
  });
});
