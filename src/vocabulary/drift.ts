// Vocabulary drift, one week against the weeks before it: which types gain or lose volume, which
// teams use words that map to nothing or to different types, whether the tagger is getting less
// sure, which types are mis-routed more, and what new uncategorised clusters appear. Pure: the
// facts come in counted per week (drift.queries.ts), the answer goes to the weekly review.
import { type Cluster, clusterUncategorised } from './clusters.ts';
import { normaliseTag } from './normalise.ts';
import { canonicalTerm } from './similarity.ts';
import { resolveType, type Taxonomy } from './taxonomy.ts';

export type DriftFacts = {
  /** The week under review, then the baseline weeks. */
  week: string;
  baseline: string[];
  /** Cases created, by week and stored tag (null: untagged). */
  cases: { week: string; tag: string | null; n: number }[];
  /** Terms teams used, with how they resolved. */
  terms: { week: string; team: string | null; term: string; type: string | null; n: number }[];
  /** The same case given terms by several teams (this week only). */
  caseTerms: { caseId: string; team: string | null; term: string; type: string | null }[];
  suggestions: { week: string; n: number; confidenceSum: number; abstained: number }[];
  /** Texts the tagger abstained on, and terms that mapped to nothing, per week. */
  uncategorised: { week: string; text: string }[];
  misroutes: { week: string; type: string | null; suggested: string | null; n: number }[];
  corrections: { week: string; from: string | null; to: string; n: number }[];
};

export type DriftOptions = {
  /** A type needs at least this many cases in a week for its change to raise an alert. */
  minVolume: number;
  /** Rising: this many times the baseline; falling: at most 1/this. */
  volumeRatio: number;
  /** A team's share of unmapped terms that raises an alert (with at least `minTerms` terms). */
  unmappedShare: number;
  minTerms: number;
  /** Mean confidence drop, or abstention share rise, that raises an alert (with `minSuggestions`). */
  confidenceDrop: number;
  abstentionRise: number;
  minSuggestions: number;
  minMisroutes: number;
  minClusterSize: number;
};

export const defaultDriftOptions: DriftOptions = {
  minVolume: 5,
  volumeRatio: 2,
  unmappedShare: 0.2,
  minTerms: 5,
  confidenceDrop: 0.1,
  abstentionRise: 0.1,
  minSuggestions: 10,
  minMisroutes: 2,
  minClusterSize: 3,
};

export type Alert = { kind: string; severity: 'info' | 'warning'; message: string; subject?: string };

const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

function sumBy<T>(items: T[], key: (t: T) => string, value: (t: T) => number) {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + value(item));
  return out;
}

function trend(count: number, baseline: number, o: DriftOptions) {
  if (baseline === 0) return count >= o.minVolume ? 'new' : count > 0 ? 'appeared' : 'steady';
  if (count >= o.minVolume && count >= baseline * o.volumeRatio) return 'rising';
  if (baseline >= o.minVolume && count * o.volumeRatio <= baseline) return 'falling';
  return 'steady';
}

