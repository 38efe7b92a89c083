import { describe, expect, it } from 'vitest';
import type { CaseFact } from './facts.ts';
import { clusterSubjects, issueTypeTrends, keywordsOf } from './issue-patterns.ts';
import { normaliseTerm, vocabularyHealth } from './vocabulary-health.ts';

const kase = (id: string, issueType: string | null, subject = ''): CaseFact => ({
  id,
  customerId: id,
  subject,
  channel: 'chat',
  issueType,
  status: 'open',
  createdAt: 0,
});

describe('keywords', () => {
  it('keeps the words that say what the issue is', () => {
    expect(keywordsOf('Please help: Refunds not received for 2 ORDERS!')).toEqual([
      'refund',
      'received',
      'order',
    ]);
    expect(keywordsOf('Address change')).toEqual(['address', 'change']);
    expect(keywordsOf('')).toEqual([]);
  });
});

describe('clusters of untagged subjects', () => {
  it('groups by the keyword most subjects share', () => {
    const items = [
      { id: '1', subject: 'Refund not received' },
      { id: '2', subject: 'Where is my refund?' },
      { id: '3', subject: 'Refund received twice' },
      { id: '4', subject: 'Smart meter offline' },
      { id: '5', subject: 'Meter reading wrong' },
      { id: '6', subject: 'Cannot log in' },
    ];
    const { clusters, unclustered } = clusterSubjects(items);
    expect(clusters).toEqual([
      { keywords: ['refund'], cases: [items[0], items[1], items[2]] },
      { keywords: ['meter'], cases: [items[3], items[4]] },
    ]);
    expect(unclustered).toEqual([items[5]]);
  });

  it('labels a cluster with every keyword its cases share', () => {
    const { clusters } = clusterSubjects([
      { id: '1', subject: 'Boiler repair appointment' },
      { id: '2', subject: 'Reschedule boiler repair' },
    ]);
    expect(clusters[0]!.keywords).toEqual(['boiler', 'repair']);
  });
});

describe('issue type trends', () => {
  it('finds types rising week over week', () => {
    const now = [
      kase('1', 'billing'),
      kase('2', 'billing'),
      kase('3', 'billing'),
      kase('4', 'outage'),
      kase('5', 'outage'),
      kase('6', null),
    ];
    const before = [kase('7', 'billing'), kase('8', 'billing'), kase('9', 'repair'), kase('10', 'repair')];
    const t = issueTypeTrends(now, before);
    expect(t.types).toEqual([
      { issueType: 'billing', thisWeek: 3, previousWeek: 2, change: 1 },
      { issueType: 'outage', thisWeek: 2, previousWeek: 0, change: 2 },
      { issueType: 'repair', thisWeek: 0, previousWeek: 2, change: -2 },
    ]);
    expect(t.rising.map((r) => r.issueType)).toEqual(['outage', 'billing']);
  });
});

describe('vocabulary health', () => {
  it('normalises spellings of one term', () => {
    expect(normaliseTerm(' Billing ')).toBe('billing');
    expect(normaliseTerm('Billing issues')).toBe('billing-issue');
    expect(normaliseTerm('billing_issue')).toBe('billing-issue');
    expect(normaliseTerm('access')).toBe('access');
  });

  it('reports untagged cases, unknown terms and variants', () => {
    const cases = [
      kase('1', 'billing'),
      kase('2', 'Billing'),
      kase('3', 'invoice-query'),
      kase('4', null),
      kase('5', ' '),
    ];
    const v = vocabularyHealth(cases, [kase('6', null)], ['billing', 'technical']);
    expect(v.untagged).toEqual({ count: 2, of: 5, rate: 0.4 });
    expect(v.previousWeekUntagged).toEqual({ count: 1, of: 1, rate: 1 });
    expect(v.terms).toEqual([
      { term: 'billing', cases: 1 },
      { term: 'Billing', cases: 1 },
      { term: 'invoice-query', cases: 1 },
    ]);
    expect(v.unknownTerms).toEqual([{ term: 'invoice-query', cases: 1 }]);
    expect(v.variants).toEqual([['Billing', 'billing']]);
  });
});
