// `npm run bench`: every benchmark in turn; each writes bench/results/<name>.json.
// Pick some with `npm run bench -- sla http` (names: sla, tagger, conversation, http, breach-lag, dip-lag, audit, web, search, export).
import { runAuditBench } from './audit.bench.ts';
import { runBreachLagBench } from './breach-lag.bench.ts';
import { runConversationBench } from './conversation.bench.ts';
import { runDipLagBench } from './dip-lag.bench.ts';
import { runExportBench } from './export.bench.ts';
import { runHttpBench } from './http.bench.ts';
import { runOutboxBench } from './outbox.bench.ts';
import { runSearchBench } from './search.bench.ts';
import { runSlaBench } from './sla.bench.ts';
import { record } from './support.ts';
import { runTaggerBench } from './tagger.bench.ts';
import { runWebQueueBench } from './web-queue.bench.ts';

const all: Record<string, () => Promise<unknown>> = {
  sla: runSlaBench,
  tagger: runTaggerBench,
  conversation: runConversationBench,
  http: runHttpBench,
  'breach-lag': runBreachLagBench,
  'dip-lag': runDipLagBench,
  outbox: runOutboxBench,
  audit: runAuditBench,
  web: runWebQueueBench,
  search: runSearchBench,
  export: runExportBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !all[w]);
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(all).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(all)) {
  const started = Date.now();
  process.stderr.write(`bench ${name}...\n`);
  let result = (await all[name]!()) as Record<string, unknown>;
  // Some benchmarks only write their file when run alone: record those here.
  if (!result.benchmark && !result.skipped) result = record(name, result);
  process.stderr.write(`bench ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(JSON.stringify(result, null, 2));
}
process.exit(0);
