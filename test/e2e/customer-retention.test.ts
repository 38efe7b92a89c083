import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { customers } from '../../src/customers/customers.table.ts';
import { eraseDueCustomers } from '../../src/customers/retention.commands.ts';
import { describeOnDatabases, fullPacket } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

const DAY = 86_400_000;

/** The retention schedule: customers without contact for the organisation's days are erased, once. */
describeOnDatabases('the customer data retention schedule', (h) => {
  const tokens: Record<string, string> = {};
  const as = (key: string) => ({ token: tokens[key] });
  const ids: Record<string, string> = {};
  let now = new Date();

  /**
   * A customer whose one case was opened `daysAgo` days before now and then resolved where it was,
   * or left open, or handed off to Finance, who resolved it (the case resolved with its journey).
   */
  async function customerFrom(
    key: string,
    daysAgo: number,
    how: 'resolved' | 'open' | 'handedOff' = 'resolved',
  ) {
    const res = await h().request(
      'POST',
      '/api/v1/cases',
      {
        subject: `Retention ${key}`,
        customer: { externalId: `ret-${key}`, name: `Retention ${key}` },
        channel: 'email',
        messages: [{ role: 'customer', text: `Hello from ${key}` }],
      },
      as('amara'),
    );
    expect(res.status).toBe(201);
    if (how === 'resolved')
      expect(
        (await h().request('POST', `/api/v1/cases/${res.body.id}/resolve`, {}, as('amara'))).status,
      ).toBe(200);
    if (how === 'handedOff') {
      const sent = await h().request(
        'POST',
        `/api/v1/cases/${res.body.id}/handoffs`,
        { scenario: 'billing-to-finance', packet: fullPacket },
        as('amara'),
      );
      expect(sent.status).toBe(201);
      await h().request('POST', `/api/v1/handoffs/${sent.body.id}/accept`);
      expect((await h().request('POST', `/api/v1/handoffs/${sent.body.id}/resolve`)).status).toBe(200);
    }
    ids[key] = res.body.customer.id;
    // Their contact dated back (creation times are the database's own clock, not the test's).
    const then = new Date(now.getTime() - daysAgo * DAY).toISOString();
    await h().database.db.execute(
      sql`update cases set created_at = ${then}, updated_at = ${then} where customer_id = ${ids[key]}`,
    );
    await h().database.db.execute(sql`update customers set created_at = ${then} where id = ${ids[key]}`);
  }

  beforeAll(async () => {
    for (const key of ['ines', 'grace', 'amara']) tokens[key] = await h().tokenFor(key);
    now = new Date(h().now().getTime() + 60_000);
    await customerFrom('quiet', 400);
    await customerFrom('stillopen', 400, 'open');
    await customerFrom('handedoff', 400, 'handedOff');
    await customerFrom('recent', 100);
  });

  it('is off until an admin sets it; bad days and other roles are refused, changing nothing', async () => {
    expect(
      (await h().request('GET', '/api/v1/settings/customer-retention', undefined, as('grace'))).body,
    ).toEqual({
      eraseAfterDays: null,
      dueNow: 0,
    });
    expect(await eraseDueCustomers(h().database.db, now)).toBe(0);
    const before = await snapshotAll(h().database);
    const lead = await h().request(
      'PUT',
      '/api/v1/settings/customer-retention',
      { eraseAfterDays: 365 },
      as('grace'),
    );
    expect([lead.status, lead.body.error.code]).toEqual([403, 'forbidden']);
    for (const eraseAfterDays of [29, 3651, 365.5, '365']) {
      const bad = await h().request(
        'PUT',
        '/api/v1/settings/customer-retention',
        { eraseAfterDays },
        as('ines'),
      );
      expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([
        400,
        'validation_failed',
        'eraseAfterDays',
      ]);
    }
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('previews, then erases only the customer without contact and with nothing open, once', async () => {
    const preview = await h().request(
      'GET',
      '/api/v1/settings/customer-retention?preview=365',
      undefined,
      as('ines'),
    );
    expect(preview.body).toEqual({
      eraseAfterDays: null,
      dueNow: 0,
      preview: { eraseAfterDays: 365, dueNow: 2 },
    });
    const badPreview = await h().request(
      'GET',
      '/api/v1/settings/customer-retention?preview=7',
      undefined,
      as('ines'),
    );
    expect([badPreview.status, badPreview.body.error.field]).toEqual([400, 'preview']);
    const set = await h().request(
      'PUT',
      '/api/v1/settings/customer-retention',
      { eraseAfterDays: 365 },
      as('ines'),
    );
    expect(set.status).toBe(200);
    // The demo's own customers are recent; of these four the quiet one and the one whose case
    // Finance resolved are due.
    expect(set.body).toEqual({ eraseAfterDays: 365, dueNow: 2 });

    expect(await eraseDueCustomers(h().database.db, now)).toBe(2);
    const row = async (key: string) =>
      (await h().database.db.select().from(customers).where(eq(customers.id, ids[key]!)))[0]!;
    expect((await row('quiet')).erasedAt?.toISOString()).toBe(now.toISOString());
    expect((await row('quiet')).name).toBe('[erased]');
    expect((await row('handedoff')).erasedAt?.toISOString()).toBe(now.toISOString());
    expect((await row('stillopen')).erasedAt).toBeNull();
    expect((await row('recent')).erasedAt).toBeNull();

    const log = await h().request('GET', '/api/v1/admin/changes?area=customers', undefined, as('ines'));
    const erased = (log.body.items as { subject: string }[]).slice(0, 2);
    expect(erased.map((e) => e.subject).sort()).toEqual([ids.quiet, ids.handedoff].sort());
    for (const e of erased)
      expect(e).toMatchObject({
        action: 'customer.erased',
        actor: null,
        detail: { reason: { to: 'retention schedule: no contact for 365 days' } },
      });
    // A second pass finds nothing more; the setting's change is in the log too.
    expect(await eraseDueCustomers(h().database.db, now)).toBe(0);
    const settings = await h().request('GET', '/api/v1/admin/changes?area=policies', undefined, as('ines'));
    expect(settings.body.items[0]).toMatchObject({
      action: 'settings.changed',
      subject: 'customer-retention',
      detail: { eraseAfterDays: { from: null, to: 365 } },
    });
  });

  it('erases the recent one too once the schedule is shorter, and never again when cleared', async () => {
    const shorter = await h().request(
      'PUT',
      '/api/v1/settings/customer-retention',
      { eraseAfterDays: 90 },
      as('ines'),
    );
    expect(shorter.body.dueNow).toBeGreaterThanOrEqual(1);
    const cleared = await h().request(
      'PUT',
      '/api/v1/settings/customer-retention',
      { eraseAfterDays: null },
      as('ines'),
    );
    expect(cleared.body).toEqual({ eraseAfterDays: null, dueNow: 0 });
    expect(await eraseDueCustomers(h().database.db, now)).toBe(0);
    await h().request('PUT', '/api/v1/settings/customer-retention', { eraseAfterDays: 90 }, as('ines'));
    expect(await eraseDueCustomers(h().database.db, now)).toBeGreaterThanOrEqual(1);
    const recent = (await h().database.db.select().from(customers).where(eq(customers.id, ids.recent!)))[0]!;
    expect(recent.erasedAt).not.toBeNull();
  });
});
