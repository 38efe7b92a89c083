import { describe, expect, it } from 'vitest';
import { loadVocabularyPolicy } from './policy.ts';
import {
  aliasClash,
  buildTaxonomy,
  emptyTaxonomy,
  leafTypes,
  resolveType,
  routedTerms,
  scenarioOf,
  type Taxonomy,
  typeLabel,
} from './taxonomy.ts';
import {
  decideAddAlias,
  decideCreate,
  decideLoad,
  decideMerge,
  decideRemoveAlias,
  decideRetire,
  decideUpdate,
  type TypeRevision,
  VocabularyRuleError,
} from './taxonomy-changes.ts';

const spec = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  definition: '',
  examples: [],
  scenario: null,
  aliases: {},
  ...over,
});

function small(): { rows: TypeRevision[]; taxonomy: Taxonomy } {
  const rows = decideLoad(emptyTaxonomy, [
    { path: 'billing', spec: spec('Billing', { scenario: 'billing-to-finance' }) },
    {
      path: 'billing/duplicate-charge',
      spec: spec('Duplicate charge', { aliases: { finance: ['dup payment'] } }),
    },
    {
      path: 'billing/double-charge',
      spec: spec('Double charge', {
        aliases: { support: ['charged twice'] },
        examples: ['charged two times'],
      }),
    },
    { path: 'app', spec: spec('App', { scenario: 'tech-to-engineering' }) },
    { path: 'app/login', spec: spec('Login') },
  ]);
  return { rows, taxonomy: buildTaxonomy(rows) };
}

function rule(fn: () => unknown): VocabularyRuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof VocabularyRuleError) return error;
    throw error;
  }
  throw new Error('expected a VocabularyRuleError');
}

