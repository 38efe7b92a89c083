import type { RiskSettings } from './customers.types.ts';

/** Whole months from `since` (YYYY-MM-DD) to `now`; null when unknown. */
export function tenureMonths(since: string | null | undefined, now: Date): number | null {
  if (!since) return null;
  const [y, m, d] = since.split('-').map(Number) as [number, number, number];
  let months = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m);
  if (now.getUTCDate() < d) months -= 1;
  return Math.max(0, months);
}

const amount = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Whether a customer meets the organisation's "high value" definition, and why (for the reason's detail). */
export function highValue(
  c: { annualValue: number | null; tier: string | null },
  s: RiskSettings,
): { detail: string } | null {
  if (c.tier && s.highValueTiers.includes(c.tier.toLowerCase())) return { detail: `${c.tier} tier` };
  if (s.highValueMinAnnual !== null && c.annualValue !== null && c.annualValue >= s.highValueMinAnnual)
    return { detail: `${amount(c.annualValue)} a year` };
  return null;
}

/** A page goes out when the score reaches the threshold from below; falling back re-arms it. */
export function riskCrossing(wasAbove: boolean, score: number, threshold: number) {
  const above = score >= threshold;
  return { above, changed: above !== wasAbove, crossedUp: above && !wasAbove };
}
