import { describe, expect, it } from 'vitest';
import { findOnFile, normaliseKind } from './on-file.ts';

describe('documents on file', () => {
  it('normalises kinds', () => {
    expect(normaliseKind(' Bank Statements ')).toBe('bank_statement');
    expect(normaliseKind('invoice')).toBe('invoice');
    expect(normaliseKind('address')).toBe('address');
  });
  it('finds a document already on file by kind', () => {
    const onFile = [{ kind: 'invoice', name: 'INV-1.pdf', providedAt: new Date(0) }];
    expect(findOnFile(onFile, 'Invoices')?.name).toBe('INV-1.pdf');
    expect(findOnFile(onFile, 'receipt')).toBeUndefined();
  });
});
