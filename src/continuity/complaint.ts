const complaintPatterns = [
  /\b(formal(ly)?|official(ly)?|file|filing|lodge|make|raise|raising)\s+(a\s+)?complain(t|ts)?\b/i,
  /\bi('m| am| will be| want to)?\s*complain(ing)?\b/i,
  /\b(ombudsman|trading standards|consumer (protection|rights)|small claims|solicitor|lawyer|legal action|sue you|court)\b/i,
  /\b(speak|talk)\s+to\s+(a|your|the)\s+(manager|supervisor|someone senior)\b/i,
  /\b(cancel|close|end)\s+(my|the)\s+(account|contract|subscription|plan|membership)\b/i,
  /\b(worst|appalling|disgraceful|unacceptable)\s+(service|company|experience)\b/i,
  /\b(leave|leaving|switch(ing)?( to)?)\s+(you|a competitor|another (provider|company))\b/i,
];

/** Whether a customer message is a complaint or a threat to leave (the seed's last warning signs). */
export function isComplaint(text: string): boolean {
  return complaintPatterns.some((p) => p.test(text));
}
