import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Token = {
  id: string;
  name: string;
  roles: string[];
  person: { id: string; name: string | null } | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  token?: string;
};

/** API tokens for helpdesks and scripts: issued once, listed without themselves, revoked at once. */
describeOnDatabases('API tokens, as admins issue and revoke them', (h) => {
  const list = async (): Promise<Token[]> => {
    const res = await h().request('GET', '/api/v1/api-tokens', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it('issues a token that works at once, shows it only in that answer, and logs who issued it', async () => {
    const ines = await h().tokenFor('ines');
    const issued = await h().request(
      'POST',
      '/api/v1/api-tokens',
      { name: 'Zendesk bridge', roles: ['agent', 'agent', 'lead'] },
      { token: ines },
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const token = issued.body as Token;
    expect(token).toMatchObject({
      name: 'Zendesk bridge',
      roles: ['agent', 'lead'],
      person: null,
      revokedAt: null,
    });
    expect(token.token).toMatch(/^btn_/);

    // It works, and its use is noted (at most once a minute, not per request).
    const me = await h().request('GET', '/api/v1/cases', undefined, { token: token.token });
    expect(me.status).toBe(200);
    const listed = (await list()).find((t) => t.id === token.id)!;
    expect(listed.lastUsedAt).not.toBeNull();
    // The list never shows a token or its hash.
    const text = JSON.stringify(await list());
    expect(text).not.toContain(token.token!);
    expect(text).not.toMatch(/tokenHash|token_hash/);

    // Acting as a person: their name signs what the token does.
    const priya = h().org.personIds.get('priya')!;
    const asPriya = await h().request(
      'POST',
      '/api/v1/api-tokens',
      { name: 'Priya’s script', roles: ['agent'], personId: priya },
      { token: ines },
    );
    expect(asPriya.body.person).toEqual({ id: priya, name: 'Priya Raman' });

    const log = await h().request('GET', '/api/v1/admin/changes?area=integrations', undefined, {
      token: ines,
    });
    const issuedLine = log.body.items.find((c: { subject: string }) => c.subject === token.id);
    expect(issuedLine).toMatchObject({
      action: 'token.issued',
      subjectName: 'Zendesk bridge',
      actor: { id: h().org.personIds.get('ines') },
      detail: { roles: { from: null, to: ['agent', 'lead'] } },
    });
    expect(JSON.stringify(log.body)).not.toContain(token.token!);
  });

  it('revokes a token so that it is refused at once; revoking again changes nothing', async () => {
    const ines = await h().tokenFor('ines');
    const issued = (
      await h().request(
        'POST',
        '/api/v1/api-tokens',
        { name: 'Old bridge', roles: ['agent'] },
        { token: ines },
      )
    ).body as Token;
    expect((await h().request('GET', '/api/v1/cases', undefined, { token: issued.token })).status).toBe(200);

    const revoked = await h().request('POST', `/api/v1/api-tokens/${issued.id}/revoke`, undefined, {
      token: ines,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    // Refused at once in this process, though its answer was cached a moment ago.
    const refused = await h().request('GET', '/api/v1/cases', undefined, { token: issued.token });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'unauthenticated']);

    // The same with an Idempotency-Key (as the web app sends every POST): the key's transaction is
    // not the process's database, whose cache must forget the token.
    const keyed = (
      await h().request('POST', '/api/v1/api-tokens', { name: 'Keyed', roles: ['agent'] }, { token: ines })
    ).body as Token;
    expect((await h().request('GET', '/api/v1/cases', undefined, { token: keyed.token })).status).toBe(200);
    const keyedRevoke = await h().request('POST', `/api/v1/api-tokens/${keyed.id}/revoke`, undefined, {
      token: ines,
      headers: { 'idempotency-key': `revoke-${keyed.id}` },
    });
    expect(keyedRevoke.status).toBe(200);
    expect((await h().request('GET', '/api/v1/cases', undefined, { token: keyed.token })).status).toBe(401);

    const lines = async () =>
      (
        await h().request('GET', '/api/v1/admin/changes?area=integrations&limit=200', undefined, {
          token: ines,
        })
      ).body.items.length;
    const count = await lines();
    const again = await h().request('POST', `/api/v1/api-tokens/${issued.id}/revoke`, undefined, {
      token: ines,
    });
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expect(await lines()).toBe(count);
    expect((await list()).find((t) => t.id === issued.id)?.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('refuses bad input, other people and non-admins, changing nothing', async () => {
    const ines = await h().tokenFor('ines');
    const grace = await h().tokenFor('grace'); // a lead, not an admin
    await h().request('GET', '/api/v1/me', undefined, { token: grace }); // its first use is noted
    await h().request('GET', '/api/v1/me', undefined, { token: ines });
    const before = await snapshotAll(h().database);
    const cases: [unknown, number, string, string?][] = [
      [{ name: '', roles: ['agent'] }, 400, 'validation_failed', 'name'],
      [{ name: 'x', roles: [] }, 400, 'validation_failed', 'roles'],
      [{ name: 'x', roles: ['owner'] }, 400, 'validation_failed', 'roles.0'],
      [{ name: 'x', roles: ['agent'], personId: 'p_nobody' }, 400, 'validation_failed', 'personId'],
      [
        { name: 'x', roles: ['agent'], personId: h().other.personIds.get('amara') },
        400,
        'validation_failed',
        'personId',
      ],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await h().request('POST', '/api/v1/api-tokens', body, { token: ines });
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(body)).toEqual([
        status,
        code,
        field,
      ]);
    }
    expect(
      (await h().request('POST', '/api/v1/api-tokens', { name: 'x', roles: ['admin'] }, { token: grace }))
        .status,
    ).toBe(403);
    expect((await h().request('GET', '/api/v1/api-tokens', undefined, { token: grace })).status).toBe(403);
    const unknown = await h().request('POST', '/api/v1/api-tokens/tok_nope/revoke', undefined, {
      token: ines,
    });
    expect(unknown.status).toBe(404);
    // Another organisation's admin sees none of these tokens and cannot revoke them.
    const mine = (await list())[0]!;
    const theirs = await h().request('POST', `/api/v1/api-tokens/${mine.id}/revoke`, undefined, {
      headers: { 'x-baton-org': 'other' },
    });
    expect(theirs.status).toBe(404);
    expect(await snapshotAll(h().database)).toEqual(before);
  });
});
