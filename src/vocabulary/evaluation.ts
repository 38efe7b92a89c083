// Measuring a tagger: seeded stratified splits and the scores the README and benchmark report.
import { seededRandom, shuffleInPlace } from './random.ts';

/**
 * Splits items so each label keeps its share in both parts: `testFraction` of every label's items
 * (rounded, at least one when the label has two or more) go to `test`, in a seeded random order.
 */
export function stratifiedSplit<T extends { label: string }>(
  items: T[],
  testFraction: number,
  seed: number,
): { train: T[]; test: T[] } {
  const byLabel = new Map<string, T[]>();
  for (const item of items) {
    const group = byLabel.get(item.label) ?? [];
    group.push(item);
    byLabel.set(item.label, group);
  }
  const random = seededRandom(seed);
  const train: T[] = [];
  const test: T[] = [];
  for (const group of byLabel.values()) {
    shuffleInPlace(group, random);
    const cut = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * testFraction));
    test.push(...group.slice(0, cut));
    train.push(...group.slice(cut));
  }
  shuffleInPlace(train, random);
  shuffleInPlace(test, random);
  return { train, test };
}

/** Splits into `folds` stratified parts; part i is the test set of fold i. */
export function stratifiedFolds<T extends { label: string }>(items: T[], folds: number, seed: number): T[][] {
  const byLabel = new Map<string, T[]>();
  for (const item of items) byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item]);
  const random = seededRandom(seed);
  const parts: T[][] = Array.from({ length: folds }, () => []);
  let next = 0;
  for (const group of byLabel.values()) {
    shuffleInPlace(group, random);
    // Dealing round-robin, continuing across labels, keeps the parts within one item of each other.
    for (const item of group) parts[next++ % folds].push(item);
  }
  return parts;
}

export function accuracy(truth: string[], predicted: string[]): number {
  if (truth.length === 0) return 0;
  let right = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) right++;
  return right / truth.length;
}

/** Unweighted mean of per-label F1 over the labels present in `truth` or `predicted`. */
export function macroF1(truth: string[], predicted: string[]): number {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === predicted[i]) bump(tp, truth[i]);
    else {
      bump(fn, truth[i]);
      bump(fp, predicted[i]);
    }
  }
  const labels = new Set([...truth, ...predicted]);
  if (labels.size === 0) return 0;
  let sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const denominator = 2 * t + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    sum += denominator === 0 ? 0 : (2 * t) / denominator;
  }
  return sum / labels.size;
}