describe('the default taxonomy', () => {
  const types = loadVocabularyPolicy();
  const taxonomy = buildTaxonomy(decideLoad(emptyTaxonomy, types));

  it('has 20-35 types in about eight parents, each routed and with examples', () => {
    const leaves = leafTypes(taxonomy);
    expect(leaves.length).toBeGreaterThanOrEqual(20);
    expect(leaves.length).toBeLessThanOrEqual(35);
    expect(types.filter((t) => !t.path.includes('/')).length).toBeGreaterThanOrEqual(8);
    const scenarios = [
      'billing-to-finance',
      'tech-to-engineering',
      'tier1-to-tier2',
      'voice-to-chat',
      'bot-to-human',
      'agent-to-supervisor',
    ];
    for (const leaf of leaves) {
      expect(scenarios, leaf).toContain(scenarioOf(taxonomy, leaf));
      expect(taxonomy.types.get(leaf)!.spec.examples.length, leaf).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives no team one word for two types', () => {
    for (const type of taxonomy.types.values()) {
      expect(aliasClash(taxonomy, type.path, type.spec.aliases), type.path).toBeNull();
    }
    const teams = new Set([...taxonomy.types.values()].flatMap((t) => Object.keys(t.spec.aliases)));
    expect([...teams].sort()).toEqual(['engineering', 'finance', 'supervisors', 'support', 'tier2']);
  });
});

describe('taxonomy changes', () => {
  it('inherits the parent scenario and lists leaves as labels', () => {
    const { taxonomy } = small();
    expect(scenarioOf(taxonomy, 'billing/duplicate-charge')).toBe('billing-to-finance');
    expect(leafTypes(taxonomy)).toEqual(['app/login', 'billing/double-charge', 'billing/duplicate-charge']);
  });

  it('creates a child under an active parent only, and never twice', () => {
    const { taxonomy } = small();
    const [row] = decideCreate(taxonomy, { path: 'app/crash', ...spec('Crash') });
    expect(row).toMatchObject({ path: 'app/crash', parent: 'app', revision: 2, change: 'created' });
    expect(rule(() => decideCreate(taxonomy, { path: 'nope/crash', ...spec('x') })).code).toBe(
      'unknown_issue_type',
    );
    expect(rule(() => decideCreate(taxonomy, { path: 'app/login', ...spec('x') })).code).toBe(
      'issue_type_exists',
    );
  });

  it('refuses one team using one word for two types', () => {
    const { taxonomy } = small();
    const error = rule(() => decideAddAlias(taxonomy, 'app/login', 'support', 'Charged  Twice'));
    expect(error.code).toBe('alias_conflict');
    expect(error.details).toMatchObject({ field: 'alias', team: 'support', type: 'billing/double-charge' });
    expect(decideAddAlias(taxonomy, 'app/login', 'finance', 'charged twice')).toHaveLength(1);
    expect(decideAddAlias(taxonomy, 'billing/double-charge', 'support', 'charged-twice')).toEqual([]);
  });

  it("removes one team's word as a new revision, matched as normalisation matches it", () => {
    const { rows, taxonomy } = small();
    const added = decideAddAlias(taxonomy, 'billing/duplicate-charge', 'finance', 'double capture');
    const before = buildTaxonomy([...rows, ...added]);
    const [row] = decideRemoveAlias(before, 'billing/duplicate-charge', 'finance', 'DUP-Payment', true);
    expect(row).toMatchObject({ revision: 3, change: 'alias_removed', note: 'finance: dup payment' });
    expect(row!.spec.aliases).toEqual({ finance: ['double capture'] });
    // The team's last word: the team's entry goes, the other teams' stay.
    const [last] = decideRemoveAlias(taxonomy, 'billing/double-charge', 'support', 'charged twice', true);
    expect(last!.spec.aliases).toEqual({});
    const miss = rule(() => decideRemoveAlias(taxonomy, 'billing/double-charge', 'support', 'twice', true));
    expect([miss.code, miss.details.field, miss.details.aliases]).toEqual([
      'unknown_alias',
      'alias',
      ['charged twice'],
    ]);
    const team = rule(() => decideRemoveAlias(taxonomy, 'app/login', 'nobody', 'x', false));
    expect([team.code, team.details.field]).toEqual(['unknown_team', 'team']);
    // A word a team the organisation lacks still holds (from a policy file) can be removed.
    expect(
      decideRemoveAlias(taxonomy, 'billing/duplicate-charge', 'finance', 'dup payment', false),
    ).toHaveLength(1);
    expect(rule(() => decideRemoveAlias(taxonomy, 'app/nope', 'finance', 'x', true)).code).toBe(
      'unknown_issue_type',
    );
    const retired = buildTaxonomy([...rows, ...decideRetire(taxonomy, 'billing/double-charge')]);
    expect(
      rule(() => decideRemoveAlias(retired, 'billing/double-charge', 'support', 'charged twice', true)).code,
    ).toBe('issue_type_inactive');
  });

  it('merges A into B: B takes the aliases and examples, A reads "A (merged into B)"', () => {
    const { rows, taxonomy } = small();
    const merge = decideMerge(taxonomy, 'billing/double-charge', 'billing/duplicate-charge', 'same thing');
    expect(merge.map((r) => [r.path, r.change, r.revision])).toEqual([
      ['billing/double-charge', 'merged', 2],
      ['billing/duplicate-charge', 'absorbed', 2],
    ]);
    const after = buildTaxonomy([...rows, ...merge]);
    expect(after.types.get('billing/duplicate-charge')!.spec.aliases).toEqual({
      finance: ['dup payment'],
      support: ['charged twice'],
    });
    expect(after.types.get('billing/duplicate-charge')!.spec.examples).toEqual(['charged two times']);
    expect(resolveType(after, 'billing/double-charge')!.path).toBe('billing/duplicate-charge');
    expect(typeLabel(after, 'billing/double-charge').label).toBe(
      'billing/double-charge (merged into billing/duplicate-charge)',
    );
    expect(leafTypes(after)).toEqual(['app/login', 'billing/duplicate-charge']);
    // The past revision still reads as it was.
    expect(typeLabel(buildTaxonomy([...rows, ...merge], 1), 'billing/double-charge').label).toBe(
      'billing/double-charge',
    );
    expect(rule(() => decideMerge(after, 'billing/double-charge', 'app/login')).code).toBe(
      'issue_type_inactive',
    );
    expect(rule(() => decideMerge(after, 'app/login', 'app/login')).code).toBe('invalid_merge');
    expect(rule(() => decideMerge(after, 'app', 'billing')).code).toBe('issue_type_has_children');
  });

  it('retires a type: no longer a label, its tags still read', () => {
    const { rows, taxonomy } = small();
    expect(rule(() => decideRetire(taxonomy, 'app')).code).toBe('issue_type_has_children');
    const after = buildTaxonomy([...rows, ...decideRetire(taxonomy, 'app/login', 'unused')]);
    expect(resolveType(after, 'app/login')).toBeNull();
    expect(typeLabel(after, 'app/login')).toMatchObject({ label: 'app/login (retired)', type: null });
    expect(leafTypes(after)).toContain('app');
    expect(rule(() => decideUpdate(after, 'app/login', { name: 'x' })).code).toBe('issue_type_inactive');
  });

  it('updates a type as a new revision', () => {
    const { taxonomy } = small();
    const [row] = decideUpdate(taxonomy, 'app/login', { definition: 'Cannot sign in', note: 'clearer' });
    expect(row).toMatchObject({ revision: 2, change: 'updated', note: 'clearer' });
    expect(row.spec).toMatchObject({ name: 'Login', definition: 'Cannot sign in' });
  });
});

describe('routedTerms', () => {
  it('gives every word of a type routed to a scenario, its own or its parent’s, and none of others', () => {
    const { taxonomy } = small();
    const unrouted = buildTaxonomy([
      ...small().rows,
      ...decideCreate(taxonomy, {
        path: 'misc',
        ...spec('Miscellaneous', { aliases: { support: ['other'] } }),
      }),
    ]);
    const terms = routedTerms(unrouted);
    for (const word of [
      'billing',
      'Billing',
      'billing/double-charge',
      'double-charge',
      'Double charge',
      'charged twice',
      'dup payment',
      'app/login',
      'login',
    ])
      expect(terms, word).toContain(word);
    expect(terms).not.toContain('misc');
    expect(terms).not.toContain('other');
    expect(terms).not.toContain('charged two times');
  });
});
