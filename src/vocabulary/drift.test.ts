import { describe, expect, it } from 'vitest';
import { clusterUncategorised } from './clusters.ts';
import { computeDrift, type DriftFacts } from './drift.ts';
import { buildTaxonomy, emptyTaxonomy } from './taxonomy.ts';
import { decideLoad } from './taxonomy-changes.ts';

const spec = (name: string, aliases: Record<string, string[]> = {}) => ({
  name,
  definition: '',
  examples: [],
  scenario: null,
  aliases,
});
const taxonomy = buildTaxonomy(
  decideLoad(emptyTaxonomy, [
    { path: 'billing', spec: spec('Billing') },
    {
      path: 'billing/duplicate-charge',
      spec: spec('Duplicate charge', { support: ['charged twice'], finance: ['dup capture'] }),
    },
    { path: 'heating', spec: spec('Heating') },
    { path: 'heating/leak', spec: spec('Leak', { support: ['leak'] }) },
    { path: 'plumbing', spec: spec('Plumbing') },
    { path: 'plumbing/leak', spec: spec('Water leak', { tier2: ['leak'] }) },
  ]),
);

const week = '2026-W48';
const baseline = ['2026-W47', '2026-W46'];
const empty: DriftFacts = {
  week,
  baseline,
  cases: [],
  terms: [],
  caseTerms: [],
  suggestions: [],
  uncategorised: [],
  misroutes: [],
  corrections: [],
};

