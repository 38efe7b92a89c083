/**
 * A token bucket per key: `limit` tokens that refill evenly over `windowMs`. Each counted event
 * (a failed sign-in, a bad token) takes one; a key with no whole token left is refused until one
 * has refilled. Pure: the caller passes "now" in milliseconds. `refill` and `take` are the one
 * formula; the shared buckets in the database (`rate-limit.commands.ts`) compute the same in SQL.
 */
export type LimiterOptions = {
  /** Events allowed in a burst, and refilled per window; 0 turns the limiter off. */
  limit: number;
  windowMs: number;
  /** Keys kept at most: past it, buckets that have refilled are dropped, then the oldest. */
  maxKeys?: number;
};

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number };

/** Tokens left at instant `at` (ms); no bucket means a full one. */
export type Bucket = { tokens: number; at: number };

type Rate = Pick<LimiterOptions, 'limit' | 'windowMs'>;

/** Tokens at `now`: the stored ones plus what refilled since, never above the limit. */
export function refill(b: Bucket | undefined, now: number, { limit, windowMs }: Rate): number {
  if (!b) return limit;
  return Math.min(limit, b.tokens + Math.max(0, now - b.at) * (limit / windowMs));
}

/** Allowed while a whole token is left; otherwise the seconds until one is (at least 1). */
export function verdictOf(tokens: number, { limit, windowMs }: Rate): Verdict {
  if (tokens >= 1) return { allowed: true };
  return { allowed: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / (limit / windowMs) / 1000)) };
}

/** One counted event: takes a token when a whole one is left; an empty bucket stays as it was. */
export function take(b: Bucket | undefined, now: number, rate: Rate): { taken: boolean; bucket: Bucket } {
  const tokens = refill(b, now, rate);
  if (tokens >= 1) return { taken: true, bucket: { tokens: tokens - 1, at: now } };
  return { taken: false, bucket: b ?? { tokens, at: now } };
}

export type Limiter = {
  /** May this key act now? Does not take a token. */
  check(key: string, now: number): Verdict;
  /** Counts one event against the key: allowed when it fitted, refused (and not counted) when not. */
  take(key: string, now: number): Verdict;
  /** `take`, when the caller has already checked. */
  hit(key: string, now: number): void;
  /** Takes on a bucket's state as another holder saw it (the database's shared bucket). */
  adopt(key: string, bucket: Bucket | undefined, now: number): void;
  /** Forgets the key (a successful sign-in clears its account's failures). */
  reset(key: string): void;
};

export function createLimiter({ limit, windowMs, maxKeys = 100_000 }: LimiterOptions): Limiter {
  const buckets = new Map<string, Bucket>();
  const rate = { limit, windowMs };

  const prune = (now: number) => {
    for (const [key, b] of buckets) if (refill(b, now, rate) >= limit) buckets.delete(key);
    // Still full of live attackers: drop the oldest entries (Map keeps insertion order).
    for (const [key] of buckets) {
      if (buckets.size <= maxKeys * 0.9) break;
      buckets.delete(key);
    }
  };
  const store = (key: string, bucket: Bucket, now: number) => {
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) prune(now);
  };

  const limiter: Limiter = {
    check(key, now) {
      if (limit <= 0) return { allowed: true };
      return verdictOf(refill(buckets.get(key), now, rate), rate);
    },
    take(key, now) {
      if (limit <= 0) return { allowed: true };
      const b = buckets.get(key);
      const { taken, bucket } = take(b, now, rate);
      if (taken) {
        store(key, bucket, now);
        return { allowed: true };
      }
      return verdictOf(refill(b, now, rate), rate);
    },
    hit(key, now) {
      limiter.take(key, now);
    },
    adopt(key, bucket, now) {
      if (limit <= 0) return;
      if (!bucket || refill(bucket, now, rate) >= limit) buckets.delete(key);
      else store(key, bucket, now);
    },
    reset(key) {
      buckets.delete(key);
    },
  };
  return limiter;
}
