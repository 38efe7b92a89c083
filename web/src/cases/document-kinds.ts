import { normaliseKind } from '../../../src/documents/on-file.ts';
import { humanize } from '../app/format.ts';

/**
 * The kinds of document offered as one types, by key. People see and type them in words ("Bank
 * statement"); Baton keeps them by key, as helpdesks register them (`bank_statement`), so that both
 * are one kind in every count and comparison.
 */
export const documentKinds = [
  'invoice',
  'receipt',
  'bank_statement',
  'id_document',
  'contract',
  'photo',
  'order_number',
  'screenshot',
  'log_file',
];

/** "Bank statements " → `bank_statement`: what is sent for a kind typed in words. */
export const kindKey = (typed: string) => normaliseKind(typed);

/** `bank_statement` → "Bank statement": a kind as a form shows it. */
export const kindWords = (key: string) => humanize(key);
