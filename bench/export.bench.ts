import type { Database } from '../src/db/database.ts';
import { fullPacket, newCase } from '../test/support/harness.ts';
import { demoRuntime, onBothDatabases, percentile, record } from './support.ts';

const token = 'bench-admin';
const handoffCount = Number(process.env.BENCH_EXPORT_HANDOFFS ?? 5000);
const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const senders = 16;

/**
 * The handoffs export (`GET /api/v1/exports/handoffs`) of an organisation holding `handoffCount`
 * handoffs sent over HTTP: seconds to the whole file, rows a second, its size, and how much the
 * process's memory grew while streaming it (the export is read 200 handoffs at a time).
 */
async function exportOn(database: Database) {
  const runtime = await demoRuntime(database, token);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await runtime.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  const seedStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let i = next++; i < handoffCount; i = next++) {
        const c = (await (
          await call('POST', '/api/v1/cases', newCase({ subject: `Export ${i}` }))
        ).json()) as {
          id: string;
        };
        await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
          scenario: 'billing-to-finance',
          packet: fullPacket,
        });
      }
    }),
  );
  const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;

  const seconds: number[] = [];
  let rows = 0;
  let bytes = 0;
  let rssGrowthMb = 0;
  for (let r = 0; r < runs + 1; r++) {
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const started = performance.now();
    const res = await call('GET', '/api/v1/exports/handoffs?from=2000-01-01');
    const reader = res.body!.getReader();
    let size = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
    // The first run warms the plans; it is not counted.
    if (r > 0) {
      seconds.push((performance.now() - started) / 1000);
      rssGrowthMb = Math.max(rssGrowthMb, (rssPeak - rssBefore) / 2 ** 20);
    }
    rows = lines - 1;
    bytes = size;
  }
  await runtime.close();
  seconds.sort((a, b) => a - b);
  const median = percentile(seconds, 50);
  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  return {
    handoffs: handoffCount,
    seedSeconds,
    rows,
    megabytes: round(bytes / 2 ** 20),
    seconds: { median: round(median), runs: seconds.map((s) => round(s)) },
    rowsPerSecond: Math.round(rows / median),
    rssGrowthMb: round(rssGrowthMb, 1),
  };
}

export async function runExportBench() {
  const results = await onBothDatabases('export', exportOn);
  return record('export', {
    note: `GET /api/v1/exports/handoffs of ${handoffCount} handoffs (one per case, sent over HTTP by ${senders} clients), read to the end in-process; median of ${runs} runs after one to warm up; RSS growth is the most the process grew during a run`,
    ...results,
  });
}
