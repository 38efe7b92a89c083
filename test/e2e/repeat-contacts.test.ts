import { expect, it } from 'vitest';
import { describeOnDatabases, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

describeOnDatabases('repeat contacts', (h) => {
  const open = async (at: string, customer: string, issueType?: string) => {
    h().setNow(at);
    const res = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: customer, name: `Customer ${customer}` }, issueType }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; repeatOf: string | null };
  };
  const linkEvents = async (caseId: string) =>
    (
      (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items as {
        type: string;
        data: Record<string, unknown>;
      }[]
    ).filter((e) => e.type === 'case.repeat_linked');

  it('links a new case of the same customer and issue type within 7 days to the earlier one, and counts it', async () => {
    const first = await open('2026-11-02T10:00:00Z', 'rc-1', 'billing');
    const again = await open('2026-11-04T09:00:00Z', 'rc-1', 'billing');
    expect(first.repeatOf).toBeNull();
    expect(again.repeatOf).toBe(first.id);
    const [event] = await linkEvents(again.id);
    expect(event.data).toEqual({ repeatOf: first.id, issueType: 'billing', gapHours: 47, windowDays: 7 });
    expect((await h().request('GET', `/api/v1/cases/${first.id}`)).body.repeatedBy).toEqual([again.id]);

    // Must not fire: another customer, another issue type, eight days after the last contact.
    const otherCustomer = await open('2026-11-04T10:00:00Z', 'rc-2', 'billing');
    const otherType = await open('2026-11-05T10:00:00Z', 'rc-1', 'technical');
    const tooLate = await open('2026-11-12T09:00:01Z', 'rc-1', 'billing');
    for (const c of [otherCustomer, otherType, tooLate]) {
      expect(c.repeatOf).toBeNull();
      expect(await linkEvents(c.id)).toEqual([]);
    }

    const m = (await h().request('GET', '/api/v1/analytics/metrics?from=2026-11-02&to=2026-11-08')).body;
    expect(m.repeatContact).toEqual({ count: 1, of: 4, rate: 0.25 }); // the first case came back
    const list = (await h().request('GET', '/api/v1/repeat-contacts')).body;
    expect(list.windowDays).toBe(7);
    expect(list.items.map((i: { caseId: string }) => i.caseId)).toEqual([again.id]);
  });

  it('links when the issue type arrives after creation, in either case', async () => {
    const untyped = await open('2026-11-16T10:00:00Z', 'rc-3');
    const typed = await open('2026-11-17T10:00:00Z', 'rc-3', 'account');
    expect(typed.repeatOf).toBeNull(); // the first case's type is not known yet
    const set = await h().request('PUT', `/api/v1/cases/${untyped.id}/issue-type`, { issueType: 'account' });
    expect(set.status).toBe(200);
    expect((await h().request('GET', `/api/v1/cases/${typed.id}`)).body.repeatOf).toBe(untyped.id);
    expect((await linkEvents(typed.id)).map((e) => e.data.repeatOf)).toEqual([untyped.id]);
    const log = (await h().request('GET', `/api/v1/cases/${untyped.id}/events`)).body.items;
    expect(log.find((e: { type: string }) => e.type === 'case.issue_type_set').data).toEqual({
      from: null,
      to: 'account',
    });

    // A later case typed after creation links back too; setting the same type again changes nothing.
    const later = await open('2026-11-18T10:00:00Z', 'rc-3');
    await h().request('PUT', `/api/v1/cases/${later.id}/issue-type`, { issueType: 'Account' });
    expect((await h().request('GET', `/api/v1/cases/${later.id}`)).body.repeatOf).toBe(typed.id);
    const before = await snapshot(h().database);
    const again = await h().request('PUT', `/api/v1/cases/${later.id}/issue-type`, { issueType: 'Account' });
    expect(again.body.changed).toBe(false);
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('uses the organisation window set by a lead, and refuses a bad one', async () => {
    const agent = await h().tokenFor('amara');
    const lead = await h().tokenFor('sofia');
    const before = await snapshot(h().database);
    const bad = await h().request('PUT', '/api/v1/repeat-contacts/settings', { windowDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const forbidden = await h().request(
      'PUT',
      '/api/v1/repeat-contacts/settings',
      { windowDays: 2 },
      { token: agent },
    );
    expect(forbidden.status).toBe(403);
    expect(await snapshot(h().database)).toEqual(before);

    const ok = await h().request(
      'PUT',
      '/api/v1/repeat-contacts/settings',
      { windowDays: 2 },
      { token: lead },
    );
    expect(ok.body).toEqual({ windowDays: 2 });
    const first = await open('2026-11-23T10:00:00Z', 'rc-4', 'plan');
    const outside = await open('2026-11-26T10:00:00Z', 'rc-4', 'plan'); // three days: outside two
    const inside = await open('2026-11-27T10:00:00Z', 'rc-4', 'plan');
    expect(outside.repeatOf).toBeNull();
    expect(inside.repeatOf).toBe(outside.id);
    expect(first.id).not.toBe(outside.id);
    expect((await linkEvents(inside.id))[0].data.windowDays).toBe(2);
  });
});
