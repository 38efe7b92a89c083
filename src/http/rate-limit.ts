/**
 * A token bucket per key: `limit` tokens that refill evenly over `windowMs`. Each counted event
 * (a failed sign-in, a bad token) takes one; a key with no whole token left is refused until one
 * has refilled. Pure: the caller passes "now" in milliseconds.
 */
export type LimiterOptions = {
  /** Events allowed in a burst, and refilled per window; 0 turns the limiter off. */
  limit: number;
  windowMs: number;
  /** Keys kept at most: past it, buckets that have refilled are dropped, then the oldest. */
  maxKeys?: number;
};

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number };

type Bucket = { tokens: number; at: number };

export type Limiter = {
  /** May this key act now? Does not take a token. */
  check(key: string, now: number): Verdict;
  /** Counts one event against the key. */
  hit(key: string, now: number): void;
  /** Forgets the key (a successful sign-in clears its account's failures). */
  reset(key: string): void;
};

export function createLimiter({ limit, windowMs, maxKeys = 100_000 }: LimiterOptions): Limiter {
  const buckets = new Map<string, Bucket>();
  const perMs = limit / windowMs;

  const current = (key: string, now: number): number => {
    const b = buckets.get(key);
    if (!b) return limit;
    return Math.min(limit, b.tokens + Math.max(0, now - b.at) * perMs);
  };

  const prune = (now: number) => {
    for (const [key] of buckets) if (current(key, now) >= limit) buckets.delete(key);
    // Still full of live attackers: drop the oldest entries (Map keeps insertion order).
    for (const [key] of buckets) {
      if (buckets.size <= maxKeys * 0.9) break;
      buckets.delete(key);
    }
  };

  return {
    check(key, now) {
      if (limit <= 0) return { allowed: true };
      const tokens = current(key, now);
      if (tokens >= 1) return { allowed: true };
      return { allowed: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    hit(key, now) {
      if (limit <= 0) return;
      const tokens = Math.max(0, current(key, now) - 1);
      buckets.delete(key);
      buckets.set(key, { tokens, at: now });
      if (buckets.size > maxKeys) prune(now);
    },
    reset(key) {
      buckets.delete(key);
    },
  };
}
