import type { EmotionLevel } from './emotion.ts';

export type Urgency = 'low' | 'normal' | 'high' | 'critical';

const CRITICAL =
  /\b(?:fraud(?:ulent)?|hacked|hack|stolen|identity theft|unauthori[sz]ed (?:charges?|transactions?|access|payments?)|data (?:breach|leak|loss)|security breach|lawyer|attorney|legal action|lawsuit|sue|court|regulator|ombudsman|safety|unsafe|injur(?:y|ed)|medical|emergency|life.threatening|production (?:is )?down|all (?:users|customers) (?:are )?(?:affected|down)|outage)\b/i;
const HIGH =
  /\b(?:urgent(?:ly)?|asap|a\.s\.a\.p|immediately|right now|right away|as soon as possible|(?:by|before|until) (?:today|tonight|tomorrow)|emergency|critical|deadline|can(?:'t|not|no?t) (?:access|log ?in|sign ?in|get in|pay|use|work)|locked out|(?:is|are|went|been) down|not working at all|stopped working|stranded|stuck|missed (?:my )?(?:flight|connection)|no (?:power|internet|service|signal|access)|(?:double|twice) charged|charged twice|overdrawn|cancel (?:my )?(?:account|subscription|service)|leaving|switching to)\b/i;
const LOW =
  /\b(?:no rush|no hurry|whenever (?:you )?(?:can|get a chance)|not urgent|just (?:wondering|curious|a question)|curious|feedback|suggestion|feature request|would be nice|fyi|for your information|out of interest)\b/i;

/**
 * How urgent a case is, from its words and the customer's emotion: safety, fraud, legal threats
 * and outages are critical; deadlines, lockouts, "asap" and an angry customer are high; explicit
 * "no rush" or mere feedback is low.
 */
export function urgencyOf(text: string, emotion: EmotionLevel = 'calm'): Urgency {
  const clean = text.replace(/[’‘]/g, "'");
  if (CRITICAL.test(clean)) return 'critical';
  if (HIGH.test(clean) || emotion === 'angry') return 'high';
  if (LOW.test(clean) && (emotion === 'calm' || emotion === 'concerned')) return 'low';
  return 'normal';
}
