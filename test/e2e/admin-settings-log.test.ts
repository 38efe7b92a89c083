import { expect, it } from 'vitest';
import { parseCsv } from '../../src/vocabulary/csv.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Change = {
  action: string;
  subject: string;
  subjectName: string;
  actor: { id: string; name: string | null } | null;
  detail: Record<string, { from: unknown; to: unknown }>;
};

const slackUrl = 'http://127.0.0.1:9/services/T0001/B0001/s3cr3t-token';
const weekdays = (open: string, close: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [[open, close]]]));

/** The admin change log beyond people and teams: every setting a lead changes, with who and what. */
describeOnDatabases('the admin change log of settings, calendars, scenarios and mappings', (h) => {
  const log = async (query = '', token?: string) => {
    const res = await h().request('GET', `/api/v1/admin/changes${query}`, undefined, {
      token: token ?? (await h().tokenFor('ines')),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Change[];
  };
  const latest = async () => (await log('?limit=1'))[0];

  it('logs each change of a setting with its actor and the fields it changed, in the change’s transaction', async () => {
    const grace = await h().tokenFor('grace');
    const as = (method: string, path: string, body: unknown) =>
      h().request(method, path, body, { token: grace });
    const graceId = h().org.personIds.get('grace');
    h().runtime.services.config.webhookAllowPrivate = true; // the Slack address below is never called

    const hours = weekdays('09:00', '17:00');
    await as('PUT', '/api/v1/teams/finance/calendar', { timezone: 'Europe/London', hours });
    const calendar = await as('PUT', '/api/v1/teams/finance/calendar', {
      timezone: 'Europe/Paris',
      hours: { ...hours, fri: [['09:00', '12:00']] },
      holidays: ['2026-12-25'],
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
    const cal = await latest();
    expect(cal).toMatchObject({
      action: 'calendar.changed',
      subject: 'finance',
      subjectName: 'Finance',
      actor: { id: graceId, name: 'Grace Liu' },
    });
    expect(cal.detail.timezone?.to).toBe('Europe/Paris');
    expect(cal.detail['hours.fri']).toEqual({ from: [['09:00', '17:00']], to: [['09:00', '12:00']] });
    expect(cal.detail.holidays?.to).toEqual(['2026-12-25']);
    expect(cal.detail.clocksRecomputed).toEqual({ from: null, to: calendar.body.clocksRecomputed });
    expect(cal.detail['hours.mon']).toBeUndefined(); // unchanged days are not listed

    expect(
      (await as('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 65, caps: { waiting: 10 } }))
        .status,
    ).toBe(200);
    expect(await latest()).toMatchObject({
      action: 'settings.changed',
      subject: 'customer-risk',
      detail: { pageThreshold: { to: 65 }, 'caps.waiting': { from: null, to: 10 } },
    });

    expect((await as('PUT', '/api/v1/repeat-contacts/settings', { windowDays: 21 })).status).toBe(200);
    expect(await latest()).toMatchObject({
      subject: 'repeat-contacts',
      detail: { windowDays: { from: 7, to: 21 } },
    });

    expect((await as('PUT', '/api/v1/qa/sampling', { randomPercent: 20, everyBreach: false })).status).toBe(
      200,
    );
    expect(await latest()).toMatchObject({
      subject: 'qa-sampling',
      detail: { randomPercent: { from: 5, to: 20 }, everyBreach: { from: true, to: false } },
    });

    const weights = await as('PUT', '/api/v1/qa/weights/tier1-to-tier2', { weights: { no_ping_pong: 40 } });
    expect(weights.status).toBe(200);
    expect(await latest()).toMatchObject({
      subject: 'qa-weights/tier1-to-tier2',
      detail: { no_ping_pong: { from: null, to: 40 } },
    });

    // A Slack webhook's address is its key: the log says it was set or removed, never what it is.
    expect(
      (await as('PUT', '/api/v1/analytics/review-delivery', { slackUrl, emails: ['Ops@Northwind.example'] }))
        .status,
    ).toBe(200);
    expect(await latest()).toMatchObject({
      subject: 'review-delivery',
      detail: { slackUrl: { from: null, to: 'set' }, emails: { from: [], to: ['ops@northwind.example'] } },
    });
    expect((await as('PUT', '/api/v1/notifications/teams/finance', { slackUrl })).status).toBe(200);
    expect(await latest()).toMatchObject({
      action: 'team.changed',
      subject: 'finance',
      detail: { slackUrl: { to: 'set' } },
    });
    expect((await as('PUT', '/api/v1/notifications/teams/finance', { slackUrl: null })).status).toBe(200);
    expect((await latest()).detail).toEqual({ slackUrl: { from: 'set', to: null } });

    const mapping = { source: 'zendesk', group: 'Billing', scenario: 'billing-to-finance' };
    expect((await as('PUT', '/api/v1/integrations/group-mappings', mapping)).status).toBe(200);
    expect(await latest()).toMatchObject({ action: 'mapping.added', subject: 'zendesk/Billing' });
    await as('PUT', '/api/v1/integrations/group-mappings', { ...mapping, scenario: 'tier1-to-tier2' });
    expect(await latest()).toMatchObject({
      action: 'mapping.changed',
      detail: { scenario: { from: 'billing-to-finance', to: 'tier1-to-tier2' } },
    });
    expect(
      (await as('DELETE', '/api/v1/integrations/group-mappings/zendesk/Billing', undefined)).status,
    ).toBe(200);
    expect(await latest()).toMatchObject({
      action: 'mapping.removed',
      detail: { scenario: { from: 'tier1-to-tier2', to: null } },
    });

    const scenario = {
      id: 'refunds-to-finance',
      name: 'Refunds to Finance',
      toTeam: 'finance',
      required: ['whatHappened'],
      sla: [{ name: 'acknowledge', target: 'PT2H' }],
    };
    expect((await as('POST', '/api/v1/scenarios', scenario)).status).toBe(201);
    expect(await latest()).toMatchObject({
      action: 'scenario.added',
      subjectName: 'Refunds to Finance',
      detail: { version: { from: null, to: 1 } },
    });
    const v2 = await as('POST', '/api/v1/scenarios', { ...scenario, required: ['whatHappened', 'urgency'] });
    expect(v2.status).toBe(201);
    const changed = await latest();
    expect(changed).toMatchObject({ action: 'scenario.changed', detail: { version: { from: 1, to: 2 } } });
    expect(changed.detail.required).toEqual({ from: ['whatHappened'], to: ['whatHappened', 'urgency'] });
    expect(Object.keys(changed.detail).sort()).toEqual(['required', 'version']);

    const templates = await as('PUT', '/api/v1/scenarios/tier1-to-tier2/customer-update', {
      templates: { en: 'Hi {customer}, {team} has your case and will reply by {replyBy}.' },
    });
    expect(templates.status, JSON.stringify(templates.body)).toBe(200);
    expect(await latest()).toMatchObject({ action: 'scenario.changed', subject: 'tier1-to-tier2' });

    const rubric = {
      name: 'Handoff rubric',
      criteria: [{ id: 'context', label: 'Context is complete', scale: { min: 1, max: 5 } }],
    };
    const card = await as('POST', '/api/v1/qa/scorecards', rubric);
    expect(card.status).toBe(201);
    expect(await latest()).toMatchObject({
      action: 'scorecard.added',
      subject: card.body.id,
      subjectName: 'Handoff rubric',
    });
    await as('PUT', `/api/v1/qa/scorecards/${card.body.id}`, { ...rubric, description: 'Weekly sample' });
    expect(await latest()).toMatchObject({
      action: 'scorecard.changed',
      detail: { version: { from: 1, to: 2 }, description: { from: null, to: 'Weekly sample' } },
    });

    const everything = JSON.stringify(await log('?limit=200'));
    expect(everything).not.toContain('s3cr3t-token');
  });

  it('logs nothing for a change refused or a change of nothing', async () => {
    const count = (await log('?limit=200')).length;
    const before = await snapshotAll(h().database);
    const refused = [
      await h().request('PUT', '/api/v1/teams/finance/calendar', { timezone: 'Mars/Olympus', hours: '24/7' }),
      await h().request('PUT', '/api/v1/teams/nope/calendar', { timezone: 'UTC', hours: '24/7' }),
      await h().request('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 0 }),
      await h().request('PUT', '/api/v1/qa/weights/nope', { weights: { no_ping_pong: 1 } }),
      await h().request('PUT', '/api/v1/integrations/group-mappings', {
        source: 'zendesk',
        group: 'Billing',
        scenario: 'nope',
      }),
      await h().request('DELETE', '/api/v1/integrations/group-mappings/zendesk/Nobody'),
      await h().request('POST', '/api/v1/scenarios', { id: 'x-to-nowhere', toTeam: 'nowhere', sla: [] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 404, 400, 404, 422, 404, 422]);
    expect(await snapshotAll(h().database)).toEqual(before);

    // The same values again change nothing, so they are not a line of the log.
    await h().request('PUT', '/api/v1/repeat-contacts/settings', { windowDays: 21 });
    await h().request('PUT', '/api/v1/qa/sampling', { randomPercent: 20, everyBreach: false });
    await h().request('PUT', '/api/v1/notifications/teams/finance', { slackUrl: null });
    expect((await log('?limit=200')).length).toBe(count);
  });

  it('reads the log by area and by person', async () => {
    const policies = await log('?area=policies&limit=200');
    expect(policies.length).toBeGreaterThan(0);
    expect(new Set(policies.map((c) => c.action.split('.')[0]))).toEqual(
      new Set(['settings', 'scenario', 'scorecard']),
    );
    const integrations = await log('?area=integrations,teams&limit=200');
    expect(integrations.map((c) => c.action)).toEqual(
      expect.arrayContaining(['mapping.removed', 'calendar.changed']),
    );
    expect(integrations.every((c) => /^(webhook|mapping|team|calendar)\./.test(c.action))).toBe(true);
    const graceId = h().org.personIds.get('grace')!;
    const byGrace = await log(`?actor=${graceId}&limit=200`);
    expect(byGrace.length).toBeGreaterThan(10);
    expect(byGrace.every((c) => c.actor?.id === graceId)).toBe(true);
    expect(await log(`?actor=${h().org.personIds.get('noah')}`)).toEqual([]);

    const bad = await h().request('GET', '/api/v1/admin/changes?area=people,weather', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'area.1' });
  });

  it('reads the log by period: from a day, up to a day (included), or between instants', async () => {
    const rename = async (at: string, name: string) => {
      h().setNow(at);
      const res = await h().request('PATCH', '/api/v1/teams/tier2', { name });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await rename('2027-03-01T12:00:00Z', 'Tier 2 (March 1)');
    await rename('2027-03-03T12:00:00Z', 'Tier 2 (March 3)');
    const names = (changes: Change[]) =>
      changes.filter((c) => c.subject === 'tier2').map((c) => c.detail.name?.to);
    expect(names(await log('?from=2027-03-02&limit=200'))).toEqual(['Tier 2 (March 3)']);
    expect(names(await log('?from=2027-03-01&to=2027-03-01&limit=200'))).toEqual(['Tier 2 (March 1)']);
    expect(names(await log('?to=2027-03-02&limit=200'))).toEqual(['Tier 2 (March 1)']);
    expect(
      names(await log('?from=2027-03-01T11:00:00Z&to=2027-03-03T12:00:00Z&area=teams&limit=200')),
    ).toEqual(['Tier 2 (March 1)']);
    expect(await log('?from=2027-03-04')).toEqual([]);

    const csv = await h().runtime.app.request('/api/v1/exports/admin-changes?from=2027-03-02', {
      headers: { authorization: `Bearer ${await h().tokenFor('ines')}` },
    });
    const rows = parseCsv((await csv.text()).replace(/^\ufeff/, '')).slice(1);
    expect(rows.map((r) => [r[4], r[7], r[9]])).toEqual([['team.changed', 'name', 'Tier 2 (March 3)']]);

    const ines = await h().tokenFor('ines');
    for (const [query, field] of [
      ['?from=2027-13-01', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2027-03-03&to=2027-03-01', 'from'],
    ]) {
      for (const path of ['/api/v1/admin/changes', '/api/v1/exports/admin-changes']) {
        const bad = await h().request('GET', `${path}${query}`, undefined, { token: ines });
        expect(bad.status, `${path}${query}`).toBe(400);
        expect(bad.body.error).toMatchObject({ code: 'validation_failed', field });
      }
    }
  });

  it('exports the log as CSV, one row per field changed, by area and person, never a secret', async () => {
    const ines = await h().tokenFor('ines');
    const res = await h().runtime.app.request('/api/v1/exports/admin-changes?area=teams', {
      headers: { authorization: `Bearer ${ines}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="baton-admin-changes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'change_id',
      'at',
      'actor_id',
      'actor',
      'action',
      'subject',
      'subject_name',
      'field',
      'from',
      'to',
    ]);
    const calendar = rows.filter((r) => r[4] === 'calendar.changed' && r[7] === 'hours.fri');
    expect(calendar[0]).toEqual([
      expect.any(String),
      expect.any(String),
      h().org.personIds.get('grace'),
      'Grace Liu',
      'calendar.changed',
      'finance',
      'Finance',
      'hours.fri',
      '[["09:00","17:00"]]',
      '[["09:00","12:00"]]',
    ]);
    expect(new Set(rows.map((r) => r[4]!.split('.')[0]))).toEqual(new Set(['calendar', 'team']));
    expect(text).not.toContain('s3cr3t-token');
    // Newest first: removed, then set; never the address.
    expect(rows.filter((r) => r[7] === 'slackUrl').map((r) => r.slice(8))).toEqual([
      ['set', ''],
      ['', 'set'],
    ]);

    const byNoah = await h().runtime.app.request(
      `/api/v1/exports/admin-changes?actor=${h().org.personIds.get('noah')}`,
      {
        headers: { authorization: `Bearer ${ines}` },
      },
    );
    expect(parseCsv((await byNoah.text()).replace(/^\ufeff/, ''))).toHaveLength(1); // the header alone
    const agent = await h().tokenFor('amara', ['agent']);
    const refused = await h().request('GET', '/api/v1/exports/admin-changes', undefined, { token: agent });
    expect(refused.status).toBe(403);
  });
});
