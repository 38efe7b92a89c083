import type { SatisfactionAgreement } from './qa.api.ts';

export type Separation = Pick<
  SatisfactionAgreement['automatic'],
  'auc' | 'pValue' | 'verdict' | 'satisfied' | 'unsatisfied' | 'meanSatisfied' | 'meanUnsatisfied'
>;

/** Whether a QA score tells the customers' satisfied handoffs from the rest, as a badge says it. */
export const separationLabels: Record<Separation['verdict'], string> = {
  predicts: 'Predicts CSAT',
  weak: 'Weakly predicts CSAT',
  no_evidence: 'No evidence it predicts CSAT',
  contradicts: 'Points the wrong way',
  insufficient: 'Too few ratings',
};

export const separationTone = (v: Separation['verdict']) =>
  v === 'predicts' ? 'good' : v === 'weak' ? 'warn' : v === 'contradicts' ? 'bad' : 'neutral';

const score = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** The verdict in a sentence a QA lead can repeat in a calibration session. */
export function separationSentence(what: string, s: Separation): string {
  if (s.verdict === 'insufficient')
    return `${what}: ${s.satisfied} satisfied and ${s.unsatisfied} not satisfied rated handoffs; at least 5 of each are needed to tell.`;
  const chance = `a satisfied handoff scored higher than an unsatisfied one ${Math.round((s.auc ?? 0) * 100)} % of the time (AUC ${s.auc?.toFixed(2)}, p = ${s.pValue?.toFixed(3)})`;
  const means = `satisfied handoffs averaged ${score(s.meanSatisfied)}, the others ${score(s.meanUnsatisfied)}`;
  const lead = {
    predicts: `${what} predicts what customers say`,
    weak: `${what} leans the customers' way, weakly`,
    no_evidence: `${what} does not tell the satisfied from the rest`,
    contradicts: `${what} scores the handoffs customers disliked higher`,
    insufficient: '',
  }[s.verdict];
  return `${lead}: ${chance}; ${means}.`;
}

/** "below 60", "60 to 79", "80 and up". */
export const bandLabels: Record<string, string> = {
  below_60: 'Below 60',
  '60_to_79': '60 to 79',
  '80_and_up': '80 and up',
};
