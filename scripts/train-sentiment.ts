// Trains Baton's sentiment model on the hand-labelled TweetSumm customer turns
// (data/sentiment/tweetsumm-labels.csv; texts read from ../shared/data/tweetsumm, never copied).
// Chooses features, penalty, class weights and how the model meets the rules by 5-fold
// cross-validation grouped by dialogue, then trains on every label and writes
// src/conversation/sentiment-model.json and data/sentiment/cross-validation.json.
//   node bin/run-ts.js scripts/train-sentiment.ts
// The airline tweets are evaluation-only data: this script never reads them.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelOf, ruleFindings } from '../src/conversation/sentiment.ts';
import { type SentimentFeatureOptions, sentimentFeatures } from '../src/conversation/sentiment-features.ts';
import {
  type Blend,
  blendLabel,
  CLASSES,
  type SentimentModelFile,
  toModelFile,
} from '../src/conversation/sentiment-model.ts';
import {
  SOFTMAX_DEFAULTS,
  type SoftmaxModel,
  type SoftmaxOptions,
  softmaxProbabilities,
  trainSoftmax,
} from '../src/conversation/sentiment-train.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.BATON_SHARED_DATA ?? resolve(root, '../shared/data');
const FOLDS = 5;

type Row = { dialogue: string; turn: number; label: number; findings: ReturnType<typeof ruleFindings> };

