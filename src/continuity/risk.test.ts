import { describe, expect, it } from 'vitest';
import { customerRisk, type RiskFacts } from './risk.ts';

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
