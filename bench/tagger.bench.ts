// Issue-type tagger benchmark: accuracy, macro-F1 and calibration error on a held-out 20%
// (stratified, seed 42) of Banking77 and of Bitext, next to a majority-class and a plain
// bag-of-words baseline; training time, predictions per second, model size. Data is read from
// ../shared/data, never copied into the repository. Run it alone with
//   node bin/run-ts.js bench/tagger.bench.ts          (add --cv for 5-fold CV of the candidates)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expectedCalibrationError } from '../src/vocabulary/calibration.ts';
import { type LabelledExample, parseCsvStream, readLabelledExamples } from '../src/vocabulary/csv.ts';
import { accuracy, macroF1, stratifiedFolds, stratifiedSplit } from '../src/vocabulary/evaluation.ts';
import { loadTagger, serializeTagger } from '../src/vocabulary/model-file.ts';
import { type TaggerSettings, trainTagger } from '../src/vocabulary/tagger.ts';
import { record } from './support.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.BATON_SHARED_DATA ?? resolve(root, '../shared/data');
const sets = [
  { name: 'banking77', file: 'banking77/train.csv', columns: { text: 'text', label: 'label' } },
  { name: 'bitext', file: 'bitext/customer-support.csv', columns: { text: 'instruction', label: 'intent' } },
];
const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** Word unigrams only, no character n-grams: the plain bag-of-words baseline, same linear model. */
const bagOfWords: TaggerSettings = { features: { wordMaxN: 1, charMaxN: 0 } };

/** CPU and wall seconds of `work`: CPU time is what to compare when the machine is shared. */
function timed<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const value = work();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - wall0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

function score(train: LabelledExample[], test: LabelledExample[], options: TaggerSettings = {}) {
  const fit = timed(() => trainTagger(train, options));
  const tagger = fit.value;
  const predictions = test.map((x) => tagger.predict(x.text));
  const truth = test.map((x) => x.label);
  const labels = predictions.map((p) => p.label);
  const guesses = predictions.map((p, i) => ({ confidence: p.confidence, correct: labels[i] === truth[i] }));
  const kept = guesses.filter((g) => g.confidence >= tagger.report.abstainBelow);
  return {
    tagger,
    accuracy: round(accuracy(truth, labels)),
    macroF1: round(macroF1(truth, labels)),
    ece: round(expectedCalibrationError(guesses)),
    abstention: {
      threshold: round(tagger.report.abstainBelow),
      coverage: round(kept.length / guesses.length),
      accuracyWhenAnswering: round(kept.filter((g) => g.correct).length / Math.max(1, kept.length)),
    },
    trainSeconds: { wall: round(fit.wall, 2), cpu: round(fit.cpu, 2) },
  };
}

function throughput(predict: (text: string) => unknown, texts: string[]) {
  for (const text of texts.slice(0, 500)) predict(text); // warm up the JIT
  let count = 0;
  const run = timed(() => {
    const until = performance.now() + 2000;
    while (performance.now() < until) {
      for (const text of texts) predict(text);
      count += texts.length;
    }
  });
  return { wall: Math.round(count / run.wall), cpu: Math.round(count / run.cpu) };
}

function majority(train: LabelledExample[], test: LabelledExample[]) {
  const counts = new Map<string, number>();
  for (const x of train) counts.set(x.label, (counts.get(x.label) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const truth = test.map((x) => x.label);
  const predicted = test.map(() => top);
  return { accuracy: round(accuracy(truth, predicted)), macroF1: round(macroF1(truth, predicted)) };
}

async function benchSet(set: (typeof sets)[number], crossValidate: boolean) {
  const path = resolve(dataDir, set.file);
  const { examples } = await readLabelledExamples(parseCsvStream([readFileSync(path)]), set.columns);
  const { train, test } = stratifiedSplit(examples, 0.2, 42);
  const tagger = score(train, test);
  const baseline = score(train, test, bagOfWords);
  const json = JSON.stringify(serializeTagger(tagger.tagger));
  const load = timed(() => loadTagger(JSON.parse(json)));
  const full = timed(() => trainTagger(examples));
  const { tagger: _, ...taggerScores } = tagger;
  const { tagger: __, ...baselineScores } = baseline;
  return {
    data: set.file,
    rows: examples.length,
    labels: new Set(examples.map((x) => x.label)).size,
    split: { train: train.length, test: test.length, rule: 'stratified 80/20, seed 42' },
    tagger: {
      ...taggerScores,
      features: tagger.tagger.report.features,
      heldOutDuringTraining: tagger.tagger.report.heldOut,
      predictionsPerSecond: throughput(
        (text) => tagger.tagger.predict(text),
        test.map((x) => x.text),
      ),
      modelBytes: json.length,
      loadSeconds: round(load.wall, 3),
      trainAllRowsSeconds: { wall: round(full.wall, 2), cpu: round(full.cpu, 2) },
    },
    baselines: { majorityClass: majority(train, test), bagOfWords: baselineScores },
    crossValidation: crossValidate ? crossValidation(examples) : undefined,
  };
}

/** 5-fold accuracy of the chosen settings against the alternatives they were chosen over. */
function crossValidation(examples: LabelledExample[]) {
  const candidates: Record<string, TaggerSettings> = {
    chosen: {},
    'terms seen twice or more': { features: { minDf: 2 } },
    'C = 0.5': { linear: { c: 0.5 } },
    'no word bigrams': { features: { wordMaxN: 1 } },
    'char n-grams 2-6': { features: { charMaxN: 6 } },
    'bag of words': bagOfWords,
  };
  const folds = stratifiedFolds(examples, 5, 1);
  return Object.fromEntries(
    Object.entries(candidates).map(([name, options]) => {
      const scores = folds.map((test, f) => score(folds.filter((_, g) => g !== f).flat(), test, options));
      const mean = (pick: (s: (typeof scores)[number]) => number) =>
        round(scores.reduce((sum, s) => sum + pick(s), 0) / scores.length);
      return [
        name,
        { accuracy: mean((s) => s.accuracy), macroF1: mean((s) => s.macroF1), ece: mean((s) => s.ece) },
      ];
    }),
  );
}

export async function runTaggerBench(
  options: { crossValidate?: boolean } = {},
): Promise<Record<string, unknown>> {
  const missing = sets.filter((set) => !existsSync(resolve(dataDir, set.file)));
  if (missing.length > 0) {
    const message = `tagger benchmark skipped: ${missing.map((s) => resolve(dataDir, s.file)).join(', ')} not found`;
    process.stderr.write(`${message}\n`);
    return { skipped: message };
  }
  const results: Record<string, unknown> = {};
  for (const set of sets) {
    process.stderr.write(`tagger benchmark: ${set.name}...\n`);
    results[set.name] = await benchSet(set, options.crossValidate === true && set.name === 'banking77');
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const results = await runTaggerBench({ crossValidate: process.argv.includes('--cv') });
  const out = results.skipped ? results : record('tagger', results);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
