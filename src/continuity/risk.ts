/** What the churn-risk signal reads about one customer, over their recent cases. */
export type RiskFacts = {
  openCases: number;
  handoffs: number;
  bounces: number;
  pingPongs: number;
  breaches: number;
  repeatedExplanations: number;
  documentRerequests: number;
  /** Sentiment scores of the customer's recent messages, oldest first, in [-1, 1]. */
  sentiments: number[];
  complaints: number;
  /** Hours the customer has been waiting for our reply on their oldest unanswered message. */
  waitingHours: number;
  brokenPromises: number;
  /** The customer's cases whose latest satisfaction rating is not satisfied (src/satisfaction/rating.ts). */
  unsatisfiedRatings?: number;
  /** Whole months since the customer's relationship began (helpdesk or CSV import); unknown when absent. */
  tenureMonths?: number | null;
  /** Set when the customer meets the organisation's "high value" definition; `detail` says why. */
  highValue?: { detail: string } | null;
};

/**
 * The model, reason by reason: what raises (or, for tenure, lowers) the score and by how much at
 * most. README's "churn-risk model" lists the same table.
 */
export const riskWeights = {
  repeated_explanation: { each: 15, max: 30 },
  complaint: { each: 20, max: 30 },
  sla_breached: { each: 10, max: 25 },
  bounced_handoff: { each: 6, max: 15 },
  document_rerequested: { each: 5, max: 10 },
  broken_promise: { each: 15, max: 25 },
  low_satisfaction: { each: 20, max: 30 },
  waiting: { each: 1 / 2.4, max: 20 },
  many_handoffs: { each: 3, max: 10 },
  negative_sentiment: { each: 20, max: 20 },
  sentiment_falling: { each: 10, max: 10 },
  new_customer: { each: 10, max: 10 },
  long_tenure: { each: -5, max: -5 },
  high_value: { each: 0.2, max: 15 },
} as const;

export type RiskReasonId = keyof typeof riskWeights;
export const riskReasonIds = Object.keys(riskWeights) as RiskReasonId[];
/** The one reason that lowers the score: its cap is negative. */
export const loweringReasons: ReadonlySet<RiskReasonId> = new Set(['long_tenure']);
export type RiskWeights = Record<RiskReasonId, { each: number; max: number }>;
/**
 * An organisation's caps: the most points each reason may add (for a lowering reason, a negative
 * number: the most it may take off). A reason left out keeps the model's cap.
 */
export type RiskCaps = Partial<Record<RiskReasonId, number>>;

/**
 * The model's weights under an organisation's caps: a capped reason keeps the shape of its ramp,
 * scaled to the new cap (a cap twice the model's doubles its points each), and a cap of 0 turns it off.
 */
export function weightsWith(caps: RiskCaps): RiskWeights {
  const out = {} as RiskWeights;
  for (const id of riskReasonIds) {
    const w = riskWeights[id];
    const cap = caps[id];
    out[id] = cap === undefined ? { each: w.each, max: w.max } : { each: (w.each * cap) / w.max, max: cap };
  }
  return out;
}

/** Customers younger than this are in the early months when churn is highest. */
export const newCustomerMonths = 3;
/** Customers this loyal have weathered problems before: their score is lowered. */
export const longTenureMonths = 24;

