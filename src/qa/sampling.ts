import { createHash } from 'node:crypto';
import type { SamplingRules } from './qa.types.ts';

export type SampleCandidate = {
  id: string;
  scenario: string;
  bounced: boolean;
  breached: boolean;
  /** Automatic quality, when the rules need it (`belowQuality`). */
  quality?: number;
};

export type SampleReason = 'bounce' | 'breach' | 'low_quality' | 'random';
export type Sampled = { id: string; reasons: SampleReason[] };

/**
 * A handoff's draw in [0, 1), fixed by the seed and its id: the same handoff is in or out of the
 * random sample on every call and in every process, and raising the share only adds handoffs.
 */
export function sampleDraw(seed: string, id: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${id}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** The handoffs due a review under the rules, in input order, each with why it was chosen. */
export function sampleForReview(
  handoffs: readonly SampleCandidate[],
  rules: SamplingRules,
  seed: string,
): Sampled[] {
  const out: Sampled[] = [];
  for (const h of handoffs) {
    const reasons: SampleReason[] = [];
    if (rules.everyBounce && h.bounced) reasons.push('bounce');
    if (rules.everyBreach && h.breached) reasons.push('breach');
    if (rules.belowQuality !== undefined && h.quality !== undefined && h.quality < rules.belowQuality)
      reasons.push('low_quality');
    const percent = rules.scenarios?.[h.scenario] ?? rules.randomPercent;
    if (sampleDraw(seed, h.id) < percent / 100) reasons.push('random');
    if (reasons.length) out.push({ id: h.id, reasons });
  }
  return out;
}
