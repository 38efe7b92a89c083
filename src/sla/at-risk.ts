/** What the at-risk model knows about one running clock and its team. */
export type RiskInput = {
  /** Business ms left before the deadline (0 or less: already due). */
  remainingMs: number;
  budgetMs: number;
  /** Recent pickup times of the receiving team, in business ms (newest last). */
  recentPickupMs: number[];
  /** Open handoffs queued ahead of this one in the team, and members able to take them. */
  queueAhead: number;
  members: number;
  accepted: boolean;
};

const median = (xs: number[]) => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Likelihood that a running clock breaches. Work to do before the deadline is modelled as an
 * exponential wait whose mean is the team's median pickup time stretched by the queue ahead
 * (per member); the probability of not finishing in the time left is exp(-left / expected).
 * With no history the expected wait is half the budget.
 */
export function breachLikelihood(r: RiskInput): {
  probability: number;
  level: 'low' | 'medium' | 'high';
  expectedMs: number;
} {
  if (r.remainingMs <= 0) return { probability: 1, level: 'high', expectedMs: 0 };
  const base = median(r.recentPickupMs) ?? r.budgetMs / 2;
  const load = 1 + r.queueAhead / Math.max(1, r.members);
  const expectedMs = Math.max(1, (r.accepted ? base / 2 : base) * load);
  const probability = Math.min(1, Math.max(0, Math.exp(-r.remainingMs / expectedMs)));
  const level = probability >= 0.6 ? 'high' : probability >= 0.3 ? 'medium' : 'low';
  return { probability: Math.round(probability * 1000) / 1000, level, expectedMs: Math.round(expectedMs) };
}
