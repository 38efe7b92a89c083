import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

type Event = { type: string; data: Record<string, unknown> };

describeOnDatabases('documents asked for again in the conversation', (h) => {
  const say = async (caseId: string, role: string, text: string) => {
    h().advance(60_000);
    const res = await h().request('POST', `/api/v1/cases/${caseId}/messages`, { role, text });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const flags = async (caseId: string) =>
    ((await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items as Event[]).filter(
      (e) => e.type === 'document.rerequested',
    );

  it('flags an agent message asking for a document on file, naming the message and the document', async () => {
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body; // invoice on file
    const handoff = await h().request('POST', `/api/v1/cases/${kase.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(handoff.status).toBe(201);
    const messageId = await say(
      kase.id,
      'agent',
      'Thanks for your patience, Maria. Could you send me a copy of the October invoice so Finance can check it?',
    );
    const [flag, ...more] = await flags(kase.id);
    expect(more).toEqual([]);
    const invoice = kase.documents.find((d: { kind: string }) => d.kind === 'invoice');
    expect(flag.data).toMatchObject({
      kind: 'invoice',
      reason: null,
      onFile: 'INV-2026-10.pdf',
      documentId: invoice.id,
      messageId,
      sentence: 'Could you send me a copy of the October invoice so Finance can check it?',
    });
    const detail = (await h().request('GET', `/api/v1/cases/${kase.id}`)).body;
    expect(detail.documentRequests).toMatchObject([
      { kind: 'invoice', rerequest: true, reason: null, messageId, onFileDocumentId: invoice.id },
    ]);
    const quality = (await h().request('GET', `/api/v1/handoffs/${handoff.body.id}`)).body.quality;
    expect(quality.checks.find((c: { id: string }) => c.id === 'no_document_rerequest').result).toBe('fail');
  });

  it('does not fire on thanks, on other kinds, on questions about the document, or on the customer', async () => {
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body;
    await say(kase.id, 'agent', 'We received your invoice, thanks! Finance is looking at it now.');
    await say(kase.id, 'agent', "I'll forward your invoice to our Finance team today.");
    await say(
      kase.id,
      'agent',
      'Could you also send a screenshot of your bank statement showing both charges?',
    );
    await say(kase.id, 'agent', 'Can you tell me when the invoice was issued?');
    await say(kase.id, 'customer', 'Do you want me to send the invoice again?');
    await say(kase.id, 'internal', 'Finance might ask for the invoice again, it is a bit blurry.');
    expect(await flags(kase.id)).toEqual([]);
    expect((await h().request('GET', `/api/v1/cases/${kase.id}`)).body.documentRequests).toEqual([]);
  });
});

describeOnDatabases('documents on file asked for again in a handoff packet', (h) => {
  it('sends the handoff, flagged: a re-request without a reason, its quality check failed, the answer as GET', async () => {
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body; // invoice on file
    const invoice = kase.documents.find((d: { kind: string }) => d.kind === 'invoice');
    const sent = await h().request('POST', `/api/v1/cases/${kase.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: {
        ...fullPacket,
        documents: { required: ['Invoices', 'bank_statement', 'invoice'], onFile: [] },
      },
    });
    expect(sent.status).toBe(201);
    const events = (await h().request('GET', `/api/v1/cases/${kase.id}/events`)).body.items as Event[];
    const flags = events.filter((e) => e.type === 'document.rerequested');
    // Once for the kind, however often the packet names it; the statement not on file is not flagged.
    expect(flags.map((f) => f.data)).toEqual([
      expect.objectContaining({
        kind: 'Invoices',
        reason: null,
        onFile: 'INV-2026-10.pdf',
        documentId: invoice.id,
        handoffId: sent.body.id,
      }),
    ]);
    const check = (sent.body.quality.checks as { id: string; result: string; evidence?: string }[]).find(
      (c) => c.id === 'no_document_rerequest',
    );
    expect(check?.result).toBe('fail');
    const view = (await h().request('GET', `/api/v1/handoffs/${sent.body.id}`)).body;
    expect(view.quality).toEqual(sent.body.quality);
    const detail = (await h().request('GET', `/api/v1/cases/${kase.id}`)).body;
    expect(detail.documentRequests).toMatchObject([
      { kind: 'Invoices', rerequest: true, reason: null, messageId: null, onFileDocumentId: invoice.id },
    ]);
    // Asked for directly, it is refused in words: "an invoice", not "a invoice".
    const asked = await h().request('POST', `/api/v1/cases/${kase.id}/document-requests`, {
      kind: 'invoice',
    });
    expect(asked.status).toBe(409);
    expect(asked.body.error.message).toBe('an invoice is already on file for this case: INV-2026-10.pdf');
  });

  it('flags a saved draft when it is sent, and a packet asking for nothing on file not at all', async () => {
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body;
    const draft = await h().request('POST', `/api/v1/cases/${kase.id}/handoffs`, {
      scenario: 'billing-to-finance',
      draft: true,
      packet: { ...fullPacket, documents: { required: ['invoice'], onFile: [] } },
    });
    expect(draft.status).toBe(201);
    const flagsOf = async () =>
      ((await h().request('GET', `/api/v1/cases/${kase.id}/events`)).body.items as Event[]).filter(
        (e) => e.type === 'document.rerequested',
      );
    expect(await flagsOf()).toEqual([]); // a draft asks nobody for anything
    const sent = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect((await flagsOf()).map((f) => f.data.handoffId)).toEqual([draft.body.id]);

    const other = (await h().request('POST', '/api/v1/cases', newCase())).body;
    const plain = await h().request('POST', `/api/v1/cases/${other.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(plain.status).toBe(201);
    const otherEvents = (await h().request('GET', `/api/v1/cases/${other.id}/events`)).body.items as Event[];
    expect(otherEvents.filter((e) => e.type === 'document.rerequested')).toEqual([]);
  });
});
