import { percentile } from '../support.ts';

export type OpSummary = {
  count: number;
  perSecond: number;
  p50ms: number;
  p90ms: number;
  p99ms: number;
  maxMs: number;
  errors: number;
  errorRate: number;
  errorSamples: string[];
};

class OpStats {
  count = 0;
  errors = 0;
  latencies: number[] = [];
  samples = new Map<string, number>();
}

const round = (n: number, digits = 1) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n;

/** Latency and outcome of every request of one phase, per operation. */
export class Recorder {
  private ops = new Map<string, OpStats>();
  private started = performance.now();
  total = 0;
  errors = 0;

  record(op: string, ms: number, ok: boolean, detail?: string) {
    let s = this.ops.get(op);
    if (!s) {
      s = new OpStats();
      this.ops.set(op, s);
    }
    s.count++;
    s.latencies.push(ms);
    this.total++;
    if (!ok) {
      s.errors++;
      this.errors++;
      const key = detail ?? 'error';
      s.samples.set(key, (s.samples.get(key) ?? 0) + 1);
    }
  }

  elapsedSeconds() {
    return (performance.now() - this.started) / 1000;
  }

  private summarise(s: OpStats, seconds: number): OpSummary {
    const sorted = Float64Array.from(s.latencies).sort();
    const list = Array.from(sorted);
    return {
      count: s.count,
      perSecond: round(s.count / seconds),
      p50ms: round(percentile(list, 50)),
      p90ms: round(percentile(list, 90)),
      p99ms: round(percentile(list, 99)),
      maxMs: round(list[list.length - 1] ?? Number.NaN),
      errors: s.errors,
      errorRate: s.count ? round(s.errors / s.count, 5) : 0,
      errorSamples: [...s.samples].slice(0, 5).map(([k, n]) => `${n}x ${k}`),
    };
  }

  summary(seconds = this.elapsedSeconds()) {
    const all = new OpStats();
    const ops: Record<string, OpSummary> = {};
    for (const [name, s] of [...this.ops].sort(([a], [b]) => a.localeCompare(b))) {
      ops[name] = this.summarise(s, seconds);
      all.count += s.count;
      all.errors += s.errors;
      for (const l of s.latencies) all.latencies.push(l);
      for (const [k, n] of s.samples) all.samples.set(`${name}: ${k}`, n);
    }
    return { seconds: round(seconds), all: this.summarise(all, seconds), ops };
  }
}

/** Least-squares line through the points: the slope says whether memory keeps growing. */
export function linearFit(points: { x: number; y: number }[]) {
  const n = points.length;
  if (n < 2) return { slope: 0, intercept: points[0]?.y ?? 0, r2: 0, slopeError: Number.POSITIVE_INFINITY };
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  const r2 = sxx && syy ? (sxy * sxy) / (sxx * syy) : 0;
  // The slope's standard error: a slope within two of it of zero is no trend at all.
  const slopeError = n > 2 && sxx ? Math.sqrt(((1 - r2) * syy) / (n - 2) / sxx) : Number.POSITIVE_INFINITY;
  return { slope, intercept: my - slope * mx, r2, slopeError };
}

export { round };

/** One 5-second sample of the run: the server's RSS and the request rate. */
export type Sample = {
  t: number;
  phase: string;
  rssMB: number | null;
  requestsPerSecond: number;
  errors: number;
};

/**
 * The growth check: the least-squares slope of RSS over the last two thirds of the soak. Growing
 * means a slope more than two standard errors above zero that would also add more than 5 % of the
 * mean RSS (at least 32 MB) an hour; anything else is flat.
 */
export function memoryGrowth(timeline: Sample[], soakFrom: number, soakTo: number, seconds: number) {
  const soak = timeline.filter((s) => s.phase === 'soak' && s.rssMB !== null);
  const tail = soak.filter((s) => s.t >= soakFrom + (soakTo - soakFrom) / 3);
  const fit = linearFit(tail.map((s) => ({ x: s.t / 60, y: s.rssMB! })));
  const rss = soak.map((s) => s.rssMB!);
  const meanRss = rss.reduce((a, b) => a + b, 0) / (rss.length || 1);
  const mbPerHour = fit.slope * 60;
  return {
    startMB: timeline[0]?.rssMB,
    soakStartMB: rss[0],
    soakEndMB: rss[rss.length - 1],
    soakMaxMB: Math.max(...rss),
    endMB: timeline[timeline.length - 2]?.rssMB,
    samples: tail.length,
    slopeMBPerMinute: round(fit.slope, 2),
    slopeStdErrorMBPerMinute: round(fit.slopeError, 2),
    r2: round(fit.r2, 2),
    verdict:
      tail.length < 3
        ? 'too few samples'
        : fit.slope - 2 * fit.slopeError > 0 && mbPerHour > Math.max(32, meanRss * 0.05)
          ? `growing about ${Math.round(mbPerHour)} MB/h`
          : 'flat (no significant growth)',
    note:
      seconds < 300
        ? 'a short run: the slope is indicative only; run the default 10 minutes to judge leaks'
        : undefined,
  };
}
