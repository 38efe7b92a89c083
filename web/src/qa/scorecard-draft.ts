import type { Criterion, Scorecard } from './qa.api.ts';

/** One criterion as the editor holds it: text fields stay strings until saved. */
export type CriterionDraft = {
  id: string;
  label: string;
  description: string;
  weight: string;
  kind: 'scale' | 'pass_fail';
  min: string;
  max: string;
  critical: boolean;
  /** Empty: every scenario (not conditional). */
  scenarios: string[];
};

export type ScorecardDraft = { name: string; description: string; criteria: CriterionDraft[] };

export const newCriterion = (n: number): CriterionDraft => ({
  id: `criterion_${n}`,
  label: '',
  description: '',
  weight: '1',
  kind: 'scale',
  min: '1',
  max: '5',
  critical: false,
  scenarios: [],
});

export const emptyScorecard = (): ScorecardDraft => ({
  name: '',
  description: '',
  criteria: [newCriterion(1)],
});

export function draftOf(card: Scorecard): ScorecardDraft {
  return {
    name: card.name,
    description: card.description ?? '',
    criteria: card.criteria.map((c: Criterion) => ({
      id: c.id,
      label: c.label,
      description: c.description ?? '',
      weight: String(c.weight),
      kind: c.scale === 'pass_fail' ? 'pass_fail' : 'scale',
      min: c.scale === 'pass_fail' ? '1' : String(c.scale.min),
      max: c.scale === 'pass_fail' ? '5' : String(c.scale.max),
      critical: c.critical === true,
      scenarios: c.onlyForScenarios ?? [],
    })),
  };
}

/** A criterion id from its label: "Right team chosen" -> "right_team_chosen". */
export const idFromLabel = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);

/** The body the API takes; the server validates it (and names the field at fault). */
export function scorecardOf(d: ScorecardDraft): Scorecard {
  const description = d.description.trim();
  return {
    name: d.name.trim(),
    ...(description ? { description } : {}),
    criteria: d.criteria.map((c) => {
      const text = c.description.trim();
      const passFail = c.kind === 'pass_fail';
      return {
        id: c.id.trim(),
        label: c.label.trim(),
        ...(text ? { description: text } : {}),
        weight: Number(c.weight),
        scale: passFail ? ('pass_fail' as const) : { min: Number(c.min), max: Number(c.max) },
        ...(passFail && c.critical ? { critical: true } : {}),
        ...(c.scenarios.length ? { onlyForScenarios: c.scenarios } : {}),
      };
    }),
  };
}

/** "criteria.2.scale" -> the index 2 and the field "scale", to show the server's error at its place. */
export function fieldAt(path: string | undefined): { index: number; field: string } | null {
  const m = path?.match(/^criteria\.(\d+)\.?(.*)$/);
  return m ? { index: Number(m[1]), field: m[2] ?? '' } : null;
}
