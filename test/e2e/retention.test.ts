import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { idempotencyKeys, passwordResets, sessions } from '../../src/auth/auth.table.ts';
import { forgetExpired } from '../../src/auth/retention.jobs.ts';
import { ssoAttempts } from '../../src/auth/single-sign-on.table.ts';
import { organisations } from '../../src/orgs/orgs.table.ts';
import { describeOnDatabases } from '../support/harness.ts';

/**
 * What can no longer be used is forgotten: expired sessions, reset links and single sign-on attempts,
 * day-old replay answers.
 */
describeOnDatabases('forgetting expired sessions, reset links and idempotency answers', (h) => {
  it('removes only what has expired, in every organisation, and a second pass removes nothing', async () => {
    const { db } = h().database;
    const now = new Date('2027-06-01T12:00:00Z');
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    const orgs = [h().org.orgId, h().other.orgId];
    const amara = h().org.personIds.get('amara')!;
    await db.insert(sessions).values([
      { idHash: 'ret-session-expired', orgId: orgs[0]!, personId: amara, expiresAt: at(-1) },
      { idHash: 'ret-session-live', orgId: orgs[0]!, personId: amara, expiresAt: at(1) },
    ]);
    await db.insert(passwordResets).values([
      { tokenHash: 'ret-link-expired', orgId: orgs[0]!, personId: amara, expiresAt: at(-0.01) },
      { tokenHash: 'ret-link-live', orgId: orgs[0]!, personId: amara, expiresAt: at(0.4) },
    ]);
    const attempt = { orgId: orgs[0]!, nonce: 'n', codeVerifier: 'v', next: '/' };
    await db.insert(ssoAttempts).values([
      { ...attempt, stateHash: 'ret-attempt-expired', expiresAt: at(-0.01) },
      { ...attempt, stateHash: 'ret-attempt-live', expiresAt: at(0.1) },
    ]);
    // The same key in two organisations: only the day-old one goes.
    await db.insert(idempotencyKeys).values([
      { orgId: orgs[0]!, key: 'ret-key', method: 'POST', path: '/x', requestHash: 'a', createdAt: at(-25) },
      { orgId: orgs[1]!, key: 'ret-key', method: 'POST', path: '/x', requestHash: 'b', createdAt: at(-23) },
    ]);

    const forgot = await forgetExpired(db, now);
    expect(forgot.sessions).toBeGreaterThanOrEqual(1);
    expect(forgot.resetLinks).toBe(1);
    expect(forgot.ssoAttempts).toBe(1);
    expect(forgot.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = async () => ({
      sessions: (await db.select({ id: sessions.idHash }).from(sessions))
        .map((r) => r.id)
        .filter((id) => id.startsWith('ret-')),
      links: (await db.select({ id: passwordResets.tokenHash }).from(passwordResets)).map((r) => r.id),
      attempts: (await db.select({ id: ssoAttempts.stateHash }).from(ssoAttempts)).map((r) => r.id),
      keys: (await db.select().from(idempotencyKeys))
        .filter((k) => k.key === 'ret-key')
        .map((k) => k.requestHash),
    });
    expect(await left()).toEqual({
      sessions: ['ret-session-live'],
      links: ['ret-link-live'],
      attempts: ['ret-attempt-live'],
      keys: ['b'],
    });
    expect(await forgetExpired(db, now)).toEqual({
      sessions: 0,
      resetLinks: 0,
      ssoAttempts: 0,
      idempotencyKeys: 0,
    });
    expect(await left()).toEqual({
      sessions: ['ret-session-live'],
      links: ['ret-link-live'],
      attempts: ['ret-attempt-live'],
      keys: ['b'],
    });
  });

  it("removes sessions idle past their organisation's limit, and only there", async () => {
    const { db } = h().database;
    const now = new Date('2027-07-01T12:00:00Z');
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    const org = h().org.orgId;
    const other = h().other.orgId;
    await db.update(organisations).set({ sessionIdleMinutes: 60 }).where(eq(organisations.id, org));
    try {
      const amara = h().org.personIds.get('amara')!;
      const otherAmara = h().other.personIds.get('amara')!;
      const session = (
        idHash: string,
        orgId: string,
        personId: string,
        lastSeenAt: Date | null,
        createdAt: Date,
      ) => ({
        idHash,
        orgId,
        personId,
        lastSeenAt,
        createdAt,
        expiresAt: at(24 * 10),
      });
      await db.insert(sessions).values([
        session('idle-gone', org, amara, at(-2), at(-3)),
        session('idle-never-used', org, amara, null, at(-1.5)),
        session('idle-recent', org, amara, at(-0.5), at(-3)),
        // The other organisation sets no limit: an old session of theirs stays until it expires.
        session('idle-other-org', other, otherAmara, at(-2), at(-3)),
      ]);
      expect((await forgetExpired(db, now)).sessions).toBeGreaterThanOrEqual(2);
      const left = (await db.select({ id: sessions.idHash }).from(sessions))
        .map((r) => r.id)
        .filter((id) => id.startsWith('idle-'))
        .sort();
      expect(left).toEqual(['idle-other-org', 'idle-recent']);
    } finally {
      await db.update(organisations).set({ sessionIdleMinutes: null }).where(eq(organisations.id, org));
    }
  });
});