function loadRows(): Row[] {
  const dialogs = new Map<string, { role: string; text: string }[]>();
  for (const line of readFileSync(join(dataDir, 'tweetsumm/train-dialogs.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const d = JSON.parse(line) as { id: string; turns: { role: string; text: string }[] };
    dialogs.set(d.id, d.turns);
  }
  const lines = readFileSync(join(root, 'data/sentiment/tweetsumm-labels.csv'), 'utf8').trim().split('\n');
  if (lines[0] !== 'dialogue,turn,label') throw new Error('labels: unexpected header');
  return lines.slice(1).map((line, i) => {
    const [dialogue, turnText, labelText] = line.split(',');
    const turn = dialogs.get(dialogue)?.[Number(turnText)];
    if (turn?.role !== 'customer') throw new Error(`labels line ${i + 2}: no customer turn ${line}`);
    const label = CLASSES.indexOf(labelText as (typeof CLASSES)[number]);
    if (label < 0) throw new Error(`labels line ${i + 2}: unknown label ${labelText}`);
    return { dialogue, turn: Number(turnText), label, findings: ruleFindings(turn.text) };
  });
}

/** FNV-1a of the dialogue id: every turn of a dialogue falls in the same fold. */
function foldOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % FOLDS;
}

function scores(gold: number[], predicted: number[]) {
  const f1 = CLASSES.map((_, k) => {
    const tp = gold.filter((g, i) => g === k && predicted[i] === k).length;
    const p = predicted.filter((x) => x === k).length;
    const g = gold.filter((x) => x === k).length;
    return tp === 0 ? 0 : (2 * tp) / (p + g);
  });
  const round = (x: number) => Number(x.toFixed(3));
  return {
    accuracy: round(gold.filter((g, i) => g === predicted[i]).length / gold.length),
    macroF1: round(f1.reduce((a, b) => a + b, 0) / f1.length),
    f1: Object.fromEntries(CLASSES.map((c, k) => [c, round(f1[k])])),
  };
}

// The grid. A first, wider run (bigrams, negation marks and rule features each on and off; l2 from
// 0.001 to 0.03; no, square-root or full class weights) put every top setting on bigrams with rule
// features and no or square-root class weights: this grid keeps those, with l2 on both sides of
// the best, and one setting without rule features to show what they add.
const featureGrid: SentimentFeatureOptions[] = [
  { bigrams: true, negation: false, rules: true },
  { bigrams: true, negation: true, rules: true },
  { bigrams: true, negation: true, rules: false },
];
const trainGrid: SoftmaxOptions[] = [];
for (const l2 of [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1])
  for (const classWeight of ['none', 'sqrt'] as const)
    for (const minCount of [2, 3]) trainGrid.push({ ...SOFTMAX_DEFAULTS, l2, classWeight, minCount });
const blends: Blend[] = [];
for (const rulesDecideAbove of [null, 0.6, 0.8])
  for (const calmQuestionsStayNeutral of [false, true])
    blends.push({ rulesDecideAbove, calmQuestionsStayNeutral });

const rows = loadRows();
const gold = rows.map((r) => r.label);
const folds = rows.map((r) => foldOf(r.dialogue));
const ruleLabels = rows.map((r) => CLASSES.indexOf(labelOf(r.findings.score)));
console.error(`${rows.length} labelled turns, ${new Set(rows.map((r) => r.dialogue)).size} dialogues`);

const results: {
  features: SentimentFeatureOptions;
  train: SoftmaxOptions;
  blend: Blend;
  cv: ReturnType<typeof scores> & { foldMacroF1: number[]; standardError: number };
}[] = [];
for (const featureOptions of featureGrid) {
  const features = rows.map((r) => sentimentFeatures(r.findings.tokens, r.findings, featureOptions));
  for (const train of trainGrid) {
    // Out-of-fold class probabilities for every row.
    const probabilities: number[][] = new Array(rows.length);
    for (let f = 0; f < FOLDS; f++) {
      const inFold = (i: number) => folds[i] === f;
      const model = trainSoftmax(
        features.filter((_, i) => !inFold(i)),
        gold.filter((_, i) => !inFold(i)),
        CLASSES.length,
        train,
      );
      features.forEach((x, i) => {
        if (inFold(i)) probabilities[i] = softmaxProbabilities(model, x);
      });
    }
    for (const blend of blends) {
      const predicted = rows.map((r, i) =>
        CLASSES.indexOf(blendLabel(probabilities[i], r.findings, CLASSES[ruleLabels[i]], blend)),
      );
      const foldMacroF1 = Array.from({ length: FOLDS }, (_, f) => {
        const at = rows.flatMap((_, i) => (folds[i] === f ? [i] : []));
        return scores(
          at.map((i) => gold[i]),
          at.map((i) => predicted[i]),
        ).macroF1;
      });
      const mean = foldMacroF1.reduce((a, b) => a + b, 0) / FOLDS;
      const sd = Math.sqrt(foldMacroF1.reduce((a, b) => a + (b - mean) ** 2, 0) / (FOLDS - 1));
      const standardError = Number((sd / Math.sqrt(FOLDS)).toFixed(3));
      results.push({
        features: featureOptions,
        train,
        blend,
        cv: { ...scores(gold, predicted), foldMacroF1, standardError },
      });
    }
  }
  console.error(`features ${JSON.stringify(featureOptions)} done`);
}

// The one-standard-error rule: of the settings whose cross-validated macro-F1 (the goal's weaker
// figure) is within one standard error of the best, the most regularised and simplest (largest
// l2, then largest minCount, then no negation marks), then the best macro-F1 and accuracy; on a
// tie, the blend that keeps calm questions neutral, the behaviour the rules promise. Settings
// this close differ by noise, and the simpler one carries better to other support text.
results.sort((a, b) => b.cv.macroF1 - a.cv.macroF1 || b.cv.accuracy - a.cv.accuracy);
const top = results[0];
const candidates = results.filter((r) => r.cv.macroF1 >= top.cv.macroF1 - top.cv.standardError);
candidates.sort(
  (a, b) =>
    b.train.l2 - a.train.l2 ||
    b.train.minCount - a.train.minCount ||
    Number(a.features.negation) - Number(b.features.negation) ||
    b.cv.macroF1 - a.cv.macroF1 ||
    b.cv.accuracy - a.cv.accuracy ||
    Number(b.blend.calmQuestionsStayNeutral) - Number(a.blend.calmQuestionsStayNeutral),
);
const best = candidates[0];
const final = trainSoftmax(
  rows.map((r) => sentimentFeatures(r.findings.tokens, r.findings, best.features)),
  gold,
  CLASSES.length,
  best.train,
);
const file: SentimentModelFile = toModelFile(final as SoftmaxModel, best.features, best.blend, {
  data: 'data/sentiment/tweetsumm-labels.csv (TweetSumm customer turns, CDLA-Sharing 1.0 / CC0)',
  rows: rows.length,
  train: best.train,
  crossValidation: best.cv,
});
const json = `${biomeJson(file)}\n`;
writeFileSync(join(root, 'src/conversation/sentiment-model.json'), json);
const report = {
  labels: {
    rows: rows.length,
    counts: Object.fromEntries(CLASSES.map((c, k) => [c, gold.filter((g) => g === k).length])),
  },
  folds: `${FOLDS}-fold, grouped by dialogue (FNV-1a of the id)`,
  rulesOnly: scores(gold, ruleLabels),
  rule: 'one standard error: the simplest setting within one standard error of the best macro-F1',
  chosen: best,
  bestByMacroF1: top,
  withinOneStandardError: candidates.length,
  configurations: results.length,
  top: results.slice(0, 10),
  blendsOfChosenModel: results.filter(
    (r) => JSON.stringify([r.features, r.train]) === JSON.stringify([best.features, best.train]),
  ),
  modelOnlyBest: results.find((r) => r.blend.rulesDecideAbove === null && !r.blend.calmQuestionsStayNeutral),
  withoutRuleFeaturesBest: results.find((r) => !r.features.rules),
};
writeFileSync(join(root, 'data/sentiment/cross-validation.json'), `${biomeJson(report)}\n`);
console.log(JSON.stringify({ rulesOnly: report.rulesOnly, chosen: best, bytes: json.length }, null, 2));

/**
 * JSON laid out as Biome formats it (objects one key a line, arrays of numbers or strings on one
 * line), so that `biome check` passes and a retrained model's diff shows one feature a line.
 */
function biomeJson(value: unknown, indent = ''): string {
  if (Array.isArray(value) && value.every((x) => typeof x !== 'object' || x === null)) {
    return `[${value.map((x) => JSON.stringify(x)).join(', ')}]`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((x) => inner + biomeJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${biomeJson(x, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
