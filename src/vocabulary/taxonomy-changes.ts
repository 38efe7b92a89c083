// Deciding a change to the taxonomy: each returns the new rows to append (one organisation-wide
// revision), or throws a VocabularyRuleError naming what is wrong. Pure: the commands load the
// taxonomy, call these, and save what they return.

import { canonicalTerm } from './similarity.ts';
import {
  activeChildren,
  aliasClash,
  dedupeAliases,
  type IssueType,
  parentOf,
  type Taxonomy,
  teamWords,
} from './taxonomy.ts';
import type { NewType, TypePatch, TypeSpec } from './vocabulary.types.ts';

export type ChangeKind =
  | 'loaded'
  | 'created'
  | 'updated'
  | 'alias_added'
  | 'alias_removed'
  | 'retired'
  | 'merged'
  | 'absorbed';

/** One appended row: the full state of a type after the change, and why it changed. */
export type TypeRevision = IssueType & { change: ChangeKind; note: string | null };

/** The codes match the HTTP error catalogue, so the commands pass them through unchanged. */
export type VocabularyRuleCode =
  | 'unknown_issue_type'
  | 'issue_type_exists'
  | 'issue_type_inactive'
  | 'issue_type_has_children'
  | 'alias_conflict'
  | 'invalid_merge'
  | 'unknown_team'
  | 'unknown_alias';

