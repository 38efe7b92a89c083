import { describe, expect, it } from 'vitest';
import { normaliseTerm, type Predict } from './normalise.ts';
import { buildTaxonomy, emptyTaxonomy } from './taxonomy.ts';
import { decideLoad, decideMerge, decideRetire } from './taxonomy-changes.ts';

const spec = (name: string, aliases: Record<string, string[]> = {}) => ({
  name,
  definition: '',
  examples: [],
  scenario: null,
  aliases,
});

const rows = decideLoad(emptyTaxonomy, [
  { path: 'billing', spec: spec('Billing & direct debits', { support: ['billing'] }) },
  {
    path: 'billing/duplicate-charge',
    spec: spec('Duplicate charge', { support: ['charged twice'], finance: ['dup capture', 'adjustment'] }),
  },
  { path: 'billing/double-charge', spec: spec('Double charge') },
  { path: 'refunds', spec: spec('Refunds') },
  {
    path: 'refunds/refund-delayed',
    spec: spec('Refund not received', { finance: ['refund chase'], support: ['adjustment'] }),
  },
  { path: 'app', spec: spec('Mobile app') },
  { path: 'app/login', spec: spec('Cannot sign in', { support: ['locked out'] }) },
  { path: 'app/legacy', spec: spec('Legacy portal', { support: ['old portal'] }) },
]);
const base = buildTaxonomy(rows);
const taxonomy = buildTaxonomy([
  ...rows,
  ...decideMerge(base, 'billing/double-charge', 'billing/duplicate-charge'),
]);
const withRetired = buildTaxonomy([...rows, ...decideRetire(base, 'app/legacy')]);

const model =
  (label: string, confidence: number, abstained = false): Predict =>
  () => ({
    top: [
      { label, confidence },
      { label: 'app/login', confidence: 0.05 },
    ],
    abstained,
  });

describe('normaliseTerm', () => {
  it('takes an exact alias first, ignoring case, spacing and punctuation', () => {
    expect(normaliseTerm(taxonomy, '  Charged-TWICE ', { team: 'support' })).toMatchObject({
      type: 'billing/duplicate-charge',
      via: 'alias',
      score: 1,
      matched: 'charged twice',
    });
    expect(normaliseTerm(taxonomy, 'Cannot sign in')).toMatchObject({ type: 'app/login', via: 'alias' });
    expect(normaliseTerm(taxonomy, 'billing/duplicate-charge')).toMatchObject({ via: 'alias' });
  });

  it('reads a merged type as the type it was merged into', () => {
    expect(normaliseTerm(taxonomy, 'Double charge')).toMatchObject({
      type: 'billing/duplicate-charge',
      via: 'alias',
      redirectedFrom: 'billing/double-charge',
    });
  });

  it("prefers the team's own alias when two teams use one word differently", () => {
    expect(normaliseTerm(taxonomy, 'adjustment', { team: 'finance' }).type).toBe('billing/duplicate-charge');
    expect(normaliseTerm(taxonomy, 'adjustment', { team: 'support' }).type).toBe('refunds/refund-delayed');
    const unsure = normaliseTerm(taxonomy, 'adjustment');
    expect(unsure).toMatchObject({ type: null, via: 'none', reason: 'ambiguous' });
    expect(unsure.candidates.map((c) => c.type)).toEqual([
      'billing/duplicate-charge',
      'refunds/refund-delayed',
    ]);
    // With the conversation, the model picks among the tied types only.
    const read = normaliseTerm(taxonomy, 'adjustment', {
      text: 'where is my money',
      predict: model('refunds/refund-delayed', 0.8),
    });
    expect(read).toMatchObject({ type: 'refunds/refund-delayed', via: 'model' });
  });

  it('falls back to a fuzzy match above the threshold', () => {
    const typo = normaliseTerm(taxonomy, 'dup captures', { team: 'support' });
    expect(typo).toMatchObject({ type: 'billing/duplicate-charge', via: 'fuzzy', matched: 'dup capture' });
    expect(typo.score).toBeGreaterThanOrEqual(0.8);
    expect(normaliseTerm(taxonomy, 'refund chasing').type).toBe('refunds/refund-delayed');
  });

  it('asks the model when nothing matches, and says when it abstains', () => {
    const viaModel = normaliseTerm(taxonomy, 'money gone twice', {
      text: 'two payments left my account',
      predict: model('billing/double-charge', 0.7),
    });
    expect(viaModel).toMatchObject({ type: 'billing/duplicate-charge', via: 'model', score: 0.7 });
    const unsure = normaliseTerm(taxonomy, 'weird thing', { predict: model('app/login', 0.2, true) });
    expect(unsure).toMatchObject({ type: null, via: 'none', reason: 'abstained' });
    expect(unsure.candidates[0]).toMatchObject({ type: 'app/login', via: 'model' });
    expect(normaliseTerm(taxonomy, 'weird thing')).toMatchObject({
      type: null,
      via: 'none',
      reason: 'no_match',
    });
  });

  it('never resolves to a retired type', () => {
    expect(normaliseTerm(withRetired, 'old portal')).toMatchObject({ type: null, reason: 'retired' });
    expect(normaliseTerm(withRetired, 'app/legacy').type).toBeNull();
  });
});
