import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { passwordResets } from '../../src/auth/auth.table.ts';
import { people } from '../../src/people/people.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { type CaughtMail, startMailCatcher } from '../support/mail-catcher.ts';
import { limitedApp } from '../support/rate-limit.ts';
import { snapshotAll } from '../support/snapshot.ts';

/** A forgotten password: a link by e-mail, once, for 30 minutes, to the person's own address. */
describeOnDatabases('resetting a forgotten password by e-mail', (h) => {
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  beforeAll(async () => {
    smtp = await startMailCatcher();
    const config = h().runtime.services.config;
    config.smtpUrl = smtp.url;
    config.publicUrl = 'https://baton.northwind.example';
  });
  afterAll(() => smtp.close());

  const post = async (path: string, body: unknown) => {
    const res = await h().runtime.app.request(`/api/v1/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    type Answer = { error: { code: string; field?: string; message: string } } & Record<string, unknown>;
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const signIn = async (email: string, password: string) => {
    const res = await h().runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { person?: { id: string } };
    return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], id: body.person?.id };
  };
  const me = async (cookie: string) =>
    (await h().runtime.app.request('/api/v1/me', { headers: { cookie } })).status;
  /** The mails to `to` that arrived since `before` (the server sends them after its answer). */
  const mailsTo = async (to: string, count: number, before: number) => {
    await expect.poll(() => smtp.mails.slice(before).filter((m) => m.to.includes(to)).length).toBe(count);
    return smtp.mails.slice(before).filter((m) => m.to.includes(to));
  };
  // Quoted-printable (nodemailer's choice for long lines): join soft breaks, decode `=3D`.
  const bodyOf = (m: CaughtMail) => m.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const tokenIn = (m: CaughtMail) => /reset-password\?token=([\w.~%-]+)/.exec(bodyOf(m))![1]!;
  const linksOf = async (personId: string) =>
    h().database.db.select().from(passwordResets).where(eq(passwordResets.personId, personId));

  it('says whether a reset by e-mail is possible, and refuses it when this Baton sends no e-mail', async () => {
    const session = await h().runtime.app.request('/api/v1/auth/session');
    expect(await session.json()).toEqual({ signedIn: false, passwordReset: true, twoStepSetupDue: false });
    const config = h().runtime.services.config;
    const url = config.smtpUrl;
    config.smtpUrl = undefined;
    try {
      const before = await snapshotAll(h().database);
      const off = await post('password-reset', { email: 'priya@northwind.example' });
      expect(off.status).toBe(409);
      expect(off.body.error.code).toBe('password_reset_off');
      expect(await snapshotAll(h().database)).toEqual(before);
      expect(await (await h().runtime.app.request('/api/v1/auth/session')).json()).toEqual({
        signedIn: false,
        passwordReset: false,
        twoStepSetupDue: false,
      });
    } finally {
      config.smtpUrl = url;
    }
  });

  it('e-mails a link that sets a new password once, ends every session and is in the change log', async () => {
    const amaraId = h().org.personIds.get('amara')!;
    const session = await signIn('amara@northwind.example', 'baton-demo');
    expect(session.id).toBe(amaraId);
    const sent = smtp.mails.length;
    const asked = await post('password-reset', { email: ' Amara@Northwind.example ' });
    expect(asked).toEqual({ status: 202, body: { accepted: true, expiresInMinutes: 30 } });
    // Amara signs in to both organisations: one link each, naming it.
    const mails = await mailsTo('amara@northwind.example', 2, sent);
    const ours = mails.find((m) => bodyOf(m).includes('at Northwind'))!;
    expect(bodyOf(ours)).toContain('Hello Amara,');
    expect(bodyOf(ours)).toContain('https://baton.northwind.example/reset-password?token=');
    expect(bodyOf(ours)).toContain('within 30 minutes');
    const token = tokenIn(ours);
    // Only the token's hash is kept.
    const [link] = await linksOf(amaraId);
    expect(link!.tokenHash).not.toContain(token);

    const reset = await post('password-reset/confirm', { token, newPassword: 'a-brand-new-secret' });
    expect(reset).toEqual({
      status: 200,
      body: { reset: true, email: 'amara@northwind.example', sessionsEnded: 1 },
    });
    expect(await me(session.cookie!)).toBe(401);
    expect((await signIn('amara@northwind.example', 'a-brand-new-secret')).id).toBe(amaraId);
    // The other organisation's Amara keeps her password until she uses her own link.
    expect((await signIn('amara@northwind.example', 'baton-demo')).id).toBe(h().other.personIds.get('amara'));
    expect(await linksOf(amaraId)).toEqual([]);

    const log = await h().request('GET', '/api/v1/admin/changes?area=people', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(log.body.items[0]).toMatchObject({
      action: 'person.changed',
      actor: { id: amaraId },
      subject: amaraId,
      detail: { password: { from: null, to: 'set' } },
    });
    expect(JSON.stringify(log.body)).not.toContain('a-brand-new-secret');

    // Used once: the second time changes nothing.
    const before = await snapshotAll(h().database);
    const again = await post('password-reset/confirm', { token, newPassword: 'yet-another-secret' });
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ code: 'invalid_reset_link', field: 'token' });
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('answers an address nobody uses the same way, and issues nothing', async () => {
    const before = await snapshotAll(h().database);
    const sent = smtp.mails.length;
    const asked = await post('password-reset', { email: 'nobody@northwind.example' });
    expect(asked).toEqual({ status: 202, body: { accepted: true, expiresInMinutes: 30 } });
    expect(await snapshotAll(h().database)).toEqual(before);
    // A known address asked for after it arrives alone.
    await post('password-reset', { email: 'kenji@northwind.example' });
    await mailsTo('kenji@northwind.example', 2, sent);
    expect(smtp.mails.slice(sent).flatMap((m) => m.to)).not.toContain('nobody@northwind.example');
  });

  it('refuses a link past 30 minutes, one replaced by a newer link, and one of a person without access', async () => {
    const priyaId = h().org.personIds.get('priya')!;
    let sent = smtp.mails.length;
    await post('password-reset', { email: 'priya@northwind.example' });
    const first = (await mailsTo('priya@northwind.example', 2, sent)).find((m) =>
      bodyOf(m).includes('at Northwind'),
    )!;
    sent = smtp.mails.length;
    await post('password-reset', { email: 'priya@northwind.example' });
    const second = (await mailsTo('priya@northwind.example', 2, sent)).find((m) =>
      bodyOf(m).includes('at Northwind'),
    )!;
    expect(await linksOf(priyaId)).toHaveLength(1);

    const before = await snapshotAll(h().database);
    const replaced = await post('password-reset/confirm', {
      token: tokenIn(first),
      newPassword: 'a-brand-new-secret',
    });
    expect(replaced.body.error).toMatchObject({ code: 'invalid_reset_link', field: 'token' });
    h().advance(31 * 60_000);
    const late = await post('password-reset/confirm', {
      token: tokenIn(second),
      newPassword: 'a-brand-new-secret',
    });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('invalid_reset_link');
    expect(await snapshotAll(h().database)).toEqual(before);

    // Noah's link, then his access taken away: the link no longer works, and none is sent to him.
    const noahId = h().org.personIds.get('noah')!;
    sent = smtp.mails.length;
    await post('password-reset', { email: 'noah@northwind.example' });
    const noahs = (await mailsTo('noah@northwind.example', 2, sent)).find((m) =>
      bodyOf(m).includes('at Northwind'),
    )!;
    await h().database.db.update(people).set({ active: 'no' }).where(eq(people.id, noahId));
    try {
      const gone = await post('password-reset/confirm', {
        token: tokenIn(noahs),
        newPassword: 'a-brand-new-secret',
      });
      expect(gone.body.error.code).toBe('invalid_reset_link');
      const [person] = await h().database.db.select().from(people).where(eq(people.id, noahId));
      expect(person!.passwordHash).toBeNull();
      await post('password-reset', { email: 'noah@northwind.example' });
      expect(await linksOf(noahId)).toHaveLength(1); // the old one, still refused
    } finally {
      await h().database.db.update(people).set({ active: 'yes' }).where(eq(people.id, noahId));
    }
  });

  it('lets an admin e-mail a person a link: an invitation to set a first password, else a reset', async () => {
    const ines = { token: await h().tokenFor('ines') };
    const kenjiId = h().org.personIds.get('kenji')!;
    let sent = smtp.mails.length;
    // Kenji has no password yet: the People list tells admins so, until he sets one.
    const kenji = async () =>
      (await h().request('GET', '/api/v1/people', undefined, ines)).body.items.find(
        (p: { id: string }) => p.id === kenjiId,
      );
    expect((await kenji()).passwordSet).toBe(false);
    const invited = await h().request('POST', `/api/v1/people/${kenjiId}/password-link`, undefined, ines);
    expect(invited.status).toBe(202);
    expect(invited.body).toEqual({
      sentTo: 'kenji@northwind.example',
      kind: 'invite',
      expiresAt: new Date(h().now().getTime() + 7 * 86_400_000).toISOString(),
    });
    const [invitation] = await mailsTo('kenji@northwind.example', 1, sent);
    expect(bodyOf(invitation!)).toContain('You have a Baton account at Northwind');
    expect(bodyOf(invitation!)).toContain('within 7 days');
    expect(bodyOf(invitation!)).toContain('Then sign in with kenji@northwind.example.');
    // Still good six days later; it sets Kenji's first password.
    h().advance(6 * 86_400_000);
    const set = await post('password-reset/confirm', {
      token: tokenIn(invitation!),
      newPassword: 'kenjis-first-secret',
    });
    expect(set.status).toBe(200);
    expect((await signIn('kenji@northwind.example', 'kenjis-first-secret')).id).toBe(kenjiId);
    expect((await kenji()).passwordSet).toBe(true);

    // Someone with a password gets a reset link, saying an admin sent it.
    sent = smtp.mails.length;
    const reset = await h().request('POST', `/api/v1/people/${kenjiId}/password-link`, undefined, ines);
    expect(reset.body.kind).toBe('reset');
    const [mail] = await mailsTo('kenji@northwind.example', 1, sent);
    expect(bodyOf(mail!)).toContain('An admin of Northwind Home Services sent you this link');
    expect(bodyOf(mail!)).toContain('within 30 minutes');
    const log = await h().request(
      'GET',
      `/api/v1/admin/changes?actor=${h().org.personIds.get('ines')}`,
      undefined,
      ines,
    );
    expect(log.body.items.slice(0, 2).map((c: { detail: unknown }) => c.detail)).toEqual([
      { passwordLink: { from: null, to: 'reset' } },
      { passwordLink: { from: null, to: 'invite' } },
    ]);
  });

  it('refuses an admin’s link for nobody, for a person without access, without e-mail or when it cannot be sent, changing nothing', async () => {
    const ines = { token: await h().tokenFor('ines') };
    const noahId = h().org.personIds.get('noah')!;
    const grace = { token: await h().tokenFor('grace') };
    const before = await snapshotAll(h().database);
    const unknown = await h().request('POST', '/api/v1/people/per_nobody/password-link', undefined, ines);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    await h().database.db.update(people).set({ active: 'no' }).where(eq(people.id, noahId));
    const inactive = await h().request('POST', `/api/v1/people/${noahId}/password-link`, undefined, ines);
    await h().database.db.update(people).set({ active: 'yes' }).where(eq(people.id, noahId));
    expect([inactive.status, inactive.body.error.code]).toEqual([409, 'conflict']);
    const config = h().runtime.services.config;
    const url = config.smtpUrl;
    try {
      config.smtpUrl = undefined;
      const off = await h().request('POST', `/api/v1/people/${noahId}/password-link`, undefined, ines);
      expect([off.status, off.body.error.code]).toEqual([409, 'password_reset_off']);
      config.smtpUrl = 'smtp://127.0.0.1:9'; // nothing listens there
      const failed = await h().request('POST', `/api/v1/people/${noahId}/password-link`, undefined, ines);
      expect([failed.status, failed.body.error.code]).toEqual([503, 'email_failed']);
    } finally {
      config.smtpUrl = url;
    }
    const lead = await h().request('POST', `/api/v1/people/${noahId}/password-link`, undefined, grace);
    expect(lead.status).toBe(403);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('refuses bad input with the field at fault and changes nothing', async () => {
    const before = await snapshotAll(h().database);
    const cases: [string, unknown, string][] = [
      ['password-reset', { email: 'not an address' }, 'email'],
      ['password-reset', {}, 'email'],
      ['password-reset', { email: 42 }, 'email'],
      ['password-reset/confirm', { token: 'rst_whatever', newPassword: 'short' }, 'newPassword'],
      ['password-reset/confirm', { newPassword: 'long-enough-secret' }, 'token'],
      ['password-reset/confirm', { token: 'rst_whatever', newPassword: 'long-enough-secret' }, 'token'],
      ['password-reset/confirm', { token: '', newPassword: 'long-enough-secret' }, 'token'],
    ];
    for (const [path, body, field] of cases) {
      const res = await post(path, body);
      expect([400, 422], `${path} ${JSON.stringify(body)}`).toContain(res.status);
      expect(res.body.error.field, `${path} ${JSON.stringify(body)}`).toBe(field);
    }
    expect((await post('password-reset', '{"email":')).status).toBe(400);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('clears the failed sign-ins of an account whose password was just set from a link', async () => {
    const call = limitedApp(h(), { loginPerAccount: 2, loginPerAddress: 100 });
    const login = (password: string) =>
      call('POST', '/api/v1/auth/login', {
        from: '198.51.100.40',
        body: { email: 'fatima@northwind.example', password },
      });
    expect((await login('guess-1')).status).toBe(401);
    expect((await login('guess-2')).status).toBe(401);
    expect((await login('guess-3')).status).toBe(429);
    const sent = smtp.mails.length;
    await post('password-reset', { email: 'fatima@northwind.example' });
    const mail = (await mailsTo('fatima@northwind.example', 2, sent)).find((m) =>
      bodyOf(m).includes('at Northwind'),
    )!;
    const set = await call('POST', '/api/v1/auth/password-reset/confirm', {
      from: '198.51.100.40',
      body: { token: tokenIn(mail), newPassword: 'fatimas-own-secret' },
    });
    expect(set.status).toBe(200);
    expect((await login('fatimas-own-secret')).status).toBe(200);
  });

  it('limits the links asked for one address and from one client address', async () => {
    // The budget is 3 an hour per address given; the earlier tests asked for Kenji's once.
    h().advance(2 * 3_600_000);
    const ask = () => post('password-reset', { email: 'diana@northwind.example' });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(202);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    // Another address is not held back by Diana's budget.
    expect((await post('password-reset', { email: 'hannah@northwind.example' })).status).toBe(202);
    h().advance(3_600_000);
    expect((await ask()).status).toBe(202);

    // Per client address, whatever address is given (another Baton process, behind a proxy).
    const call = limitedApp(h(), { resetsPerAddress: 2, resetsPerAccount: 100 });
    const from = (ip: string, email: string) =>
      call('POST', '/api/v1/auth/password-reset', { from: ip, body: { email } });
    expect((await from('198.51.100.7', 'grace@northwind.example')).status).toBe(202);
    expect((await from('198.51.100.7', 'fatima@northwind.example')).status).toBe(202);
    const bulk = await from('198.51.100.7', 'ines@northwind.example');
    expect([bulk.status, bulk.body.error.code]).toEqual([429, 'rate_limited']);
    expect(Number(bulk.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('198.51.100.8', 'ines@northwind.example')).status).toBe(202);
  });
});
