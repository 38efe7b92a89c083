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
};

export type RiskReason = { id: string; weight: number; detail: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * An additive, explainable score: each reason adds points by how strongly the seed's churn drivers
 * show (repeated explanations, lost follow-ups, bad handoffs, complaints, falling sentiment).
 */
export function customerRisk(f: RiskFacts): {
  score: number;
  level: 'low' | 'medium' | 'high';
  reasons: RiskReason[];
} {
  const reasons: RiskReason[] = [];
  const add = (id: string, weight: number, detail: string) => {
    if (weight > 0) reasons.push({ id, weight: Math.round(weight), detail });
  };
  add(
    'repeated_explanation',
    Math.min(30, f.repeatedExplanations * 15),
    `explained the problem again ${plural(f.repeatedExplanations, 'time')}`,
  );
  add('complaint', Math.min(30, f.complaints * 20), `${plural(f.complaints, 'complaint')}`);
  add(
    'sla_breached',
    Math.min(25, f.breaches * 10),
    `${f.breaches} internal SLA breach${f.breaches === 1 ? '' : 'es'} on their cases`,
  );
  add(
    'bounced_handoff',
    Math.min(15, f.bounces * 6 + f.pingPongs * 6),
    `${plural(f.bounces, 'handoff')} bounced back${f.pingPongs ? `, ${f.pingPongs} ping-pong` : ''}`,
  );
  add(
    'document_rerequested',
    Math.min(10, f.documentRerequests * 5),
    `asked again for ${plural(f.documentRerequests, 'document')} already on file`,
  );
  add(
    'broken_promise',
    Math.min(25, f.brokenPromises * 15),
    `${plural(f.brokenPromises, 'follow-up promise')} broken`,
  );
  if (f.waitingHours >= 4)
    add('waiting', Math.min(20, f.waitingHours / 2.4), `waiting ${Math.round(f.waitingHours)} h for a reply`);
  if (f.handoffs >= 3)
    add('many_handoffs', Math.min(10, (f.handoffs - 2) * 3), `passed between teams ${f.handoffs} times`);
  const recent = f.sentiments.slice(-3);
  if (recent.length > 0) {
    const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
    if (mean < -0.2)
      add(
        'negative_sentiment',
        Math.min(20, -mean * 20),
        `recent messages read negative (${mean.toFixed(2)})`,
      );
    const first = f.sentiments[0]!;
    if (f.sentiments.length >= 3 && first - mean > 0.4)
      add('sentiment_falling', 10, `sentiment fell from ${first.toFixed(2)} to ${mean.toFixed(2)}`);
  }
  reasons.sort((a, b) => b.weight - a.weight);
  const score = Math.min(
    100,
    reasons.reduce((s, r) => s + r.weight, 0),
  );
  return { score, level: score >= 60 ? 'high' : score >= 30 ? 'medium' : 'low', reasons };
}
