/**
 * What a customer message signals beyond the product problem: a complaint about the service, an
 * explicit request to escalate, or a threat to leave (the seed's last warning signs).
 */
export type ComplaintKind = 'complaint' | 'escalation_request' | 'churn_threat';

const patterns: Record<ComplaintKind, RegExp[]> = {
  complaint: [
    /\b(formal(ly)?|official(ly)?|file|filing|lodge|make|raise|raising)\s+(a\s+)?complain(t|ts)?\b/i,
    /\bi('m| am| will be| want to| wish to| would like to)\s*complain(ing)?\b/i,
    /\b(ombudsman|trading standards|consumer (protection|rights)|small claims|solicitor|lawyer|legal action|sue you|take you to court)\b/i,
    /\b(worst|appalling|disgraceful|unacceptable|shocking|terrible|awful)\s+(customer\s+)?(service|company|experience|support)\b/i,
    /\bthis is (absolutely |completely |totally )?(unacceptable|ridiculous|a joke|a disgrace)\b/i,
  ],
  escalation_request: [
    /\b(speak|talk|escalate (this|it)?)\s+(to|with)\s+(a|your|the)\s+(manager|supervisor|someone senior|someone in charge|team lead)\b/i,
    /\b(get|put me through to|i want|i need|i demand)\s+(a|your|the)\s+(manager|supervisor)\b/i,
    /\b(please\s+)?escalate (this|my (case|complaint|issue))\b/i,
  ],
  churn_threat: [
    /\b(cancel(l?ing)?|close|closing|end(ing)?|terminat(e|ing))\s+(my|our|the)\s+(account|contract|subscription|membership|service|policy|plan)\b/i,
    /\b(leave|leaving|switch(ing)?( over)?( to)?|move|moving)\s+(to\s+)?(you|a competitor|another (provider|company|supplier|bank))\b/i,
    /\b(take|taking)\s+my\s+business\s+elsewhere\b/i,
    /\bi('m| am)\s+(done|finished)\s+with\s+(you|your company|this company)\b/i,
  ],
};

/**
 * Phrases that look like a signal but are not: a calm question about buying more, denying a
 * complaint, or the customer saying they do not mean to leave.
 */
const notASignal = [
  /\b(about|regarding|for)\s+(upgrad(e|ing)|add(ing)? (users|seats|a line)|pricing|a quote|buying|renew(al|ing)|a new (plan|contract))\b/i,
  /\b(not|never|no)\s+(complain(t|ing)?|trying to complain|a complaint)\b/i,
  /\bno complaints?\b/i,
  /\b(don'?t|do not|won'?t|will not|not going to|no need to|never)\s+(want to\s+)?(cancel|close|leave|switch)\b/i,
];

/** Each signal a message carries, in catalogue order; none for an ordinary request. */
export function complaintSignals(text: string): ComplaintKind[] {
  const found = (Object.keys(patterns) as ComplaintKind[]).filter((k) =>
    patterns[k].some((p) => p.test(text)),
  );
  if (found.length === 0) return [];
  if (notASignal.some((p) => p.test(text))) {
    // A guard only silences what it explains: a stated complaint plus an upgrade question still counts.
    return found.filter(
      (k) => k === 'complaint' && !/\b(not|never|no)\s+complain|no complaints?/i.test(text),
    );
  }
  return found;
}

/** Whether a customer message is a complaint, an escalation request or a threat to leave. */
export function isComplaint(text: string): boolean {
  return complaintSignals(text).length > 0;
}
