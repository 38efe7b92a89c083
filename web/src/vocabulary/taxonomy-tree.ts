import type { IssueTypeView } from './vocabulary-api.ts';

/** The taxonomy as people read it: parents in name order, each with its types. Pure. */
export type TreeNode = { type: IssueTypeView; children: IssueTypeView[] };

const byName = (a: IssueTypeView, b: IssueTypeView) => a.name.localeCompare(b.name);

export function buildTree(items: IssueTypeView[]): TreeNode[] {
  const paths = new Set(items.map((t) => t.path));
  // A child whose parent is not in the list (never in the API's answers) still shows, at the top.
  const roots = items.filter((t) => !t.parent || !paths.has(t.parent)).sort(byName);
  return roots.map((type) => ({
    type,
    children: items.filter((t) => t.parent === type.path).sort(byName),
  }));
}

/** Case, accents, punctuation and runs of spaces ignored, as the API's matching does. */
export function foldTerm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/** What made a type match a filter: its name, its path, or one team's word. */
export type Match = { on: 'name' | 'path' } | { on: 'alias'; team: string; alias: string };

export function matchType(type: IssueTypeView, filter: string): Match | null {
  const q = foldTerm(filter);
  if (!q) return null;
  if (foldTerm(type.name).includes(q)) return { on: 'name' };
  if (foldTerm(type.path.replace(/-/g, ' ')).includes(q) || type.path.includes(filter.trim().toLowerCase()))
    return { on: 'path' };
  for (const [team, words] of Object.entries(type.aliases))
    for (const alias of words) if (foldTerm(alias).includes(q)) return { on: 'alias', team, alias };
  return null;
}

/**
 * The tree narrowed to a filter: a parent that matches keeps all its types; otherwise it stays (as
 * context) only when one of its types matches, with just those. `matches` says why each matched.
 */
export function filterTree(
  tree: TreeNode[],
  filter: string,
): { tree: TreeNode[]; matches: Map<string, Match> } {
  const matches = new Map<string, Match>();
  if (!foldTerm(filter)) return { tree, matches };
  const out: TreeNode[] = [];
  for (const node of tree) {
    const own = matchType(node.type, filter);
    if (own) matches.set(node.type.path, own);
    const children = node.children.filter((c) => {
      const m = matchType(c, filter);
      if (m) matches.set(c.path, m);
      return m !== null;
    });
    if (own) out.push(node);
    else if (children.length) out.push({ type: node.type, children });
  }
  return { tree: out, matches };
}

/** `duplicate charge!` -> `duplicate-charge`: a path key proposed from a name. */
export function keyFromName(name: string): string {
  return foldTerm(name).replace(/\//g, ' ').trim().replace(/\s+/g, '-').replace(/^-+/, '').slice(0, 63);
}

/** The label of a type that is not active: "Retired", "Merged into Duplicate charge". */
export function statusLabel(type: IssueTypeView, nameOf: (path: string) => string): string | null {
  if (type.status === 'retired') return 'Retired';
  if (type.status === 'merged')
    return `Merged into ${type.mergedInto ? nameOf(type.mergedInto) : 'another type'}`;
  return null;
}
