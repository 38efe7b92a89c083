import { describe, expect, it } from 'vitest';
import { type ContactCase, earlierContact, linksToMake, sameIssueType } from './repeat-contact.ts';

const day = 86_400_000;
const base = Date.parse('2026-11-02T09:00:00Z');
const kase = (id: string, days: number, over: Partial<ContactCase> = {}): ContactCase => ({
  id,
  customerId: 'cu1',
  issueType: 'billing',
  createdAt: new Date(base + days * day),
  repeatOf: null,
  ...over,
});

describe('repeat contacts', () => {
  it('links a new case to the latest earlier case of the same customer and issue type in the window', () => {
    const first = kase('c1', 0);
    const second = kase('c2', 2);
    const third = kase('c3', 5);
    expect(earlierContact(third, [first, second], 7)?.id).toBe('c2');
    expect(linksToMake(third, [first, second, third], 7)).toEqual([
      { caseId: 'c3', repeatOf: 'c2', issueType: 'billing', gapMs: 3 * day },
    ]);
  });

  it('counts the window end itself, and not a minute past it', () => {
    expect(earlierContact(kase('c2', 7), [kase('c1', 0)], 7)?.id).toBe('c1');
    const late = kase('c2', 7, { createdAt: new Date(base + 7 * day + 60_000) });
    expect(earlierContact(late, [kase('c1', 0)], 7)).toBeUndefined();
    expect(earlierContact(late, [kase('c1', 0)], 8)?.id).toBe('c1');
  });

  it('does not fire for another customer, another issue type, or a case opened later', () => {
    const mine = kase('c2', 1);
    expect(earlierContact(mine, [kase('c1', 0, { customerId: 'cu2' })], 7)).toBeUndefined();
    expect(earlierContact(mine, [kase('c1', 0, { issueType: 'technical' })], 7)).toBeUndefined();
    expect(earlierContact(mine, [kase('c3', 2)], 7)).toBeUndefined();
    expect(
      earlierContact(kase('c2', 1, { issueType: null }), [kase('c1', 0, { issueType: null })], 7),
    ).toBeUndefined();
  });

  it('compares issue types loosely', () => {
    expect(sameIssueType(' Billing', 'billing ')).toBe(true);
    expect(sameIssueType('billing', null)).toBe(false);
  });

  it('links later cases that waited for an earlier case whose type arrived late', () => {
    // c1 was opened without a type; c2 (billing, two days later) had nothing to link to.
    const typed = kase('c1', 0);
    const waiting = kase('c2', 2);
    const other = kase('c3', 3, { issueType: 'technical' });
    const linked = kase('c4', 4, { repeatOf: 'c2' });
    const tooLate = kase('c5', 9);
    expect(linksToMake(typed, [typed, waiting, other, linked, tooLate], 7)).toEqual([
      { caseId: 'c2', repeatOf: 'c1', issueType: 'billing', gapMs: 2 * day },
    ]);
  });

  it('keeps an existing link and makes none without an issue type', () => {
    const c2 = kase('c2', 1, { repeatOf: 'c0' });
    expect(linksToMake(c2, [kase('c1', 0), c2], 7)).toEqual([]);
    expect(linksToMake(kase('c2', 1, { issueType: null }), [kase('c1', 0)], 7)).toEqual([]);
  });
});
