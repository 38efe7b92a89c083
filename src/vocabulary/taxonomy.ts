// The canonical issue types of one organisation, as of one revision, and how they read. Pure.
// Every change makes a new revision of the types it touches (see taxonomy-changes.ts); the
// stored rows are never updated, so any past revision can be rebuilt and old tags still read.
import { canonicalTerm } from './similarity.ts';
import type { TypeSpec, TypeStatus, VocabularyPolicy } from './vocabulary.types.ts';

export type IssueType = {
  path: string;
  parent: string | null;
  status: TypeStatus;
  /** Set when merged: the type that took this one's place. */
  mergedInto: string | null;
  spec: TypeSpec;
  /** The organisation-wide revision that wrote this state of the type. */
  revision: number;
};

export type Taxonomy = { revision: number; types: Map<string, IssueType> };

export const emptyTaxonomy: Taxonomy = { revision: 0, types: new Map() };

export function parentOf(path: string): string | null {
  const at = path.indexOf('/');
  return at < 0 ? null : path.slice(0, at);
}

/** The taxonomy from each type's latest row at or before `revision` (all rows when left out). */
export function buildTaxonomy(rows: IssueType[], revision = Number.POSITIVE_INFINITY): Taxonomy {
  const types = new Map<string, IssueType>();
  let latest = 0;
  for (const row of rows) {
    if (row.revision > revision) continue;
    const seen = types.get(row.path);
    if (!seen || seen.revision < row.revision) types.set(row.path, row);
    latest = Math.max(latest, row.revision);
  }
  return { revision: latest, types };
}

/** Follows merges to the type now standing for `path`; null when unknown or retired. */
export function resolveType(taxonomy: Taxonomy, path: string): IssueType | null {
  let type = taxonomy.types.get(path);
  for (let hops = 0; type && type.status === 'merged' && hops < 20; hops++) {
    type = type.mergedInto ? taxonomy.types.get(type.mergedInto) : undefined;
  }
  return type && type.status === 'active' ? type : null;
}

/** The scenario a type routes to: its own, else its parent's. */
export function scenarioOf(taxonomy: Taxonomy, path: string): string | null {
  const type = resolveType(taxonomy, path);
  if (!type) return null;
  if (type.spec.scenario) return type.spec.scenario;
  return type.parent ? (taxonomy.types.get(type.parent)?.spec.scenario ?? null) : null;
}

export function activeChildren(taxonomy: Taxonomy, path: string): IssueType[] {
  return [...taxonomy.types.values()].filter((t) => t.parent === path && t.status === 'active');
}

/**
 * The words that lead a case to a scenario through the vocabulary: each active type routed to one
 * (its own or its parent's), by its path, its last segment, its name and every team's aliases.
 */
export function routedTerms(taxonomy: Taxonomy): string[] {
  const out = new Set<string>();
  for (const type of taxonomy.types.values()) {
    if (type.status !== 'active' || !scenarioOf(taxonomy, type.path)) continue;
    out.add(type.path);
    out.add(type.path.slice(type.path.lastIndexOf('/') + 1));
    out.add(type.spec.name);
    for (const words of Object.values(type.spec.aliases)) for (const word of words) out.add(word);
  }
  return [...out];
}

/** The labels the tagger learns: active types with no active child, in path order. */
export function leafTypes(taxonomy: Taxonomy): string[] {
  const parents = new Set<string>();
  for (const type of taxonomy.types.values())
    if (type.status === 'active' && type.parent) parents.add(type.parent);
  return [...taxonomy.types.values()]
    .filter((t) => t.status === 'active' && !parents.has(t.path))
    .map((t) => t.path)
    .sort();
}

export type TypeLabel = {
  /** What was tagged, as stored. */
  term: string;
  /** The active type standing for it now (after merges), or null. */
  type: string | null;
  status: TypeStatus | 'unknown';
  /** How the tag reads today: `billing/double-charge (merged into billing/duplicate-charge)`. */
  label: string;
  name: string | null;
};

/** How a stored tag reads now, so history tagged with a merged or retired type stays readable. */
export function typeLabel(taxonomy: Taxonomy, term: string): TypeLabel {
  const own = taxonomy.types.get(term);
  if (!own) return { term, type: null, status: 'unknown', label: term, name: null };
  const now = resolveType(taxonomy, term);
  const name = own.spec.name;
  if (own.status === 'active') return { term, type: term, status: 'active', label: term, name };
  if (own.status === 'merged' && now) {
    return { term, type: now.path, status: 'merged', label: `${term} (merged into ${now.path})`, name };
  }
  return { term, type: null, status: own.status, label: `${term} (retired)`, name };
}

/** The types of the policy file, parents first, each with its path. */
export function policyTypes(policy: VocabularyPolicy): { path: string; spec: TypeSpec }[] {
  const out: { path: string; spec: TypeSpec }[] = [];
  for (const { key, children, scenario, ...spec } of policy.types) {
    out.push({ path: key, spec: { ...spec, scenario: scenario ?? null } });
    for (const child of children) {
      const { key: childKey, scenario: childScenario, ...childSpec } = child;
      out.push({ path: `${key}/${childKey}`, spec: { ...childSpec, scenario: childScenario ?? null } });
    }
  }
  return out;
}

export type AliasClash = { team: string; alias: string; type: string };

/**
 * The first alias of `aliases` that the same team already uses for another active type: one team
 * using one word for two types is the inconsistency this module exists to remove.
 */
/**
 * One team's words for a type. Own entries only: a team key is any lower-case word, and
 * `constructor` would otherwise find Object's.
 */
export const teamWords = (aliases: Record<string, string[]>, team: string): string[] =>
  Object.hasOwn(aliases, team) ? aliases[team]! : [];

export function aliasClash(
  taxonomy: Taxonomy,
  path: string,
  aliases: Record<string, string[]>,
  ignore: ReadonlySet<string> = new Set(),
): AliasClash | null {
  for (const [team, words] of Object.entries(aliases)) {
    for (const alias of words) {
      const key = canonicalTerm(alias);
      for (const other of taxonomy.types.values()) {
        if (other.path === path || other.status !== 'active' || ignore.has(other.path)) continue;
        if (teamWords(other.spec.aliases, team).some((a) => canonicalTerm(a) === key)) {
          return { team, alias, type: other.path };
        }
      }
    }
  }
  return null;
}

/** Within one spec: the same word twice for a team is kept once (first spelling wins). */
export function dedupeAliases(aliases: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [team, words] of Object.entries(aliases)) {
    const seen = new Set<string>();
    out[team] = words.filter((w) => {
      const key = canonicalTerm(w);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return out;
}
