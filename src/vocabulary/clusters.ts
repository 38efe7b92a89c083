// Grouping what nobody could categorise (terms that map to no type, texts the tagger abstained
// on) into clusters of shared words: a cluster that keeps growing is a type the taxonomy lacks.
import { canonicalTerm, stem } from './similarity.ts';

const filler = new Set(
  `a about after again all also am an and any are as at be been but by can could did do does dont
  for from get got had has have hello help hi how i im is it its ive just me my no not now of on or
  our please so still thank thanks that the their them then there this to today up us was we were
  what when why will with would you your yes`.split(/\s+/),
);

function words(text: string): string[] {
  return canonicalTerm(text)
    .split(' ')
    .filter((w) => w.length > 1 && !filler.has(w) && !/^\d+$/.test(w));
}

/** Content words, stemmed: what two uncategorised items must share to be alike. */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).map(stem));
}

function alike(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return false;
  return shared >= Math.min(2, smaller) && shared / smaller >= 0.5;
}

export type Cluster = { keywords: string[]; size: number; examples: string[]; isNew: boolean };

/**
 * Greedy single pass: each item joins the first cluster whose words it shares enough of, else
 * starts one. Clusters of at least `minSize` are returned, largest first; `isNew` when none of
 * `earlier` (previous weeks' uncategorised items) would have joined it.
 */
export function clusterUncategorised(items: string[], earlier: string[], minSize = 2): Cluster[] {
  const clusters: { words: Map<string, number>; members: string[]; seed: Set<string> }[] = [];
  // The spelling shown for a stem: its most frequent one.
  const spellings = new Map<string, Map<string, number>>();
  for (const item of items) {
    const stems = contentWords(item);
    if (stems.size === 0) continue;
    for (const w of words(item)) {
      const seen = spellings.get(stem(w)) ?? new Map<string, number>();
      seen.set(w, (seen.get(w) ?? 0) + 1);
      spellings.set(stem(w), seen);
    }
    const home = clusters.find((c) => alike(c.seed, stems));
    if (home) {
      home.members.push(item);
      for (const w of stems) home.words.set(w, (home.words.get(w) ?? 0) + 1);
    } else {
      clusters.push({ words: new Map([...stems].map((w) => [w, 1])), members: [item], seed: stems });
    }
  }
  const spell = (s: string) =>
    [...(spellings.get(s) ?? new Map([[s, 1]]))].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0][0];
  const before = earlier.map(contentWords);
  return clusters
    .filter((c) => c.members.length >= minSize)
    .map((c) => {
      const core = [...c.words]
        .filter(([, n]) => n * 2 >= c.members.length)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([w]) => w);
      return {
        keywords: core.map(spell),
        size: c.members.length,
        examples: c.members.slice(0, 3),
        isNew: !before.some((earlierWords) => alike(new Set(core), earlierWords)),
      };
    })
    .sort((a, b) => b.size - a.size || a.keywords.join(' ').localeCompare(b.keywords.join(' ')));
}
