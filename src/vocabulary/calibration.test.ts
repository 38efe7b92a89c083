import { describe, expect, it } from 'vitest';
import {
  expectedCalibrationError,
  fitTemperature,
  type ScoredGuess,
  softmax,
  temperatureRange,
  thresholdForPrecision,
} from './calibration.ts';
import { seededRandom } from './random.ts';

describe('softmax', () => {
  it('sums to 1, keeps order, and sharpens as the temperature falls', () => {
    const warm = softmax([2, 1, 0], 1);
    const cold = softmax([2, 1, 0], 0.1);
    expect(warm.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(warm[0]).toBeGreaterThan(warm[1]);
    expect(cold[0]).toBeGreaterThan(warm[0]);
    expect(softmax([1000, -1000], 0.001)[0]).toBe(1); // no overflow
  });
});

describe('fitTemperature', () => {
  it('recovers the temperature that generated the labels', () => {
    const random = seededRandom(3);
    const scores: Float64Array[] = [];
    const truth: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const s = Float64Array.from({ length: 4 }, () => random() * 2 - 1);
      const p = softmax(s, 0.25);
      let u = random();
      let k = 0;
      while (k < 3 && u > p[k]) u -= p[k++];
      scores.push(s);
      truth.push(k);
    }
    expect(fitTemperature(scores, truth)).toBeCloseTo(0.25, 1);
  });

  it('stays finite when every held-out example is right', () => {
    const scores = [Float64Array.of(1, -1), Float64Array.of(-1, 1)];
    const t = fitTemperature(scores, [0, 1]);
    expect(t).toBeGreaterThan(temperatureRange.min * 2);
    expect(softmax(scores[0], t)[0]).toBeLessThan(1);
  });
});

describe('expectedCalibrationError', () => {
  it('is 0 when confidence matches accuracy and grows with overconfidence', () => {
    // 10 guesses at 0.75 of which 8 are right: one bin, |0.8 - 0.75| = 0.05.
    const slightlyShy: ScoredGuess[] = Array.from({ length: 10 }, (_, i) => ({
      confidence: 0.75,
      correct: i < 8,
    }));
    expect(expectedCalibrationError(slightlyShy)).toBeCloseTo(0.05, 10);
    const perfect = [0.25, 0.25, 0.25, 0.25].map((confidence, i) => ({ confidence, correct: i === 0 }));
    expect(expectedCalibrationError(perfect)).toBeCloseTo(0, 12);
    const over = [1, 1, 1, 1].map((confidence, i) => ({ confidence, correct: i < 2 }));
    expect(expectedCalibrationError(over)).toBeCloseTo(0.5, 12);
  });
});

describe('thresholdForPrecision', () => {
  const guesses = [
    { confidence: 0.9, correct: true },
    { confidence: 0.8, correct: true },
    { confidence: 0.7, correct: false },
    { confidence: 0.6, correct: true },
    { confidence: 0.5, correct: false },
  ];

  it('finds the lowest threshold whose kept guesses are precise enough', () => {
    expect(thresholdForPrecision(guesses, 1)).toBe(0.8);
    expect(thresholdForPrecision(guesses, 0.75)).toBe(0.6);
    expect(thresholdForPrecision(guesses, 0.5)).toBe(0);
  });

  it('never splits guesses of equal confidence, and gives 1 when nothing qualifies', () => {
    const tied = [
      { confidence: 0.9, correct: true },
      { confidence: 0.9, correct: false },
    ];
    expect(thresholdForPrecision(tied, 0.9)).toBe(1);
    expect(thresholdForPrecision([], 0.9)).toBe(1);
  });
});