export function computeDrift(taxonomy: Taxonomy, facts: DriftFacts, options: Partial<DriftOptions> = {}) {
  const o = { ...defaultDriftOptions, ...options };
  const weeks = Math.max(1, facts.baseline.length);
  const inWeek = <T extends { week: string }>(rows: T[]) => rows.filter((r) => r.week === facts.week);
  const inBaseline = <T extends { week: string }>(rows: T[]) =>
    rows.filter((r) => facts.baseline.includes(r.week));
  const typeOf = new Map<string, string | null>();
  const read = (tag: string | null) => {
    if (tag === null) return null;
    if (!typeOf.has(tag)) typeOf.set(tag, resolveType(taxonomy, tag)?.path ?? normaliseTag(taxonomy, tag));
    return typeOf.get(tag)!;
  };
  const alerts: Alert[] = [];

  // Volume per type.
  const key = (r: { tag: string | null }) => (r.tag === null ? '(untagged)' : (read(r.tag) ?? '(unmapped)'));
  const now = sumBy(inWeek(facts.cases), key, (r) => r.n);
  const before = sumBy(inBaseline(facts.cases), key, (r) => r.n);
  const volume = [...new Set([...now.keys(), ...before.keys()])]
    .map((type) => {
      const count = now.get(type) ?? 0;
      const baseline = round((before.get(type) ?? 0) / weeks, 2);
      return { type, count, baseline, change: round(count - baseline, 2), trend: trend(count, baseline, o) };
    })
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  for (const v of volume) {
    if (v.type.startsWith('(')) continue;
    if (v.trend === 'rising' || v.trend === 'new' || v.trend === 'falling') {
      alerts.push({
        kind: `volume_${v.trend}`,
        severity: 'info',
        subject: v.type,
        message: `${v.type}: ${v.count} cases this week against ${v.baseline} a week before`,
      });
    }
  }

  // Each team's words.
  const teams = teamUsage(facts, o, alerts);
  const divergence = divergent(facts, alerts);

  // The tagger's confidence and abstentions.
  const stats = (rows: DriftFacts['suggestions']) => {
    const n = rows.reduce((s, r) => s + r.n, 0);
    const confidence = rows.reduce((s, r) => s + r.confidenceSum, 0);
    const abstained = rows.reduce((s, r) => s + r.abstained, 0);
    return {
      suggestions: n,
      meanConfidence: n ? round(confidence / n) : null,
      abstentionShare: n ? round(abstained / n) : null,
    };
  };
  const current = stats(inWeek(facts.suggestions));
  const previous = stats(inBaseline(facts.suggestions));
  const model = {
    ...current,
    baselineSuggestions: previous.suggestions,
    baselineMeanConfidence: previous.meanConfidence,
    baselineAbstentionShare: previous.abstentionShare,
  };
  const enough = current.suggestions >= o.minSuggestions && previous.suggestions >= o.minSuggestions;
  if (enough && current.meanConfidence! <= previous.meanConfidence! - o.confidenceDrop) {
    alerts.push({
      kind: 'confidence_dropping',
      severity: 'warning',
      message: `mean tagger confidence ${current.meanConfidence} against ${previous.meanConfidence} before: retrain, or the taxonomy misses a type`,
    });
  }
  if (enough && current.abstentionShare! >= previous.abstentionShare! + o.abstentionRise) {
    alerts.push({
      kind: 'abstentions_rising',
      severity: 'warning',
      message: `the tagger abstained on ${Math.round(current.abstentionShare! * 100)}% of suggestions, up from ${Math.round(previous.abstentionShare! * 100)}%`,
    });
  }

  // Mis-routes (wrong_team bounces) and corrections per type.
  const misKey = (r: { type: string | null }) => read(r.type) ?? '(untagged)';
  const misNow = sumBy(inWeek(facts.misroutes), misKey, (r) => r.n);
  const misBefore = sumBy(inBaseline(facts.misroutes), misKey, (r) => r.n);
  const misroutes = [...new Set([...misNow.keys(), ...misBefore.keys()])]
    .map((type) => {
      const count = misNow.get(type) ?? 0;
      const baseline = round((misBefore.get(type) ?? 0) / weeks, 2);
      const rising = count >= o.minMisroutes && count > baseline * 1.5;
      return { type, count, baseline, rising };
    })
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  for (const m of misroutes.filter((x) => x.rising)) {
    alerts.push({
      kind: 'misroutes_rising',
      severity: 'warning',
      subject: m.type,
      message: `${m.type}: ${m.count} wrong-team bounces this week against ${m.baseline} a week before`,
    });
  }
  const corrections = [
    ...sumBy(
      inWeek(facts.corrections),
      (r) => `${read(r.from) ?? r.from ?? '(none)'} -> ${r.to}`,
      (r) => r.n,
    ),
  ]
    .map(([pair, count]) => {
      const [from, to] = pair.split(' -> ');
      return { from, to, count };
    })
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from));

  // What nobody could categorise.
  const clusters: Cluster[] = clusterUncategorised(
    inWeek(facts.uncategorised).map((u) => u.text),
    inBaseline(facts.uncategorised).map((u) => u.text),
    2,
  );
  for (const c of clusters.filter((x) => x.isNew && x.size >= o.minClusterSize)) {
    alerts.push({
      kind: 'new_cluster',
      severity: 'warning',
      subject: c.keywords.join(' '),
      message: `${c.size} uncategorised items about "${c.keywords.join(' ')}": a type the taxonomy lacks?`,
    });
  }

  return {
    week: facts.week,
    baselineWeeks: facts.baseline,
    volume,
    teams,
    divergence,
    model,
    misroutes,
    corrections,
    clusters,
    alerts,
  };
}

