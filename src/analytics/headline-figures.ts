/**
 * The weekly review's headline figures that are shares, shown as percentages wherever the review is
 * (its page, its message, the web app). A file of its own so that the web app imports it alone.
 */
export const rateFigures: ReadonlySet<string> = new Set([
  'escalation',
  'contextComplete',
  'bounce',
  'slaAttainment',
  'reExplanation',
  'satisfaction',
]);
