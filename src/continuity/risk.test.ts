import { describe, expect, it } from 'vitest';
import { customerRisk, type RiskCaps, type RiskFacts, riskWeights, weightsWith } from './risk.ts';

const calm: RiskFacts = {
  openCases: 1,
  handoffs: 1,
  bounces: 0,
  pingPongs: 0,
  breaches: 0,
  repeatedExplanations: 0,
  documentRerequests: 0,
  sentiments: [0.2, 0.1],
  complaints: 0,
  waitingHours: 0,
  brokenPromises: 0,
};

describe('customer risk', () => {
  it('is low for a calm customer with a clean handoff', () => {
    expect(customerRisk(calm)).toEqual({ score: 0, level: 'low', reasons: [] });
  });
  it('is high for the seed story: repeated twice, no follow-up for 48 h, a complaint', () => {
    const r = customerRisk({
      ...calm,
      repeatedExplanations: 2,
      waitingHours: 48,
      complaints: 1,
      sentiments: [0.1, -0.4, -0.8],
      breaches: 1,
    });
    expect(r.level).toBe('high');
    expect(r.score).toBe(97);
    expect(r.reasons.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        'repeated_explanation',
        'waiting',
        'complaint',
        'negative_sentiment',
        'sentiment_falling',
        'sla_breached',
      ]),
    );
    expect(r.reasons[0]!.weight).toBeGreaterThanOrEqual(r.reasons.at(-1)!.weight);
  });
  it('words each reason for a person', () => {
    const r = customerRisk({ ...calm, breaches: 2 });
    expect(r.reasons[0]).toEqual({
      id: 'sla_breached',
      weight: 20,
      detail: '2 internal SLA breaches on their cases',
    });
    expect(r.level).toBe('low');
  });
});

describe('each reason moves the score in its documented direction, by its listed weight', () => {
  const worse: [keyof typeof riskWeights, Partial<RiskFacts>][] = [
    ['repeated_explanation', { repeatedExplanations: 1 }],
    ['complaint', { complaints: 1 }],
    ['sla_breached', { breaches: 1 }],
    ['bounced_handoff', { bounces: 1 }],
    ['document_rerequested', { documentRerequests: 1 }],
    ['broken_promise', { brokenPromises: 1 }],
    ['low_satisfaction', { unsatisfiedRatings: 1 }],
    ['waiting', { waitingHours: 24 }],
    ['many_handoffs', { handoffs: 4 }],
    ['negative_sentiment', { sentiments: [-0.6, -0.6, -0.6] }],
    ['sentiment_falling', { sentiments: [0.8, 0.2, 0.2, 0.2] }],
    ['new_customer', { tenureMonths: 1 }],
  ];
  for (const [id, change] of worse) {
    it(`${id} raises the score`, () => {
      const before = customerRisk(calm);
      const after = customerRisk({ ...calm, ...change });
      expect(after.score).toBeGreaterThan(before.score);
      const reason = after.reasons.find((r) => r.id === id);
      expect(reason?.weight).toBeGreaterThan(0);
      expect(reason!.weight).toBeLessThanOrEqual(riskWeights[id].max);
      expect(reason!.detail.length).toBeGreaterThan(5);
    });
  }

  it('caps each reason at its maximum however often it happens', () => {
    const r = customerRisk({ ...calm, complaints: 9, breaches: 9, waitingHours: 500 });
    const byId = Object.fromEntries(r.reasons.map((x) => [x.id, x.weight]));
    expect(byId).toMatchObject({ complaint: 30, sla_breached: 25, waiting: 20 });
  });

  it('long tenure lowers a raised score, never below zero and never on its own', () => {
    const troubled = { ...calm, breaches: 1 };
    expect(customerRisk({ ...troubled, tenureMonths: 60 }).score).toBeLessThan(customerRisk(troubled).score);
    expect(customerRisk({ ...troubled, tenureMonths: 60 }).reasons.at(-1)).toMatchObject({
      id: 'long_tenure',
      weight: -5,
    });
    expect(customerRisk({ ...calm, tenureMonths: 60 })).toMatchObject({ score: 0, reasons: [] });
  });

  it('high value weighs a troubled experience 20 % more, and nothing when all is well', () => {
    const troubled = { ...calm, complaints: 1, breaches: 2 };
    const plain = customerRisk(troubled);
    const valued = customerRisk({ ...troubled, highValue: { detail: '24,000 a year' } });
    expect(valued.score).toBe(plain.score + 8);
    expect(valued.reasons.find((r) => r.id === 'high_value')?.detail).toContain('24,000 a year');
    expect(customerRisk({ ...calm, highValue: { detail: 'x' } }).score).toBe(0);
  });

  it('sets the level at 30 (medium) and 60 (high)', () => {
    expect(customerRisk({ ...calm, complaints: 1, bounces: 1 }).level).toBe('low');
    expect(customerRisk({ ...calm, complaints: 1, breaches: 1 }).level).toBe('medium');
    expect(customerRisk({ ...calm, complaints: 2, breaches: 3, brokenPromises: 1 }).level).toBe('high');
  });
});

describe("an organisation's caps on the model", () => {
  it('leave the model as it is when none is set', () => {
    expect(weightsWith({})).toEqual(riskWeights);
  });
  it("scale a reason's ramp to its new cap, and turn it off at 0", () => {
    const troubled = { ...calm, complaints: 1, repeatedExplanations: 1, waitingHours: 24 };
    const weight = (caps: RiskCaps, id: string) =>
      customerRisk(troubled, weightsWith(caps)).reasons.find((r) => r.id === id)?.weight;
    expect(weight({}, 'complaint')).toBe(20);
    expect(weight({ complaint: 60 }, 'complaint')).toBe(40); // twice the cap: 40 for one complaint
    expect(weight({ complaint: 15 }, 'complaint')).toBe(10);
    expect(weight({ complaint: 0 }, 'complaint')).toBeUndefined();
    expect(weight({ waiting: 40 }, 'waiting')).toBe(20); // 24 h at twice the rate, under the new cap
    expect(weight({ complaint: 0 }, 'repeated_explanation')).toBe(15); // the others keep theirs
  });
  it('word high value with the weight it has, and let long tenure take off more', () => {
    const loyal = { ...calm, complaints: 2, tenureMonths: 60, highValue: { detail: 'tier gold' } };
    const r = customerRisk(loyal, weightsWith({ high_value: 30, long_tenure: -20 }));
    expect(r.reasons.find((x) => x.id === 'high_value')?.detail).toContain('weighs 40 % more');
    expect(r.reasons.find((x) => x.id === 'long_tenure')?.weight).toBe(-20);
  });
});