describe('computeDrift on a small synthetic history', () => {
  const report = computeDrift(taxonomy, {
    ...empty,
    cases: [
      { week, tag: 'billing/duplicate-charge', n: 12 },
      { week: '2026-W47', tag: 'charged twice', n: 3 }, // a team's alias counts for its type
      { week: '2026-W46', tag: 'billing/duplicate-charge', n: 3 },
      { week, tag: 'heating/leak', n: 1 },
      { week: '2026-W47', tag: 'heating/leak', n: 8 },
      { week: '2026-W46', tag: 'heating/leak', n: 8 },
      { week, tag: null, n: 4 },
    ],
    terms: [
      { week, team: 'support', term: 'charged twice', type: 'billing/duplicate-charge', n: 4 },
      { week, team: 'support', term: 'boiler kaput', type: null, n: 3 },
      { week, team: 'support', term: 'Boiler  Kaput!', type: null, n: 1 },
      { week, team: 'support', term: 'leak', type: 'heating/leak', n: 2 },
      { week, team: 'tier2', term: 'leak', type: 'plumbing/leak', n: 2 },
      { week: '2026-W47', team: 'support', term: 'charged twice', type: 'billing/duplicate-charge', n: 9 },
      { week: '2026-W47', team: 'support', term: 'odd thing', type: null, n: 1 },
    ],
    caseTerms: [
      { caseId: 'c1', team: 'support', term: 'leak', type: 'heating/leak' },
      { caseId: 'c1', team: 'tier2', term: 'leak', type: 'plumbing/leak' },
      { caseId: 'c2', team: 'support', term: 'charged twice', type: 'billing/duplicate-charge' },
      { caseId: 'c2', team: 'finance', term: 'dup capture', type: 'billing/duplicate-charge' },
    ],
    suggestions: [
      { week, n: 20, confidenceSum: 20 * 0.55, abstained: 8 },
      { week: '2026-W47', n: 30, confidenceSum: 30 * 0.8, abstained: 3 },
      { week: '2026-W46', n: 30, confidenceSum: 30 * 0.8, abstained: 3 },
    ],
    uncategorised: [
      { week, text: 'my solar panel inverter shows a red light' },
      { week, text: 'solar panels not producing, inverter error' },
      { week, text: 'the inverter for my solar panels keeps beeping' },
      { week, text: 'boiler kaput' },
      { week: '2026-W47', text: 'gutter cleaning quote please' },
    ],
    misroutes: [
      { week, type: 'heating/leak', suggested: 'plumbing/leak', n: 3 },
      { week: '2026-W47', type: 'heating/leak', suggested: null, n: 1 },
    ],
    corrections: [{ week, from: 'heating/leak', to: 'plumbing/leak', n: 2 }],
  });
  const kinds = report.alerts.map((a) => `${a.kind}:${a.subject ?? ''}`);

  it('compares each type’s volume with the baseline weeks', () => {
    expect(report.volume.find((v) => v.type === 'billing/duplicate-charge')).toMatchObject({
      count: 12,
      baseline: 3,
      trend: 'rising',
    });
    expect(report.volume.find((v) => v.type === 'heating/leak')).toMatchObject({
      count: 1,
      baseline: 8,
      trend: 'falling',
    });
    expect(report.volume.find((v) => v.type === '(untagged)')!.count).toBe(4);
    expect(kinds).toContain('volume_rising:billing/duplicate-charge');
    expect(kinds).toContain('volume_falling:heating/leak');
  });

  it('shows each team’s terms that map to no type', () => {
    const support = report.teams.find((t) => t.team === 'support')!;
    expect(support).toMatchObject({ terms: 10, unmapped: 4, unmappedShare: 0.4, baselineUnmappedShare: 0.1 });
    expect(support.unmappedTerms).toEqual([{ term: 'boiler kaput', count: 4, isNew: true }]);
    expect(kinds).toContain('unmapped_terms:support');
  });

  it('finds one word meaning different types to different teams, and cases tagged apart', () => {
    expect(report.divergence.terms).toEqual([
      {
        term: 'leak',
        teams: [
          { team: 'support', types: ['heating/leak'] },
          { team: 'tier2', types: ['plumbing/leak'] },
        ],
      },
    ]);
    expect(report.divergence.cases.map((c) => c.caseId)).toEqual(['c1']);
    expect(kinds).toContain('divergent_term:leak');
  });

  it('sees the tagger getting less sure and abstaining more', () => {
    expect(report.model).toMatchObject({
      suggestions: 20,
      meanConfidence: 0.55,
      baselineMeanConfidence: 0.8,
      abstentionShare: 0.4,
      baselineAbstentionShare: 0.1,
    });
    expect(kinds).toContain('confidence_dropping:');
    expect(kinds).toContain('abstentions_rising:');
  });

  it('counts rising mis-routes and corrections per type', () => {
    expect(report.misroutes[0]).toMatchObject({
      type: 'heating/leak',
      count: 3,
      baseline: 0.5,
      rising: true,
    });
    expect(kinds).toContain('misroutes_rising:heating/leak');
    expect(report.corrections).toEqual([{ from: 'heating/leak', to: 'plumbing/leak', count: 2 }]);
  });

  it('finds a new uncategorised cluster', () => {
    expect(report.clusters[0]).toMatchObject({ size: 3, isNew: true });
    expect(report.clusters[0].keywords).toEqual(expect.arrayContaining(['inverter', 'solar']));
    expect(report.alerts.some((a) => a.kind === 'new_cluster')).toBe(true);
  });

  it('stays quiet on a steady week', () => {
    const steady = computeDrift(taxonomy, {
      ...empty,
      cases: [
        { week, tag: 'billing/duplicate-charge', n: 6 },
        { week: '2026-W47', tag: 'billing/duplicate-charge', n: 5 },
        { week: '2026-W46', tag: 'billing/duplicate-charge', n: 7 },
      ],
      suggestions: [
        { week, n: 20, confidenceSum: 16, abstained: 2 },
        { week: '2026-W47', n: 20, confidenceSum: 16.4, abstained: 2 },
      ],
    });
    expect(steady.alerts).toEqual([]);
  });
});

describe('clusterUncategorised', () => {
  it('groups items sharing content words and tells old clusters from new', () => {
    const clusters = clusterUncategorised(
      ['gutter cleaning quote', 'quote for gutter cleaning', 'can you clean my gutters', 'random words here'],
      ['gutter cleaning please'],
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ size: 3, isNew: false });
    expect(clusters[0].keywords).toEqual(['cleaning', 'gutter', 'quote']);
  });
});
