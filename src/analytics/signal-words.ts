/** A notable case's warning signals (notable.ts) in words: the review's page and its HTML say the same. */
export const SIGNALS: Record<string, string> = {
  sla_breached: 'SLA breached',
  sentiment_dip: 'sentiment dip',
  repeat_explanation: 'customer explained again',
  lost_escalation: 'lost escalation',
  complaint: 'complaint',
  document_rerequest: 'document asked for again',
  unsatisfied: 'customer not satisfied',
};
