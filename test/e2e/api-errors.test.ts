import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

describeOnDatabases('bad input: a clear error and nothing changed', (h) => {
  let caseId = '';
  let handoffId = '';
  it('sets up a case with a sent handoff', async () => {
    caseId = (await h().request('POST', '/api/v1/cases', newCase())).body.id;
    handoffId = (
      await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      })
    ).body.id;
    expect(handoffId).toMatch(/^ho_/);
  });

  const cases: [
    string,
    () => [string, string, unknown?, Record<string, unknown>?],
    number,
    string,
    string?,
  ][] = [
    ['malformed JSON', () => ['POST', '/api/v1/cases', '{"subject": '], 400, 'invalid_json'],
    [
      'a wrong type',
      () => ['POST', '/api/v1/cases', { ...newCase(), subject: 42 }],
      400,
      'validation_failed',
      'subject',
    ],
    [
      'a missing field',
      () => ['POST', '/api/v1/cases', { subject: 'x', channel: 'chat' }],
      400,
      'validation_failed',
      'customer',
    ],
    [
      'a wrong enum',
      () => ['POST', `/api/v1/cases/${caseId}/messages`, { role: 'robot', text: 'hi' }],
      400,
      'validation_failed',
      'role',
    ],
    [
      'an unknown case',
      () => ['POST', '/api/v1/cases/cs_nope/messages', { role: 'customer', text: 'hi' }],
      404,
      'not_found',
    ],
    ['an unknown handoff', () => ['POST', '/api/v1/handoffs/ho_nope/accept'], 404, 'not_found'],
    [
      'an unknown scenario',
      () => ['POST', `/api/v1/cases/${caseId}/handoffs`, { scenario: 'nope', packet: fullPacket }],
      422,
      'unknown_scenario',
      'scenario',
    ],
    [
      'a bad packet type',
      () => [
        'POST',
        `/api/v1/cases/${caseId}/handoffs`,
        { scenario: 'billing-to-finance', packet: { ...fullPacket, urgency: 'whenever' } },
      ],
      400,
      'validation_failed',
      'packet.urgency',
    ],
    [
      'an incomplete packet',
      () => ['POST', `/api/v1/cases/${caseId}/handoffs`, { scenario: 'billing-to-finance', packet: {} }],
      422,
      'packet_incomplete',
    ],
    [
      'a move the state machine refuses',
      () => ['POST', `/api/v1/handoffs/${handoffId}/resolve`],
      409,
      'invalid_transition',
    ],
    [
      'a bad bounce reason',
      () => ['POST', `/api/v1/handoffs/${handoffId}/bounce`, { reason: 'Not ours!' }],
      400,
      'validation_failed',
      'reason',
    ],
    [
      'a list filtered by a team the organisation lacks (a typo would read as an empty queue)',
      () => ['GET', '/api/v1/handoffs?team=financ'],
      422,
      'unknown_team',
      'team',
    ],
    [
      'a list filtered by an owner the organisation lacks',
      () => ['GET', '/api/v1/handoffs?owner=p_nobody'],
      400,
      'validation_failed',
      'owner',
    ],
    [
      'a bounce without a reason',
      () => ['POST', `/api/v1/handoffs/${handoffId}/bounce`, {}],
      400,
      'validation_failed',
      'reason',
    ],
    [
      'a document already on file',
      () => ['POST', `/api/v1/cases/${caseId}/document-requests`, { kind: 'invoice' }],
      409,
      'document_on_file',
      'kind',
    ],
    ['no token', () => ['GET', `/api/v1/cases/${caseId}`, undefined, { token: '' }], 401, 'unauthenticated'],
    [
      'a wrong token',
      () => ['POST', '/api/v1/cases', newCase(), { token: 'btn_wrong' }],
      401,
      'unauthenticated',
    ],
    [
      "another organisation's case",
      () => ['GET', `/api/v1/cases/${caseId}`, undefined, { headers: { 'x-baton-org': 'other' } }],
      404,
      'not_found',
    ],
    [
      "another organisation's handoff",
      () => [
        'POST',
        `/api/v1/handoffs/${handoffId}/accept`,
        undefined,
        { headers: { 'x-baton-org': 'other' } },
      ],
      404,
      'not_found',
    ],
    [
      'an oversized body',
      () => ['POST', '/api/v1/cases', { ...newCase(), subject: 'x'.repeat(2_000_000) }],
      413,
      'payload_too_large',
    ],
    [
      'a non-JSON body',
      () => ['POST', '/api/v1/cases', 'subject=x', { headers: { 'content-type': 'text/plain' } }],
      415,
      'unsupported_media_type',
    ],
    ['an unknown route', () => ['GET', '/api/v1/nothing-here'], 404, 'not_found'],
  ];

  for (const [name, make, status, code, field] of cases) {
    it(`answers ${status} ${code} to ${name}`, async () => {
      const before = await snapshot(h().database);
      const [method, path, body, opts] = make();
      const res = await h().request(method, path, body, opts as never);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(typeof res.body.error.message).toBe('string');
      if (field) expect(res.body.error.field).toBe(field);
      // Words a caller can act on, never zod's bare "Invalid input".
      expect(res.body.error.message).not.toMatch(/: Invalid input$/);
      expect(await snapshot(h().database)).toEqual(before);
    });
  }

  it("refuses a second case with a helpdesk ticket's externalId, naming the first, changing nothing", async () => {
    const first = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'ZD-4711' }));
    expect(first.status).toBe(201);
    const before = await snapshot(h().database);
    const again = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ externalId: 'ZD-4711', subject: 'Other' }),
    );
    expect([again.status, again.body.error.code, again.body.error.field, again.body.error.caseId]).toEqual([
      409,
      'conflict',
      'externalId',
      first.body.id,
    ]);
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('answers a body sent with an empty Content-Type with 415, for a route whose body may be {}', async () => {
    const before = await snapshot(h().database);
    for (const path of ['/api/v1/qa/sampling', '/api/v1/settings/customer-risk']) {
      const res = await h().request('PUT', path, '{}', { headers: { 'content-type': '' } });
      expect([res.status, res.body.error.code], path).toEqual([415, 'unsupported_media_type']);
    }
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('names every missing packet field', async () => {
    const res = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: { whatHappened: 'x' },
    });
    expect(res.body.error.missing).toEqual(['attempted', 'emotion', 'documents', 'urgency', 'nextSteps']);
  });

  it('refuses a role that may not act (QA cannot create cases)', async () => {
    const token = await h().tokenFor('hannah');
    const before = await snapshot(h().database);
    const res = await h().request('POST', '/api/v1/cases', newCase(), { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('lets a document on file be requested again only with a reason, and logs it', async () => {
    const res = await h().request('POST', `/api/v1/cases/${caseId}/document-requests`, {
      kind: 'invoice',
      reason: 'The copy on file is unreadable',
    });
    expect(res.status).toBe(201);
    expect(res.body.rerequest).toBe(true);
    const events = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items;
    expect(events.at(-1).type).toBe('document.rerequested');
  });
});