function teamUsage(facts: DriftFacts, o: DriftOptions, alerts: Alert[]) {
  const names = [...new Set(facts.terms.map((t) => t.team ?? '(unknown)'))].sort();
  return names.map((team) => {
    const mine = facts.terms.filter((t) => (t.team ?? '(unknown)') === team);
    const now = mine.filter((t) => t.week === facts.week);
    const before = mine.filter((t) => facts.baseline.includes(t.week));
    const total = now.reduce((s, t) => s + t.n, 0);
    const unmappedNow = now.filter((t) => t.type === null);
    const unmapped = unmappedNow.reduce((s, t) => s + t.n, 0);
    const totalBefore = before.reduce((s, t) => s + t.n, 0);
    const unmappedBefore = before.filter((t) => t.type === null).reduce((s, t) => s + t.n, 0);
    const seenBefore = new Set(before.map((t) => canonicalTerm(t.term)));
    const terms = [
      ...sumBy(
        unmappedNow,
        (t) => canonicalTerm(t.term),
        (t) => t.n,
      ),
    ]
      .map(([term, count]) => ({ term, count, isNew: !seenBefore.has(term) }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
    const share = total ? round(unmapped / total) : null;
    const baselineShare = totalBefore ? round(unmappedBefore / totalBefore) : null;
    if (share !== null && total >= o.minTerms && share >= o.unmappedShare && share > (baselineShare ?? 0)) {
      alerts.push({
        kind: 'unmapped_terms',
        severity: 'warning',
        subject: team,
        message: `${team}: ${unmapped} of ${total} terms map to no type (${terms
          .slice(0, 3)
          .map((t) => `"${t.term}"`)
          .join(', ')}): add them as aliases or as types`,
      });
    }
    return {
      team,
      terms: total,
      unmapped,
      unmappedShare: share,
      baselineUnmappedShare: baselineShare,
      unmappedTerms: terms,
    };
  });
}

/** One word read as different types by different teams; one case tagged as different types. */
function divergent(facts: DriftFacts, alerts: Alert[]) {
  const byTerm = new Map<string, Map<string, Set<string>>>();
  for (const t of facts.terms) {
    if (t.week !== facts.week || t.type === null) continue;
    const key = canonicalTerm(t.term);
    const teams = byTerm.get(key) ?? new Map<string, Set<string>>();
    const types = teams.get(t.team ?? '(unknown)') ?? new Set<string>();
    types.add(t.type);
    teams.set(t.team ?? '(unknown)', types);
    byTerm.set(key, teams);
  }
  const terms = [...byTerm]
    .filter(([, teams]) => new Set([...teams.values()].flatMap((s) => [...s])).size > 1)
    .map(([term, teams]) => ({
      term,
      teams: [...teams]
        .map(([team, types]) => ({ team, types: [...types].sort() }))
        .sort((a, b) => a.team.localeCompare(b.team)),
    }));
  const byCase = new Map<string, typeof facts.caseTerms>();
  for (const t of facts.caseTerms) byCase.set(t.caseId, [...(byCase.get(t.caseId) ?? []), t]);
  const cases = [...byCase]
    .filter(
      ([, tags]) =>
        new Set(tags.map((t) => t.type ?? '(none)')).size > 1 && new Set(tags.map((t) => t.team)).size > 1,
    )
    .map(([caseId, tags]) => ({
      caseId,
      tags: tags.map((t) => ({ team: t.team, term: t.term, type: t.type })),
    }));
  for (const t of terms) {
    alerts.push({
      kind: 'divergent_term',
      severity: 'warning',
      subject: t.term,
      message: `"${t.term}" means ${t.teams.map((x) => `${x.types.join('/')} to ${x.team}`).join(' but ')}`,
    });
  }
  if (cases.length > 0) {
    alerts.push({
      kind: 'divergent_cases',
      severity: 'info',
      message: `${cases.length} case(s) were tagged as different types by different teams`,
    });
  }
  return { terms, cases };
}

export type DriftReport = ReturnType<typeof computeDrift>;
