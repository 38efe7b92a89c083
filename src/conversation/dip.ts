/** One scored customer message. */
export interface ScoredMessage {
  at: string;
  score: number;
}

export interface DipOptions {
  /** how many earlier messages form the baseline */
  window: number;
  /** a fall of the latest score this far below the baseline's mean is a dip */
  drop: number;
  /** crossing below this score (from at or above it) is a dip */
  floor: number;
}

export const DIP_DEFAULTS: DipOptions = { window: 3, drop: 0.6, floor: -0.6 };

export interface Dip {
  dip: boolean;
  reason: 'drop' | 'floor' | null;
  /** baseline mean minus the latest score (0 without history) */
  drop: number;
  /** the mean of the window, or null without history */
  baseline: number | null;
}

/**
 * Whether `latest` is a sentiment dip against the customer's earlier messages (`history`, oldest
 * first): a fall of `drop` or more below the mean of the last `window` scores, or a crossing of
 * `floor` (the first message already below it counts; staying below it does not fire again).
 */
export function detectDip(
  history: readonly ScoredMessage[],
  latest: ScoredMessage,
  options: Partial<DipOptions> = {},
): Dip {
  const opts = { ...DIP_DEFAULTS, ...options };
  const window = history.slice(-Math.max(1, opts.window));
  const mean = window.reduce((sum, m) => sum + m.score, 0) / window.length;
  const baseline = window.length ? Number(mean.toFixed(4)) : null;
  const drop = baseline === null ? 0 : Number((baseline - latest.score).toFixed(4));
  if (baseline !== null && drop >= opts.drop) return { dip: true, reason: 'drop', drop, baseline };
  const previous = history.at(-1);
  const crossed = latest.score < opts.floor && (previous === undefined || previous.score >= opts.floor);
  if (crossed) return { dip: true, reason: 'floor', drop, baseline };
  return { dip: false, reason: null, drop, baseline };
}
