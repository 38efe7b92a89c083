import type { SatisfactionSignal } from './satisfaction-figures.ts';

/**
 * What a case's handoffs went through, in the words the weekly review and the app both show (the
 * API's keys on the left): one list, so the review a lead forwards and the page they check it
 * against never name a signal two ways.
 */
export const satisfactionSignalLabels: Record<SatisfactionSignal, string> = {
  handed_off: 'Handed off',
  bounced: 'Bounced back',
  context_incomplete: 'Context incomplete',
  repeated_explanation: 'Customer explained again',
  sla_breached: 'SLA breached',
  document_rerequest: 'Document asked again',
};

/**
 * A difference signed as people read it, with a true minus: "−12.5 pts", "+3.0 points", "—" for
 * none. The space before the unit does not break, so a narrow table column keeps them on one line.
 */
export const signedGap = (gap: number | null, unit: string) =>
  gap === null ? '—' : `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${Math.abs(gap).toFixed(1)}\u00a0${unit}`;
