// Conversation intelligence benchmark: sentiment on airline tweets (held-out part), summaries on
// TweetSumm (held-out part) against the first-three-sentences baseline, and throughput of both.
// Data is read from ../shared/data (never copied into the repository). Run it alone with
//   node bin/run-ts.js bench/conversation.bench.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanText } from '../src/conversation/clean.ts';
import { analyze, splitSentences } from '../src/conversation/nlp.ts';
import { meanRouge, type Rouge, rougeBest } from '../src/conversation/rouge.ts';
import { type SentimentLabel, scoreSentiment } from '../src/conversation/sentiment.ts';
import { summarizeDialog, type Turn } from '../src/conversation/summarize.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.BATON_SHARED_DATA ?? resolve(root, '../shared/data');
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** RFC 4180 CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function classification(gold: string[], predicted: string[]) {
  const f1 = LABELS.map((label) => {
    const tp = gold.filter((g, i) => g === label && predicted[i] === label).length;
    const p = predicted.filter((x) => x === label).length;
    const g = gold.filter((x) => x === label).length;
    return p && g && tp ? (2 * (tp / p) * (tp / g)) / (tp / p + tp / g) : 0;
  });
  const correct = gold.filter((g, i) => g === predicted[i]).length;
  const round = (x: number) => Number(x.toFixed(3));
  return {
    accuracy: round(correct / gold.length),
    macroF1: round(f1.reduce((a, b) => a + b, 0) / f1.length),
    f1: Object.fromEntries(LABELS.map((l, i) => [l, round(f1[i])])),
  };
}

/** Airline tweets: every fifth row tuned the thresholds; the other rows are the held-out part. */
function sentimentBench(file: string) {
  const rows = parseCsv(readFileSync(file, 'utf8'))
    .slice(1)
    .filter((r) => r.length === 2);
  const tune = rows.filter((_, i) => i % 5 === 0);
  const heldOut = rows.filter((_, i) => i % 5 !== 0);
  const gold = heldOut.map((r) => r[1]);
  const started = performance.now();
  const ours = heldOut.map((r) => scoreSentiment(r[0]).label);
  const seconds = (performance.now() - started) / 1000;
  const wink = heldOut.map((r) => {
    const s = analyze(r[0]).winkSentiment;
    return s < 0 ? 'negative' : s > 0 ? 'positive' : 'neutral';
  });
  return {
    data: 'airline-sentiment/dev.csv',
    split: { tuning: tune.length, heldOut: heldOut.length, rule: 'row index % 5 == 0 tunes' },
    baton: classification(gold, ours),
    tuningPart: classification(
      tune.map((r) => r[1]),
      tune.map((r) => scoreSentiment(r[0]).label),
    ),
    baselines: {
      // The same scorer without the trained model (sentiment-model.json): the rules alone.
      rulesOnly: classification(
        gold,
        heldOut.map((r) => scoreSentiment(r[0], { useModel: false }).label),
      ),
      winkLexicon: classification(gold, wink),
      alwaysNegative: classification(
        gold,
        gold.map(() => 'negative'),
      ),
    },
    messagesPerSecond: Math.round(heldOut.length / seconds),
  };
}

/** FNV-1a: a stable split of TweetSumm dialogues by id (30% held out). */
export function isHeldOut(id: string): boolean {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 10 < 3;
}

function leadThree(turns: Turn[], clean: boolean): string {
  const text = turns.map((t) => (clean ? cleanText(t.text) : t.text)).join(' ');
  return splitSentences(text).slice(0, 3).join(' ');
}

function summaryBench(dialogFile: string, summaryFile: string) {
  const jsonl = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l));
  const references = new Map<string, string[]>(jsonl(summaryFile).map((s) => [s.id, s.abstractive]));
  const dialogs = (jsonl(dialogFile) as { id: string; turns: Turn[] }[]).filter((d) => references.has(d.id));
  const score = (part: typeof dialogs, summarise: (turns: Turn[]) => string): Rouge =>
    meanRouge(part.map((d) => rougeBest(summarise(d.turns), references.get(d.id) ?? [])));
  const heldOut = dialogs.filter((d) => isHeldOut(d.id));
  const started = performance.now();
  const ours = heldOut.map((d) => summarizeDialog(d.turns).summary);
  const seconds = (performance.now() - started) / 1000;
  return {
    data: 'tweetsumm/train-*.jsonl, abstractive references, best of three per measure',
    split: {
      developed: dialogs.length - heldOut.length,
      heldOut: heldOut.length,
      rule: 'FNV-1a(id) % 10 < 3',
    },
    baton: meanRouge(heldOut.map((d, i) => rougeBest(ours[i], references.get(d.id) ?? []))),
    developmentPart: score(
      dialogs.filter((d) => !isHeldOut(d.id)),
      (turns) => summarizeDialog(turns).summary,
    ),
    baselines: {
      leadThreeCleaned: score(heldOut, (turns) => leadThree(turns, true)),
      leadThreeRaw: score(heldOut, (turns) => leadThree(turns, false)),
    },
    dialoguesPerSecond: Math.round(heldOut.length / seconds),
  };
}

export async function runConversationBench(): Promise<Record<string, unknown>> {
  const airline = join(dataDir, 'airline-sentiment/dev.csv');
  const dialogs = join(dataDir, 'tweetsumm/train-dialogs.jsonl');
  const summaries = join(dataDir, 'tweetsumm/train-summaries.jsonl');
  // Throughput depends on what else runs: the one-minute load average is kept with the figures.
  const result: Record<string, unknown> = {
    node: process.version,
    loadAverageAtStart: Number(loadavg()[0].toFixed(1)),
  };
  if (existsSync(airline)) result.sentiment = sentimentBench(airline);
  else result.sentiment = { skipped: `missing ${airline}` };
  if (existsSync(dialogs) && existsSync(summaries)) result.summaries = summaryBench(dialogs, summaries);
  else result.summaries = { skipped: `missing ${dialogs}` };
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await runConversationBench();
  const out = join(root, 'bench/results/conversation.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
}
