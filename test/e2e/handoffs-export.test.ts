import { expect, it } from 'vitest';
import { handoffExportHeader } from '../../src/exports/handoffs-export.ts';
import { parseCsv } from '../../src/vocabulary/csv.ts';
import { adminToken, describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

/** The handoffs of a period as CSV, for the spreadsheets CX operations leads work in. */
describeOnDatabases('the handoffs export', (h) => {
  /** The raw answer: `Response.text()` would drop the byte-order mark the export starts with. */
  const exportCsv = async (
    query: string,
    opts: { token?: string; headers?: Record<string, string> } = {},
  ) => {
    const token = opts.headers ? undefined : (opts.token ?? (await h().tokenFor('grace')));
    const res = await h().runtime.app.request(`/api/v1/exports/handoffs${query}`, {
      headers: token
        ? { authorization: `Bearer ${token}` }
        : { authorization: `Bearer ${adminToken}`, ...opts.headers },
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let body: unknown = text;
    if (res.headers.get('content-type')?.startsWith('application/json')) body = JSON.parse(text);
    return {
      status: res.status,
      headers: res.headers,
      body: body as string & { error?: Record<string, string> },
    };
  };
  const rowsOf = (text: string) => {
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...handoffExportHeader]);
    return rows.map((r) => Object.fromEntries(header!.map((k, i) => [k, r[i] ?? ''])));
  };
  const send = async (subject: string, scenario = 'billing-to-finance', issueType?: string) => {
    const c = await h().request('POST', '/api/v1/cases', newCase({ subject, issueType }));
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario,
      packet: fullPacket,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    return sent.body as { id: string; caseId: string; owner: { name: string } };
  };

  it('writes one row per handoff of the period with its owner, times, clocks, bounce and quality', async () => {
    h().setNow('2026-11-23T09:00:00Z');
    const accepted = await send('Charged twice for October', 'billing-to-finance', 'billing');
    await h().request('POST', `/api/v1/handoffs/${accepted.id}/accept`);
    h().advance(60_000);
    const bounced = await send('=HYPERLINK("http://evil.example","refund")');
    await h().request('POST', `/api/v1/handoffs/${bounced.id}/bounce`, {
      reason: 'wrong_team',
      note: 'Not ours, "engineering" should look, then finance',
    });
    h().advance(60_000);
    const engineering = await send('App crashes on login', 'tech-to-engineering');

    // The customer rates the accepted case: counted for its handoff, the others have no rating.
    const rated = await h().request('POST', `/api/v1/cases/${accepted.caseId}/satisfaction`, { rating: 2 });
    expect(rated.status).toBe(201);

    const res = await exportCsv('?from=2026-11-23&to=2026-11-23');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="baton-handoffs-2026-11-23-to-2026-11-23.csv"',
    );
    const rows = rowsOf(res.body as string);
    expect(rows.map((r) => r.handoff_id)).toEqual([engineering.id, bounced.id, accepted.id]); // newest first

    const first = rows[2]!;
    const view = (await h().request('GET', `/api/v1/handoffs/${accepted.id}`)).body;
    expect(first).toMatchObject({
      case_id: accepted.caseId,
      case_subject: 'Charged twice for October',
      customer: 'Maria Lopez',
      scenario: 'billing-to-finance',
      issue_type: 'billing',
      state: 'accepted',
      from: 'support',
      to_team: 'finance',
      owner: accepted.owner.name,
      urgency: 'high',
      emotion: 'frustrated',
      completeness: String(view.completeness),
      sent_at: view.sentAt,
      accepted_at: view.acceptedAt,
      resolved_at: '',
      acknowledge_state: view.sla.find((c: { name: string }) => c.name === 'acknowledge').state,
      quality_score: String(view.quality.score),
      customer_rating: '2 of 5',
      customer_satisfied: 'no',
    });
    expect(rows[0]).toMatchObject({ customer_rating: '', customer_satisfied: '' });
    // A subject a spreadsheet would run as a formula is written as text; the note keeps its quotes.
    expect(rows[1]).toMatchObject({
      case_subject: `'=HYPERLINK("http://evil.example","refund")`,
      state: 'bounced',
      bounce_reason: 'wrong_team',
      bounce_note: 'Not ours, "engineering" should look, then finance',
    });
    expect(rows[1]!.failed_checks).toContain('routed_right');
    expect(rows[0]).toMatchObject({ to_team: 'engineering', scenario: 'tech-to-engineering' });

    // Filters narrow it; another day holds none of them.
    expect(
      rowsOf((await exportCsv('?from=2026-11-23&to=2026-11-23&team=engineering')).body as string),
    ).toHaveLength(1);
    expect(
      rowsOf((await exportCsv('?from=2026-11-23&to=2026-11-23&state=bounced')).body as string),
    ).toHaveLength(1);
    expect(
      rowsOf((await exportCsv('?from=2026-11-23&to=2026-11-23&scenario=tech-to-engineering')).body as string),
    ).toHaveLength(1);
    const billing = rowsOf(
      (await exportCsv('?from=2026-11-23&to=2026-11-23&issueType=billing')).body as string,
    );
    expect(billing.map((r) => r.handoff_id)).toEqual([accepted.id]);
    expect(rowsOf((await exportCsv('?from=2026-11-24&to=2026-11-30')).body as string)).toHaveLength(0);
    // Another organisation's export holds none of these.
    const other = await exportCsv('?from=2026-11-23&to=2026-11-23', { headers: { 'x-baton-org': 'other' } });
    expect(other.status).toBe(200);
    expect(rowsOf(other.body as string)).toHaveLength(0);
  });

  it('streams more than a page, each handoff once, newest first', async () => {
    h().setNow('2026-11-25T08:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) {
      ids.push((await send(`Invoice question ${i}`)).id);
      h().advance(i % 3 === 0 ? 0 : 1000); // some in the same millisecond: the keyset reaches both
    }
    const rows = rowsOf((await exportCsv('?from=2026-11-25&to=2026-11-25')).body as string);
    expect(rows).toHaveLength(230);
    expect(new Set(rows.map((r) => r.handoff_id))).toEqual(new Set(ids));
    const times = rows.map((r) => r.created_at);
    expect([...times].sort().reverse()).toEqual(times);

    // GET /handoffs pages through the same handoffs in the same order (one keyset rule for both).
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await h().request('GET', `/api/v1/handoffs?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      listed.push(...page.body.items.map((x: { id: string }) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed.filter((id) => ids.includes(id))).toEqual(rows.map((r) => r.handoff_id));
  });

  it('refuses a bad period or filter with the field at fault, and agents', async () => {
    const cases: [string, string][] = [
      ['?from=yesterday', 'from'],
      ['?from=2026-11-30&to=2026-11-01', 'from'],
      ['?state=lost', 'state'],
      ['?to=2026-13-01', 'to'],
    ];
    for (const [query, field] of cases) {
      const res = await exportCsv(query);
      expect([res.status, res.body.error?.code, res.body.error?.field], query).toEqual([
        400,
        'validation_failed',
        field,
      ]);
    }
    const agent = await h().tokenFor('amara', ['agent']);
    expect((await exportCsv('', { token: agent })).status).toBe(403);
  });
});
