import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../web/src/api/types.ts';
import { kindKey, kindWords } from '../../web/src/cases/document-kinds.ts';
import { alreadyOnFile, emptyDraft, kinds, prefill, toPacket } from '../../web/src/handoffs/packet-form.ts';

const invoice = {
  id: 'd1',
  kind: 'invoice',
  name: 'INV-2026-10.pdf',
  providedAt: '2026-12-07T09:00:00.000Z',
};
const caseWith = (documents: (typeof invoice)[]) => ({ documents }) as unknown as CaseDetail;

describe('document kinds typed in words, kept by key', () => {
  it('sends a kind typed in words by its key, and shows a key in words', () => {
    expect(kindKey('Bank statement')).toBe('bank_statement');
    expect(kindKey(' Bank statements ')).toBe('bank_statement');
    expect(kindKey('ID document')).toBe('id_document');
    expect(kindKey('bank_statement')).toBe('bank_statement');
    expect(kindWords('bank_statement')).toBe('Bank statement');
    expect(kindKey(kindWords('order_number'))).toBe('order_number');
  });

  it('reads the packet’s list of kinds as keys, each once, blanks dropped', () => {
    expect(kinds('Bank statement, invoices,\n, bank_statement, Photo')).toEqual([
      'bank_statement',
      'invoice',
      'photo',
    ]);
    expect(toPacket({ ...emptyDraft(), required: 'Receipt, ID document' }).documents?.required).toEqual([
      'receipt',
      'id_document',
    ]);
  });

  it('shows a suggested or saved packet’s kinds in words, and reads them back as the same keys', () => {
    const draft = prefill(emptyDraft(), {
      documents: { required: ['bank_statement', 'invoice'], onFile: [] },
    });
    expect(draft.required).toBe('Bank statement, Invoice');
    expect(kinds(draft.required)).toEqual(['bank_statement', 'invoice']);
  });

  it('warns of a kind on file however it is typed, as the server compares', () => {
    const c = caseWith([invoice]);
    expect(alreadyOnFile({ ...emptyDraft(), required: 'Invoices' }, c)).toEqual([invoice]);
    expect(alreadyOnFile({ ...emptyDraft(), required: 'Bank statement, INVOICE' }, c)).toEqual([invoice]);
    expect(alreadyOnFile({ ...emptyDraft(), required: 'Bank statement' }, c)).toEqual([]);
  });
});