export type RiskReason = { id: string; weight: number; detail: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * An additive, explainable score: each reason adds points by how strongly the seed's churn drivers
 * show (repeated explanations, lost follow-ups, bad handoffs, complaints, falling sentiment).
 */
export function customerRisk(
  f: RiskFacts,
  w: RiskWeights = riskWeights,
): {
  score: number;
  level: 'low' | 'medium' | 'high';
  reasons: RiskReason[];
} {
  const reasons: RiskReason[] = [];
  const add = (id: string, weight: number, detail: string) => {
    if (Math.round(weight) !== 0) reasons.push({ id, weight: Math.round(weight), detail });
  };
  add(
    'repeated_explanation',
    Math.min(w.repeated_explanation.max, f.repeatedExplanations * w.repeated_explanation.each),
    `explained the problem again ${plural(f.repeatedExplanations, 'time')}`,
  );
  add(
    'complaint',
    Math.min(w.complaint.max, f.complaints * w.complaint.each),
    `${plural(f.complaints, 'complaint')}`,
  );
  add(
    'sla_breached',
    Math.min(w.sla_breached.max, f.breaches * w.sla_breached.each),
    `${f.breaches} internal SLA breach${f.breaches === 1 ? '' : 'es'} on their cases`,
  );
  add(
    'bounced_handoff',
    Math.min(w.bounced_handoff.max, (f.bounces + f.pingPongs) * w.bounced_handoff.each),
    `${plural(f.bounces, 'handoff')} bounced back${f.pingPongs ? `, ${f.pingPongs} ping-pong` : ''}`,
  );
  add(
    'document_rerequested',
    Math.min(w.document_rerequested.max, f.documentRerequests * w.document_rerequested.each),
    `asked again for ${plural(f.documentRerequests, 'document')} already on file`,
  );
  add(
    'broken_promise',
    Math.min(w.broken_promise.max, f.brokenPromises * w.broken_promise.each),
    `${plural(f.brokenPromises, 'follow-up promise')} broken`,
  );
  const unsatisfied = f.unsatisfiedRatings ?? 0;
  add(
    'low_satisfaction',
    Math.min(w.low_satisfaction.max, unsatisfied * w.low_satisfaction.each),
    `rated ${unsatisfied === 1 ? 'a case' : `${unsatisfied} cases`} not satisfied`,
  );
  if (f.waitingHours >= 4)
    add(
      'waiting',
      Math.min(w.waiting.max, f.waitingHours * w.waiting.each),
      `waiting ${Math.round(f.waitingHours)} h for a reply`,
    );
  if (f.handoffs >= 3)
    add(
      'many_handoffs',
      Math.min(w.many_handoffs.max, (f.handoffs - 2) * w.many_handoffs.each),
      `passed between teams ${f.handoffs} times`,
    );
  const recent = f.sentiments.slice(-3);
  if (recent.length > 0) {
    const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
    if (mean < -0.2)
      add(
        'negative_sentiment',
        Math.min(w.negative_sentiment.max, -mean * w.negative_sentiment.each),
        `recent messages read negative (${mean.toFixed(2)})`,
      );
    const first = f.sentiments[0]!;
    if (f.sentiments.length >= 3 && first - mean > 0.4)
      add(
        'sentiment_falling',
        w.sentiment_falling.each,
        `sentiment fell from ${first.toFixed(2)} to ${mean.toFixed(2)}`,
      );
  }
  // Tenure and value only adjust a score that the customer's experience has already raised.
  const experience = reasons.reduce((s, r) => s + r.weight, 0);
  const tenure = f.tenureMonths;
  if (tenure !== undefined && tenure !== null && tenure < newCustomerMonths)
    add('new_customer', w.new_customer.each, `a customer for ${plural(Math.max(0, tenure), 'month')} only`);
  if (experience > 0 && tenure !== undefined && tenure !== null && tenure >= longTenureMonths)
    add(
      'long_tenure',
      Math.max(w.long_tenure.max, -experience),
      `a customer for ${Math.floor(tenure / 12)} years`,
    );
  if (experience > 0 && f.highValue)
    add(
      'high_value',
      Math.min(w.high_value.max, experience * w.high_value.each),
      `high-value customer (${f.highValue.detail}): their experience weighs ${Math.round(w.high_value.each * 100)} % more`,
    );
  reasons.sort((a, b) => b.weight - a.weight);
  const score = Math.max(
    0,
    Math.min(
      100,
      reasons.reduce((s, r) => s + r.weight, 0),
    ),
  );
  return { score, level: score >= 60 ? 'high' : score >= 30 ? 'medium' : 'low', reasons };
}