export class VocabularyRuleError extends Error {
  constructor(
    readonly code: VocabularyRuleCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function activeType(taxonomy: Taxonomy, path: string, field = 'path'): IssueType {
  const type = taxonomy.types.get(path);
  if (!type)
    throw new VocabularyRuleError('unknown_issue_type', `no issue type ${path}`, { field, type: path });
  if (type.status !== 'active') {
    throw new VocabularyRuleError('issue_type_inactive', `issue type ${path} is ${type.status}`, {
      field,
      type: path,
      status: type.status,
      mergedInto: type.mergedInto,
    });
  }
  return type;
}

/** `field`: where the caller gave the word: `aliases` in a type's body, `alias` on the alias route. */
function refuseClash(
  taxonomy: Taxonomy,
  path: string,
  aliases: Record<string, string[]>,
  ignore?: Set<string>,
  field = 'aliases',
) {
  const clash = aliasClash(taxonomy, path, aliases, ignore);
  if (clash) {
    throw new VocabularyRuleError(
      'alias_conflict',
      `team ${clash.team} already uses "${clash.alias}" for ${clash.type}`,
      { field, ...clash },
    );
  }
}

const next = (taxonomy: Taxonomy) => taxonomy.revision + 1;

/** The rows of a whole taxonomy loaded at once (the policy file for a new organisation). */
export function decideLoad(taxonomy: Taxonomy, types: { path: string; spec: TypeSpec }[]): TypeRevision[] {
  const revision = next(taxonomy);
  const paths = new Set(types.map((t) => t.path));
  return types.map(({ path, spec }) => {
    const parent = parentOf(path);
    if (parent && !paths.has(parent)) {
      throw new VocabularyRuleError('unknown_issue_type', `${path}: no parent ${parent}`, { type: parent });
    }
    const row = { path, parent, status: 'active' as const, mergedInto: null, revision };
    return { ...row, spec: { ...spec, aliases: dedupeAliases(spec.aliases) }, change: 'loaded', note: null };
  });
}

export function decideCreate(taxonomy: Taxonomy, input: NewType): TypeRevision[] {
  const { path, ...spec } = input;
  const existing = taxonomy.types.get(path);
  if (existing) {
    throw new VocabularyRuleError(
      'issue_type_exists',
      `issue type ${path} already exists (${existing.status})`,
      {
        field: 'path',
        type: path,
        status: existing.status,
      },
    );
  }
  const parent = parentOf(path);
  if (parent) activeType(taxonomy, parent, 'path');
  const aliases = dedupeAliases(spec.aliases);
  refuseClash(taxonomy, path, aliases);
  const row = { path, parent, status: 'active' as const, mergedInto: null, revision: next(taxonomy) };
  return [{ ...row, spec: { ...spec, aliases }, change: 'created', note: null }];
}

export function decideUpdate(taxonomy: Taxonomy, path: string, patch: TypePatch): TypeRevision[] {
  const type = activeType(taxonomy, path);
  const { note, ...fields } = patch;
  const spec: TypeSpec = { ...type.spec, ...fields };
  spec.aliases = dedupeAliases(spec.aliases);
  if (fields.aliases) refuseClash(taxonomy, path, spec.aliases);
  return [{ ...type, spec, revision: next(taxonomy), change: 'updated', note: note ?? null }];
}

/** Adds one team's word for a type; an alias the team already has for it changes nothing. */
export function decideAddAlias(
  taxonomy: Taxonomy,
  path: string,
  team: string,
  alias: string,
): TypeRevision[] {
  const type = activeType(taxonomy, path);
  const words = teamWords(type.spec.aliases, team);
  if (words.some((w) => canonicalTerm(w) === canonicalTerm(alias))) return [];
  refuseClash(taxonomy, path, { [team]: [alias] }, undefined, 'alias');
  const spec = { ...type.spec, aliases: { ...type.spec.aliases, [team]: [...words, alias] } };
  return [{ ...type, spec, revision: next(taxonomy), change: 'alias_added', note: `${team}: ${alias}` }];
}

/**
 * Takes one word away from one team's words for a type, matched as normalisation matches it (case,
 * accents and punctuation aside), so the spelling a lead sees need not be typed exactly. A team
 * left with no word loses its entry. `teamExists` is whether the organisation has the team: a word
 * a team holds is removable even when the team is not (a policy file may name teams an
 * organisation lacks), but asking an unknown team for a word it lacks names the team as the fault.
 */
export function decideRemoveAlias(
  taxonomy: Taxonomy,
  path: string,
  team: string,
  alias: string,
  teamExists: boolean,
): TypeRevision[] {
  const type = activeType(taxonomy, path);
  const words = teamWords(type.spec.aliases, team);
  if (words.length === 0 && !teamExists) {
    throw new VocabularyRuleError('unknown_team', `no team with key ${team}`, { field: 'team', team });
  }
  const key = canonicalTerm(alias);
  const found = words.find((w) => canonicalTerm(w) === key);
  if (found === undefined) {
    throw new VocabularyRuleError('unknown_alias', `team ${team} has no alias "${alias}" for ${path}`, {
      field: 'alias',
      team,
      alias,
      type: path,
      aliases: words,
    });
  }
  const left = words.filter((w) => canonicalTerm(w) !== key);
  const aliases = Object.fromEntries(
    Object.entries(type.spec.aliases)
      .map(([t, w]) => [t, t === team ? left : w] as const)
      .filter(([t, w]) => t !== team || w.length > 0),
  );
  const spec = { ...type.spec, aliases };
  return [{ ...type, spec, revision: next(taxonomy), change: 'alias_removed', note: `${team}: ${found}` }];
}

/** A retired type is no longer suggested or matched; tags already made with it still read. */
export function decideRetire(taxonomy: Taxonomy, path: string, note?: string): TypeRevision[] {
  const type = activeType(taxonomy, path);
  refuseParent(taxonomy, path, 'retire');
  return [{ ...type, status: 'retired', revision: next(taxonomy), change: 'retired', note: note ?? null }];
}

function refuseParent(taxonomy: Taxonomy, path: string, action: string) {
  const children = activeChildren(taxonomy, path).map((t) => t.path);
  if (children.length > 0) {
    throw new VocabularyRuleError(
      'issue_type_has_children',
      `cannot ${action} ${path}: retire or merge its types first (${children.join(', ')})`,
      { type: path, children },
    );
  }
}

/**
 * Merges `from` into `into`: `from` is marked merged (its tags read "from (merged into into)"), and
 * `into` takes over its aliases and examples, so each team's words and the tagger's training
 * follow. Two rows at one revision.
 */
export function decideMerge(taxonomy: Taxonomy, from: string, into: string, note?: string): TypeRevision[] {
  const source = activeType(taxonomy, from);
  if (from === into) {
    throw new VocabularyRuleError('invalid_merge', 'cannot merge a type into itself', {
      field: 'into',
      type: from,
    });
  }
  const target = activeType(taxonomy, into, 'into');
  refuseParent(taxonomy, from, 'merge');
  const aliases: Record<string, string[]> = { ...target.spec.aliases };
  for (const [team, words] of Object.entries(source.spec.aliases)) {
    aliases[team] = [...teamWords(aliases, team), ...words];
  }
  const spec: TypeSpec = {
    ...target.spec,
    examples: [...new Set([...target.spec.examples, ...source.spec.examples])],
    aliases: dedupeAliases(aliases),
  };
  refuseClash(taxonomy, into, spec.aliases, new Set([from]));
  const revision = next(taxonomy);
  return [
    { ...source, status: 'merged', mergedInto: into, revision, change: 'merged', note: note ?? null },
    { ...target, spec, revision, change: 'absorbed', note: `merged ${from}` },
  ];
}
