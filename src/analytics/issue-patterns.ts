import type { CaseFact } from './facts.ts';

// Words that say nothing about what the issue is.
const STOPWORDS = new Set(
  `the and for with from that this have has had not are was were been can cant could would should will
  please help need needs issue issues problem problems question questions about into your you our my
  mine its it's get got still again why how what when where who which there their them they just any
  some more than then also very too only urgent asap hello thanks thank customer account re fw fwd`
    .split(/\s+/)
    .filter(Boolean),
);

/** The distinct keywords of a subject: lowercase words of 3+ letters, stop words out, plurals folded. */
export function keywordsOf(subject: string): string[] {
  const words = subject.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let w of words) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.add(w);
  }
  return [...out];
}

type Item = { id: string; subject: string };
export type Cluster = { keywords: string[]; cases: Item[] };

/**
 * Groups subjects by shared keywords, greedily: the keyword most cases share makes the first
 * cluster of the cases not yet placed, and so on while a keyword still joins `minSize` cases.
 * A cluster is labelled by the keywords all its cases share (at most three, most common first).
 */
export function clusterSubjects(
  items: readonly Item[],
  minSize = 2,
): { clusters: Cluster[]; unclustered: Item[] } {
  const words = new Map(items.map((i) => [i.id, new Set(keywordsOf(i.subject))]));
  const freq = new Map<string, number>();
  for (const set of words.values()) for (const w of set) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  const placed = new Set<string>();
  const clusters: Cluster[] = [];
  for (const word of byFreq) {
    const members = items.filter((i) => !placed.has(i.id) && words.get(i.id)!.has(word));
    if (members.length < minSize) continue;
    for (const m of members) placed.add(m.id);
    const shared = byFreq.filter((w) => members.every((m) => words.get(m.id)!.has(w))).slice(0, 3);
    clusters.push({ keywords: shared, cases: members });
  }
  clusters.sort((a, b) => b.cases.length - a.cases.length);
  return { clusters, unclustered: items.filter((i) => !placed.has(i.id)) };
}

export type TypeTrend = { issueType: string; thisWeek: number; previousWeek: number; change: number };

/**
 * Cases per issue type this week and the week before. Rising: at least 2 cases this week and at least
 * 1.5 times the week before (a type new this week counts when it has 2).
 */
export function issueTypeTrends(thisWeek: readonly CaseFact[], previousWeek: readonly CaseFact[]) {
  const count = (cases: readonly CaseFact[]) => {
    const m = new Map<string, number>();
    for (const c of cases) if (c.issueType) m.set(c.issueType, (m.get(c.issueType) ?? 0) + 1);
    return m;
  };
  const now = count(thisWeek);
  const before = count(previousWeek);
  const types: TypeTrend[] = [...new Set([...now.keys(), ...before.keys()])]
    .map((t) => {
      const a = now.get(t) ?? 0;
      const b = before.get(t) ?? 0;
      return { issueType: t, thisWeek: a, previousWeek: b, change: a - b };
    })
    .sort((x, y) => y.thisWeek - x.thisWeek || y.change - x.change || x.issueType.localeCompare(y.issueType));
  const rising = types
    .filter((t) => t.thisWeek >= 2 && t.thisWeek >= 1.5 * t.previousWeek)
    .sort((x, y) => y.change - x.change || x.issueType.localeCompare(y.issueType));
  return { types, rising };
}
