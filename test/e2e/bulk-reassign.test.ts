import { expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

type Notice = { kind: string; title: string; body: string; link: string };
type Outcome = {
  id: string;
  outcome: 'reassigned' | 'unchanged' | 'refused';
  ownerId?: string;
  previousOwnerId?: string | null;
  error?: { code: string; message: string };
  handoff?: { id: string; owner: { id: string } };
};

// Several handoffs reassigned in one request: each answered on its own (moved, already theirs, or
// refused and left as it was), one owner change each, and one notice per new owner for the lot.
describeOnDatabases('reassigning several handoffs at once', (h) => {
  const id = (key: string) => h().org.personIds.get(key)!;
  const sendOne = async (subject: string) => {
    const kase = await h().request('POST', '/api/v1/cases', newCase({ subject }));
    const sent = await h().request('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    return sent.body as { id: string; caseId: string; owner: { id: string } };
  };
  const ownerChanges = async (caseId: string) =>
    (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items.filter(
      (e: { type: string }) => e.type === 'owner.changed',
    );
  const noticesOf = async (key: string): Promise<Notice[]> =>
    (
      await h().request('GET', '/api/v1/notifications', undefined, { token: await h().tokenFor(key) })
    ).body.items.filter((n: Notice) => n.kind === 'owner_changed');

  it('moves each it can, refuses the rest one by one, and tells the new owner once', async () => {
    const grace = await h().tokenFor('grace');
    const open = [
      await sendOne('Bulk: refund owed'),
      await sendOne('Bulk: invoice wrong'),
      await sendOne('Bulk: card charged twice'),
      await sendOne('Bulk: VAT number missing'),
    ];
    const closed = await sendOne('Bulk: already resolved');
    for (const step of ['accept', 'resolve'])
      expect((await h().request('POST', `/api/v1/handoffs/${closed.id}/${step}`)).status).toBe(200);
    const ids = [...open.map((s) => s.id), closed.id, 'ho_nobody'];
    const res = await h().request(
      'POST',
      '/api/v1/handoffs/reassign',
      { ids, ownerId: id('tom'), reason: 'Priya is out today' },
      { token: grace },
    );
    expect(res.status).toBe(200);
    const outcomes = res.body.outcomes as Outcome[];
    expect(outcomes.map((o) => o.id)).toEqual(ids);
    const moved = open.filter((s) => s.owner.id !== id('tom'));
    const already = open.filter((s) => s.owner.id === id('tom'));
    expect(res.body).toMatchObject({ reassigned: moved.length, unchanged: already.length, refused: 2 });
    for (const [i, s] of open.entries()) {
      expect(outcomes[i]).toMatchObject(
        s.owner.id === id('tom')
          ? { outcome: 'unchanged', ownerId: id('tom') }
          : { outcome: 'reassigned', ownerId: id('tom'), previousOwnerId: s.owner.id },
      );
      expect(outcomes[i]!.handoff).toMatchObject({ id: s.id, owner: { id: id('tom') } });
      expect((await h().request('GET', `/api/v1/handoffs/${s.id}`)).body.owner.id).toBe(id('tom'));
      const changes = await ownerChanges(s.caseId);
      expect(changes).toHaveLength(s.owner.id === id('tom') ? 0 : 1);
      if (changes[0])
        expect(changes[0]).toMatchObject({
          actorId: id('grace'),
          data: { from: s.owner.id, to: id('tom'), reason: 'Priya is out today' },
        });
    }
    expect(outcomes[4]).toMatchObject({ outcome: 'refused', error: { code: 'invalid_transition' } });
    expect(outcomes[4]!.error!.message).toBe('a resolved handoff cannot be reassigned');
    expect(outcomes[5]).toMatchObject({ outcome: 'refused', error: { code: 'not_found' } });
    expect((await h().request('GET', `/api/v1/handoffs/${closed.id}`)).body.state).toBe('resolved');
    expect(await ownerChanges(closed.caseId)).toHaveLength(0);

    // One notice for all of them, naming the first few and linking to Tom's own queue.
    // Round-robin deals four sends over Finance's members: at least two were someone else's.
    expect(moved.length).toBeGreaterThanOrEqual(2);
    // The clock stands still in tests: notices are told apart by their words, not their order.
    const told = (await noticesOf('tom')).filter((n) => n.body.includes('Priya is out today'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      title: `Grace Liu gave you ${moved.length} handoffs`,
      link: '/queue?tab=mine',
    });
    expect(told[0]!.body).toMatch(
      /^You own them now for Finance(, after [^:]+)?: "Bulk: .+"(, "Bulk: .+")* and "Bulk: .+"\. Reason: Priya is out today\.$/,
    );
  });

  it('lets each team’s rule choose when no owner is named, never keeping the one it had', async () => {
    const sent = [await sendOne('Bulk rule: one'), await sendOne('Bulk rule: two')];
    const res = await h().request('POST', '/api/v1/handoffs/reassign', {
      ids: sent.map((s) => s.id),
      reason: 'rebalancing',
    });
    expect(res.status).toBe(200);
    for (const [i, s] of sent.entries()) {
      const o = (res.body.outcomes as Outcome[])[i]!;
      if (o.outcome === 'reassigned') expect(o.ownerId).not.toBe(s.owner.id);
      else expect(o).toMatchObject({ outcome: 'unchanged', ownerId: s.owner.id });
      const changes = await ownerChanges(s.caseId);
      if (o.outcome === 'reassigned') expect(changes.at(-1).data.reason).toMatch(/^rebalancing \(.+\)$/);
    }
  });

  it('says an API token without a person gave them, by its name', async () => {
    const sent = await sendOne('Bulk: by a script');
    const to = sent.owner.id === id('tom') ? 'priya' : 'tom';
    const before = (await noticesOf(to)).length;
    const script = (
      await createApiToken(h().database.db, { orgId: h().org.orgId, name: 'Zendesk sync', roles: ['lead'] })
    ).token;
    const res = await h().request(
      'POST',
      '/api/v1/handoffs/reassign',
      { ids: [sent.id], ownerId: id(to), reason: 'assigned in Zendesk' },
      { token: script },
    );
    expect(res.body.reassigned).toBe(1);
    const [change] = await ownerChanges(sent.caseId);
    expect(change).toMatchObject({ actorId: null, data: { via: 'Zendesk sync', to: id(to) } });
    const told = await noticesOf(to);
    expect(told.length).toBe(before + 1);
    expect(told.map((n) => n.title)).toContain(
      'Zendesk sync (API token) gave you the handoff on "Bulk: by a script"',
    );
  });

  it('refuses, one by one, what an agent may not act on, and changes nothing', async () => {
    const sent = await sendOne('Bulk: not support’s');
    const amara = await h().tokenFor('amara');
    const before = await snapshot(h().database);
    const res = await h().request(
      'POST',
      '/api/v1/handoffs/reassign',
      { ids: [sent.id], ownerId: id('amara'), reason: 'mine now' },
      { token: amara },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reassigned: 0, unchanged: 0, refused: 1 });
    expect(res.body.outcomes[0]).toMatchObject({
      id: sent.id,
      outcome: 'refused',
      error: { code: 'forbidden' },
    });
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('answers another organisation’s handoff as unknown, and leaves it as it was', async () => {
    const sent = await sendOne('Bulk: not theirs');
    const other = (
      await createApiToken(h().database.db, {
        orgId: h().other.orgId,
        name: 'other-org',
        roles: ['lead', 'supervisor', 'admin'],
        personId: h().other.personIds.get('ines'),
      })
    ).token;
    const before = await snapshot(h().database);
    const res = await h().request(
      'POST',
      '/api/v1/handoffs/reassign',
      { ids: [sent.id], reason: 'taking it over' },
      { token: other },
    );
    expect(res.status).toBe(200);
    expect(res.body.outcomes).toEqual([
      {
        id: sent.id,
        outcome: 'refused',
        error: { code: 'not_found', message: `no handoff with id ${sent.id}` },
      },
    ]);
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('refuses bad input as a whole with the field named, and changes nothing', async () => {
    const sent = await sendOne('Bulk: bad input');
    const priya = id('priya');
    const tom = id('tom');
    const leaving = sent.owner.id === tom ? priya : tom;
    expect((await h().request('POST', `/api/v1/people/${leaving}/deactivate`)).status).toBe(200);
    const before = await snapshot(h().database);
    const cases: [unknown, string][] = [
      [{ ids: [], reason: 'x' }, 'ids'],
      [{ ids: [sent.id, sent.id], reason: 'x' }, 'ids'],
      [{ ids: Array.from({ length: 101 }, (_, i) => `ho_${i}`), reason: 'x' }, 'ids'],
      [{ ids: [sent.id], reason: '   ' }, 'reason'],
      [{ ids: [sent.id], reason: 'x', ownerId: 'p_nobody' }, 'ownerId'],
      [{ ids: [sent.id], reason: 'x', ownerId: leaving }, 'ownerId'],
    ];
    for (const [body, field] of cases) {
      const res = await h().request('POST', '/api/v1/handoffs/reassign', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('moves handoffs of two teams in opposite orders, and evens one out, all side by side', async () => {
    const toTier2 = async () => {
      const kase = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Bulk: tier 2' }));
      const sent = await h().request('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
        scenario: 'tier1-to-tier2',
        packet: fullPacket,
      });
      expect(sent.status).toBe(201);
      return sent.body.id as string;
    };
    // Disjoint handoffs, so only the teams' locks could make them wait on each other: taken one
    // by one in the handoffs' order, the first would hold Finance and want Tier 2, the second the reverse.
    for (let round = 0; round < 3; round++) {
      const finance = [(await sendOne('Bulk: finance a')).id, (await sendOne('Bulk: finance b')).id];
      const tier2 = [await toTier2(), await toTier2()];
      const answers = await Promise.all([
        h().request('POST', '/api/v1/handoffs/reassign', { ids: [finance[0], tier2[0]], reason: 'one' }),
        h().request('POST', '/api/v1/handoffs/reassign', { ids: [tier2[1], finance[1]], reason: 'two' }),
        h().request('POST', '/api/v1/teams/finance/even-out', {}),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    }
  });

  it('runs two overlapping reassignments side by side without a deadlock', async () => {
    const sent = [
      await sendOne('Bulk race: a'),
      await sendOne('Bulk race: b'),
      await sendOne('Bulk race: c'),
    ];
    const ids = sent.map((s) => s.id);
    const [one, two] = await Promise.all([
      h().request('POST', '/api/v1/handoffs/reassign', { ids, ownerId: id('grace'), reason: 'one' }),
      h().request('POST', '/api/v1/handoffs/reassign', {
        ids: [...ids].reverse(),
        ownerId: id('grace'),
        reason: 'two',
      }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    // Whichever ran second found them Grace's already.
    for (const s of sent) {
      const changes = await ownerChanges(s.caseId);
      expect(changes.length).toBe(s.owner.id === id('grace') ? 0 : 1);
    }
  });
});
