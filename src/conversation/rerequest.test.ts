import { describe, expect, it } from 'vitest';
import { documentAsks, documentReRequests, sameKind } from './rerequest.ts';

const kinds = (text: string) => documentAsks(text).map((a) => a.kind);

describe('documentAsks', () => {
  it('finds an agent asking the customer for a document', () => {
    expect(kinds('Could you send us the invoice again?')).toEqual(['invoice']);
    expect(kinds('Please attach a screenshot of the error.')).toEqual(['screenshot']);
    expect(kinds('Can you please share a copy of your bank statement showing both charges?')).toEqual([
      'bank_statement',
    ]);
    expect(kinds('To process the refund we will need a copy of the invoice.')).toEqual(['invoice']);
    expect(kinds('Send us a photo of the damaged box and we will sort it.')).toEqual(['photo']);
    expect(kinds('What is your order number?')).toEqual(['order_number']);
    expect(kinds('Do you have the receipt for this purchase?')).toEqual(['receipt']);
    expect(kinds('Invoice please.')).toEqual(['invoice']);
    expect(
      kinds('Hi Maria, thanks for your patience. Would you mind re-sending the invoice? The copy is blurry.'),
    ).toEqual(['invoice']);
  });

  it('names the sentence that asks', () => {
    expect(documentAsks('Thanks for waiting. Could you upload your passport?')).toEqual([
      { kind: 'id_document', sentence: 'Could you upload your passport?' },
    ]);
  });

  it('does not fire on thanks, on what the agent does with it, or on questions about it', () => {
    for (const text of [
      'We received your invoice, thanks!',
      'Thanks for sending the invoice.',
      'I can see the invoice you sent, no need to send it again.',
      "I'll forward your invoice to our Finance team.",
      'Let me check the invoice you uploaded.',
      'Your invoice is on file, thanks.',
      'The invoice shows the correct amount.',
      'I have the invoice here and it shows two charges.',
      'Could you confirm the amount on the invoice?',
      'Is the invoice attached to your email the October one?',
      'Once Finance has reviewed your invoice they will email you.',
      'Can you tell me when the invoice was issued?',
      "We don't need the receipt any more.",
    ])
      expect(kinds(text), text).toEqual([]);
  });
});

describe('documentReRequests', () => {
  const onFile = [
    { id: 'doc1', kind: 'invoice', name: 'INV-2026-10.pdf' },
    { id: 'doc2', kind: 'Passport', name: 'passport-scan.jpg' },
  ];

  it('flags an ask for a kind on file, naming the document', () => {
    expect(documentReRequests(onFile, 'Could you send me a copy of the invoice?')).toEqual([
      {
        kind: 'invoice',
        sentence: 'Could you send me a copy of the invoice?',
        document: onFile[0],
      },
    ]);
    expect(documentReRequests(onFile, 'Please upload a photo ID.').map((r) => r.document.id)).toEqual([
      'doc2',
    ]);
  });

  it('does not flag an ask for a kind not on file, nor a mention of one that is', () => {
    expect(documentReRequests(onFile, 'Could you send a screenshot of the error?')).toEqual([]);
    expect(documentReRequests(onFile, 'We received your invoice, thanks.')).toEqual([]);
  });

  it('reads registry kinds loosely', () => {
    expect(sameKind('Invoices', 'invoice')).toBe(true);
    expect(sameKind('utility_bill', 'proof_of_address')).toBe(true);
    expect(sameKind('receipt', 'invoice')).toBe(false);
  });
});
