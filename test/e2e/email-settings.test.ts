import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { snapshotAll } from '../support/snapshot.ts';

/** E-mail as an admin checks it: whether it is on, through which server, and a test message. */
describeOnDatabases('checking e-mail from Baton', (h) => {
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  beforeAll(async () => {
    smtp = await startMailCatcher();
  });
  afterAll(async () => {
    h().runtime.services.config.smtpUrl = undefined;
    await smtp.close();
  });
  const as = async (key: string) => ({ token: await h().tokenFor(key) });

  it('says e-mail is off, and refuses a test without a server', async () => {
    const ines = await as('ines');
    const status = await h().request('GET', '/api/v1/notifications/email', undefined, ines);
    expect(status.body).toMatchObject({ configured: false, server: null, passwordReset: false });
    const test = await h().request('POST', '/api/v1/notifications/email/test', {}, ines);
    expect([test.status, test.body.error.code]).toEqual([409, 'email_off']);
  });

  it('names the server without its credentials and sends a test to the admin, or to an address given', async () => {
    const config = h().runtime.services.config;
    const port = new URL(smtp.url).port;
    config.smtpUrl = `smtp://baton:s3cret-pass@127.0.0.1:${port}`;
    config.publicUrl = 'https://baton.northwind.example';
    const ines = await as('ines');
    const status = await h().request('GET', '/api/v1/notifications/email', undefined, ines);
    expect(status.body).toEqual({
      configured: true,
      server: `smtp://127.0.0.1:${port}`,
      authenticated: true,
      from: config.smtpFrom,
      publicUrl: 'https://baton.northwind.example',
      passwordReset: true,
    });
    expect(JSON.stringify(status.body)).not.toContain('s3cret');
    // The catcher takes any login it is offered.
    const before = smtp.mails.length;
    // With an Idempotency-Key, as the web app sends: nothing to replay is kept (the send is no
    // write, and the key's transaction would hold PGlite's connection while the server answers).
    const test = await h().request(
      'POST',
      '/api/v1/notifications/email/test',
      {},
      {
        ...ines,
        headers: { 'idempotency-key': 'email-test-1' },
      },
    );
    expect(test).toMatchObject({ status: 200, body: { sentTo: 'ines@northwind.example' } });
    const kept = await h().database.db.execute(
      sql`select 1 from idempotency_keys where key = 'email-test-1'`,
    );
    expect(rowsOf(kept)).toEqual([]);
    const other = await h().request(
      'POST',
      '/api/v1/notifications/email/test',
      { to: 'ops@northwind.example' },
      ines,
    );
    expect(other.body).toEqual({ sentTo: 'ops@northwind.example' });
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual([
      ['ines@northwind.example'],
      ['ops@northwind.example'],
    ]);
    expect(smtp.mails.at(-1)!.data).toContain('Subject: Baton test e-mail');
  });

  it('says what the server answered when it refuses, and changes nothing; bad input and other roles are refused', async () => {
    const config = h().runtime.services.config;
    const ines = await as('ines');
    const grace = await as('grace');
    const before = await snapshotAll(h().database);
    config.smtpUrl = 'smtp://someone:hidden-pass@127.0.0.1:9'; // nothing listens there
    const failed = await h().request('POST', '/api/v1/notifications/email/test', {}, ines);
    expect([failed.status, failed.body.error.code]).toEqual([503, 'email_failed']);
    expect(failed.body.error.message).toMatch(/ECONNREFUSED|connect/);
    expect(failed.body.error.server).toBe('smtp://127.0.0.1:9');
    expect(JSON.stringify(failed.body)).not.toContain('hidden-pass');
    const bad = await h().request('POST', '/api/v1/notifications/email/test', { to: 'not an address' }, ines);
    expect([bad.status, bad.body.error.field]).toEqual([400, 'to']);
    // A token that is no person must say where to send it.
    const bare = await h().request('POST', '/api/v1/notifications/email/test', {});
    expect([bare.status, bare.body.error.field]).toEqual([400, 'to']);
    const lead = await h().request('POST', '/api/v1/notifications/email/test', {}, grace);
    expect(lead.status).toBe(403);
    expect((await h().request('GET', '/api/v1/notifications/email', undefined, grace)).status).toBe(403);
    expect(await snapshotAll(h().database)).toEqual(before);
  });
});
