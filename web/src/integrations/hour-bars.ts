/** One hour's bar: the deliveries from the bottom, the failed tries stacked above them (heights in px). */
export type HourBar = { x: number; delivered: number; failed: number };

const step = 4;

/**
 * The last day's bars, the oldest hour first, scaled to the busiest hour (deliveries and failed
 * tries together). A delivery or a failure in an hour shows, however small against the peak; an
 * hour with neither is a low grey mark.
 */
export function hourBars(delivered: number[], failed: number[], height: number): HourBar[] {
  const totals = delivered.map((d, i) => d + (failed[i] ?? 0));
  const peak = Math.max(0, ...totals);
  const scale = (n: number) => (n === 0 ? 0 : Math.max(3, Math.round((n / peak) * height)));
  return delivered.map((d, i) => {
    const f = failed[i] ?? 0;
    let failedPx = scale(f);
    let deliveredPx = scale(d);
    // Both shown in a full bar: the larger part gives way so their sum stays within the height.
    const over = deliveredPx + failedPx - height;
    if (over > 0) {
      if (deliveredPx >= failedPx) deliveredPx -= over;
      else failedPx -= over;
    }
    return { x: i * step, delivered: deliveredPx, failed: failedPx };
  });
}

/** What the bars say, read out in place of the picture. */
export function hourBarsLabel(delivered: number[], failed: number[]): string {
  const peak = Math.max(0, ...delivered);
  const failedTries = failed.reduce((sum, n) => sum + n, 0);
  const deliveries = peak
    ? `Deliveries per hour over the last 24 hours, at most ${peak.toLocaleString()} an hour`
    : 'No deliveries in the last 24 hours';
  if (!failedTries) return deliveries;
  const hours = failed.filter((n) => n > 0).length;
  return `${deliveries}; ${failedTries.toLocaleString()} failed ${failedTries === 1 ? 'try' : 'tries'} in ${hours === 1 ? '1 hour' : `${hours} hours`}`;
}

export const hourBarsWidth = (hours: number) => hours * step;
