import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import type { Database } from '../src/db/database.ts';
import { demoRuntime, onBothDatabases, percentile, record } from './support.ts';

const token = 'bench-admin';
const rounds = Number(process.env.BENCH_DIPS ?? 150);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

/**
 * The lag from a customer's message arriving (the POST) to the supervisor's live stream showing
 * the `sentiment.dip` it caused, measured end to end over HTTP and server-sent events.
 */
async function lagOn(database: Database) {
  const runtime = await demoRuntime(database, token);
  const server = await new Promise<{ url: string; close: () => void }>((ok) => {
    const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      ok({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
    );
  });
  const waiting = new Map<string, (at: number) => void>();
  const controller = new AbortController();
  const stream = await fetch(`${server.url}/api/v1/stream`, { headers, signal: controller.signal });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const chunk = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = chunk.split('\n').find((l) => l.startsWith('data:'));
        if (data && chunk.includes('event: case-event')) {
          const a = JSON.parse(data.slice(5));
          if (a.type === 'sentiment.dip') waiting.get(a.caseId)?.(performance.now());
        }
        cut = buffer.indexOf('\n\n');
      }
    }
  })();
  const lags: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const created = await fetch(`${server.url}/api/v1/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        subject: `dip ${i}`,
        customer: { externalId: `dip-${i}`, name: 'Sam Lee' },
        channel: 'chat',
        messages: [
          { role: 'customer', text: 'Hi, thanks for your help, could you look at my boiler service date?' },
        ],
      }),
    });
    const caseId = ((await created.json()) as { id: string }).id;
    const seen = new Promise<number>((ok) => waiting.set(caseId, ok));
    const started = performance.now();
    await fetch(`${server.url}/api/v1/cases/${caseId}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        role: 'customer',
        text: 'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!',
      }),
    });
    const at = await Promise.race([
      seen,
      new Promise<number>((ok) => setTimeout(() => ok(Number.NaN), 5000)),
    ]);
    waiting.delete(caseId);
    lags.push(at - started);
  }
  controller.abort();
  server.close();
  await runtime.close();
  const measured = lags.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    rounds,
    seen: measured.length,
    lagMs: {
      p50: Math.round(percentile(measured, 50)),
      p99: Math.round(percentile(measured, 99)),
      max: Math.round(measured.at(-1) ?? Number.NaN),
    },
  };
}

export async function runDipLagBench() {
  return record('dip-lag', await onBothDatabases('dip', lagOn));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await runDipLagBench(), null, 2));
  process.exit(0);
}
