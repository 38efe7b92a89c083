/** Why the sampling rules put a handoff in the review queue, as a reviewer reads it. */
export const reasonLabels: Record<string, string> = {
  bounce: 'Bounced',
  breach: 'SLA breached',
  low_quality: 'Low quality',
  random: 'Random sample',
};

export const reasonTone = (r: string) =>
  r === 'bounce' || r === 'breach' ? 'bad' : r === 'low_quality' ? 'warn' : 'neutral';

/** "Hand-off quality" verdicts of calibration, worded for a lead. */
export const verdictLabels: Record<string, string> = {
  reliable: 'Reliable',
  tentative: 'Tentative',
  unreliable: 'Unreliable',
  insufficient: 'Not enough overlap',
};

export const verdictTone = (v: string) =>
  v === 'reliable' ? 'good' : v === 'tentative' ? 'warn' : v === 'unreliable' ? 'bad' : 'neutral';
