import type { memoryGrowth, OpSummary, Recorder } from './stats.ts';

export type Step = {
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errorRate: number;
};

/**
 * Where the mix stops scaling: the first step whose throughput rose less than 5 % over the step
 * before it, or whose p99 passed 1 s. The point reported is the step before (the last that scaled).
 */
export function saturation(steps: Step[]) {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const prev = steps[i - 1];
    const reasons: string[] = [];
    if (s.p99ms > 1000) reasons.push(`p99 ${Math.round(s.p99ms)} ms > 1 s at ${s.concurrency} clients`);
    if (prev && s.requestsPerSecond < prev.requestsPerSecond * 1.05) {
      const gain = Math.round((s.requestsPerSecond / prev.requestsPerSecond - 1) * 100);
      reasons.push(
        `throughput ${gain >= 0 ? '+' : ''}${gain} % from ${prev.concurrency} to ${s.concurrency} clients`,
      );
    }
    if (reasons.length) {
      const at = prev ?? s;
      return {
        concurrency: at.concurrency,
        requestsPerSecond: at.requestsPerSecond,
        p99ms: at.p99ms,
        reason: reasons.join('; '),
      };
    }
  }
  const last = steps[steps.length - 1];
  return last
    ? {
        concurrency: last.concurrency,
        requestsPerSecond: last.requestsPerSecond,
        p99ms: last.p99ms,
        reason: 'still scaling at the largest step',
      }
    : undefined;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function opsTable(ops: Record<string, OpSummary>, all: OpSummary): string {
  const rows = [
    `${'operation'.padEnd(16)}${pad('count', 8)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('errors', 8)}`,
  ];
  for (const [name, s] of [...Object.entries(ops), ['all', all] as const]) {
    rows.push(
      `${name.padEnd(16)}${pad(s.count, 8)}${pad(s.perSecond, 8)}${pad(s.p50ms, 9)}${pad(s.p99ms, 9)}${pad(s.maxMs, 9)}${pad(s.errors, 8)}`,
    );
  }
  return rows.join('\n');
}

export function stepsTable(steps: Step[]): string {
  return steps
    .map(
      (s) =>
        `  ${pad(s.concurrency, 3)} clients: ${pad(s.requestsPerSecond, 6)} req/s  p50 ${pad(Math.round(s.p50ms), 5)} ms  p99 ${pad(Math.round(s.p99ms), 5)} ms  errors ${(s.errorRate * 100).toFixed(2)} %`,
    )
    .join('\n');
}

/** The summary printed at the end of each database's run. */
export function summaryText(
  r: {
    database: string;
    startupMs: number;
    soak: ReturnType<Recorder['summary']>;
    memory: ReturnType<typeof memoryGrowth>;
    sse: {
      clients: number;
      connected: number;
      eventsReceived: number;
      lagFromWriteStartP50ms: number;
      lagFromWriteStartP99ms: number;
    };
    saturation: { steps: Step[]; point: ReturnType<typeof saturation> };
    pgRestart?: Record<string, unknown>;
    serverDied?: string;
  },
  load: { concurrency: number; thinkMs: number; sseClients: number },
): string {
  const m = r.memory;
  const lines = [
    '',
    `== soak on ${r.database}: ${r.soak.seconds} s, ${load.concurrency} users (think 0-${load.thinkMs} ms), ${load.sseClients} SSE clients; started in ${r.startupMs} ms`,
    opsTable(r.soak.ops, r.soak.all),
    `error rate ${(r.soak.all.errorRate * 100).toFixed(3)} %${r.soak.all.errorSamples.length ? ` (${r.soak.all.errorSamples.join('; ')})` : ''}`,
    `memory (server RSS): ${m.soakStartMB} -> ${m.soakEndMB} MB during the soak (max ${m.soakMaxMB}); slope over the last 2/3 ${m.slopeMBPerMinute} ± ${m.slopeStdErrorMBPerMinute} MB/min (r2 ${m.r2}): ${m.verdict}${m.note ? ` (${m.note})` : ''}`,
    `SSE: ${r.sse.connected}/${r.sse.clients} connected, ${r.sse.eventsReceived} events received, lag from the write's start p50 ${r.sse.lagFromWriteStartP50ms} ms, p99 ${r.sse.lagFromWriteStartP99ms} ms`,
    'saturation (no think time):',
    stepsTable(r.saturation.steps),
    r.saturation.point
      ? `saturation point: ${r.saturation.point.concurrency} clients, ${r.saturation.point.requestsPerSecond} req/s (${r.saturation.point.reason})`
      : 'saturation: not measured',
  ];
  if (r.pgRestart) lines.push(`PostgreSQL restart: ${JSON.stringify(r.pgRestart)}`);
  if (r.serverDied) lines.push(`!! baton serve DIED during the run:\n${r.serverDied}`);
  return lines.join('\n');
}
