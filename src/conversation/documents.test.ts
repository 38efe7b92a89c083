import { describe, expect, it } from 'vitest';
import { dialogDocuments, documentKinds, documentMentions, rerequestedKinds } from './documents.ts';

describe('documentKinds', () => {
  it('normalises the ways people name documents', () => {
    expect(documentKinds('I attached the invoice and a screenshot of the error message')).toEqual([
      'invoice',
      'screenshot',
      'error_message',
    ]);
    expect(documentKinds("Please send a copy of your driver's license or passport")).toEqual(['id_document']);
    expect(documentKinds('my bank statement shows two charges')).toEqual(['bank_statement']);
    expect(documentKinds('Order #55821 and the tracking number')).toEqual([
      'order_number',
      'tracking_number',
    ]);
    expect(documentKinds('here are the log files and a photo of the box')).toEqual(['log', 'photo']);
  });

  it('does not read a photo ID as a photo, nor "id" in a sentence as an ID', () => {
    expect(documentKinds('upload a photo ID')).toEqual(['id_document']);
    expect(documentKinds('I did it yesterday')).toEqual([]);
  });
});

describe('documentMentions', () => {
  it('tells who provided and who asked', () => {
    const mentions = documentMentions([
      { role: 'customer', text: 'I was charged twice. I have attached the receipt.' },
      { role: 'agent', text: 'Thanks! Could you also send a screenshot of your bank statement?' },
      { role: 'customer', text: 'The invoice was wrong too.' },
    ]);
    expect(mentions).toEqual([
      { turn: 0, role: 'customer', kind: 'receipt', action: 'provided' },
      { turn: 1, role: 'agent', kind: 'screenshot', action: 'requested' },
      { turn: 1, role: 'agent', kind: 'bank_statement', action: 'requested' },
      { turn: 2, role: 'customer', kind: 'invoice', action: 'mentioned' },
    ]);
  });
});

describe('dialogDocuments', () => {
  it('fills required and on-file lists and flags re-requests', () => {
    const docs = dialogDocuments([
      { role: 'agent', text: 'Please DM us your order number and a photo of the damage.' },
      { role: 'customer', text: "I've sent the order number and the photo in DM." },
      { role: 'agent', text: 'Can you send us the order number?' },
      { role: 'agent', text: 'We also need the invoice.' },
    ]);
    expect(docs).toEqual({
      required: ['invoice'],
      onFile: ['order_number', 'photo'],
      rerequested: ['order_number'],
    });
  });
});

describe('rerequestedKinds', () => {
  it('finds kinds asked for again', () => {
    expect(rerequestedKinds(['invoice'], 'Could you send the invoice and a screenshot?')).toEqual([
      'invoice',
    ]);
    expect(rerequestedKinds(['invoice'], 'I have attached your invoice.')).toEqual([]);
  });
});
