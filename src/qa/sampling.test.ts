import { describe, expect, it } from 'vitest';
import { samplingRulesSchema } from './qa.types.ts';
import { type SampleCandidate, sampleDraw, sampleForReview } from './sampling.ts';

const rules = samplingRulesSchema.parse({});
const plain = (id: string, scenario = 'billing-to-finance'): SampleCandidate => ({
  id,
  scenario,
  bounced: false,
  breached: false,
});
const many = Array.from({ length: 4000 }, (_, i) => plain(`ho_${i}`));

describe('sampleForReview', () => {
  it('defaults to 5 % random plus every bounce and every breach', () => {
    expect(rules).toEqual({ randomPercent: 5, everyBounce: true, everyBreach: true });
    const picked = sampleForReview(
      [{ ...plain('b'), bounced: true }, { ...plain('x'), breached: true, bounced: true }, ...many],
      rules,
      'org_1',
    );
    expect(picked.slice(0, 2).map((p) => [p.id, p.reasons.filter((r) => r !== 'random')])).toEqual([
      ['b', ['bounce']],
      ['x', ['bounce', 'breach']],
    ]);
    const random = picked.filter((p) => p.reasons.includes('random')).length;
    expect(random / many.length).toBeGreaterThan(0.04);
    expect(random / many.length).toBeLessThan(0.06);
  });

  it('is deterministic for a seed, different across seeds, and grows monotonically with the share', () => {
    const a = sampleForReview(many, rules, 'org_1').map((p) => p.id);
    expect(sampleForReview(many, rules, 'org_1').map((p) => p.id)).toEqual(a);
    expect(sampleForReview(many, rules, 'org_2').map((p) => p.id)).not.toEqual(a);
    const wider = new Set(sampleForReview(many, { ...rules, randomPercent: 20 }, 'org_1').map((p) => p.id));
    for (const id of a) expect(wider.has(id)).toBe(true);
  });

  it('takes nothing at 0 % and everything at 100 %', () => {
    const none = { randomPercent: 0, everyBounce: false, everyBreach: false };
    expect(sampleForReview([{ ...plain('b'), bounced: true }, ...many], none, 's')).toEqual([]);
    expect(sampleForReview(many, { ...none, randomPercent: 100 }, 's')).toHaveLength(many.length);
  });

  it('applies a per-scenario share and a quality floor', () => {
    const r = { ...rules, randomPercent: 0, scenarios: { 'voice-to-chat': 100 }, belowQuality: 60 };
    const picked = sampleForReview(
      [
        plain('a'),
        plain('v', 'voice-to-chat'),
        { ...plain('q'), quality: 59 },
        { ...plain('ok'), quality: 60 },
      ],
      r,
      's',
    );
    expect(picked).toEqual([
      { id: 'v', reasons: ['random'] },
      { id: 'q', reasons: ['low_quality'] },
    ]);
  });

  it('draws in [0, 1)', () => {
    for (const h of many.slice(0, 100)) {
      const d = sampleDraw('seed', h.id);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
  });
});
