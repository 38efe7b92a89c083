import { describe, expect, it } from 'vitest';
import type { LabelledExample } from './csv.ts';
import { loadTagger, serializeTagger } from './model-file.ts';
import { seededRandom } from './random.ts';
import { shouldAbstain, TaggerError, trainTagger } from './tagger.ts';

const topics: Record<string, string[]> = {
  'billing/duplicate-charge': ['charged', 'twice', 'duplicate', 'payment', 'invoice', 'double', 'billed'],
  'shipping/late': ['parcel', 'delivery', 'late', 'courier', 'tracking', 'arrived', 'package'],
  'account/locked': ['password', 'login', 'locked', 'account', 'reset', 'sign', 'blocked'],
  'plan/cancel': ['cancel', 'subscription', 'plan', 'stop', 'renewal', 'terminate', 'membership'],
};
const filler = ['hi', 'please', 'my', 'the', 'i', 'help', 'need', 'thanks', 'today', 'still', 'why', 'is'];

/** Messages made of two or three words of their topic among shared filler words. */
function history(perLabel: number, seed: number): LabelledExample[] {
  const random = seededRandom(seed);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)];
  const out: LabelledExample[] = [];
  for (let i = 0; i < perLabel; i++) {
    for (const [label, words] of Object.entries(topics)) {
      const parts = Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(filler));
      for (let j = 0; j < 2 + Math.floor(random() * 2); j++) {
        parts.splice(Math.floor(random() * parts.length), 0, pick(words));
      }
      out.push({ text: parts.join(' '), label });
    }
  }
  return out;
}

const tagger = trainTagger(history(30, 1));

describe('trainTagger', () => {
  it('learns separable classes and tags fresh messages', () => {
    const fresh = history(25, 2);
    const right = fresh.filter((x) => tagger.predict(x.text).label === x.label).length;
    expect(right / fresh.length).toBeGreaterThanOrEqual(0.95);
    expect(tagger.predict('I was charged twice, duplicate payment').label).toBe('billing/duplicate-charge');
    expect(tagger.predict('Cancelling my subscriptions').label).toBe('plan/cancel'); // unseen inflection
  });

  it('reports cross-validated accuracy and calibration on small histories', () => {
    expect(tagger.report).toMatchObject({ rows: 120, labels: 4 });
    expect(tagger.report.heldOut).toMatchObject({ method: 'cross-validation', rows: 120 });
    expect(tagger.report.heldOut!.accuracy).toBeGreaterThan(0.9);
    expect(tagger.report.temperature).toBeGreaterThan(0);
  });

  it('gives calibrated confidences in [0, 1] and the top three, most confident first', () => {
    for (const text of ['parcel late', 'hello', '', 'reset login password now', '€€€ 123']) {
      const prediction = tagger.predict(text);
      expect(prediction.top).toHaveLength(3);
      expect(prediction.top[0]).toEqual({ label: prediction.label, confidence: prediction.confidence });
      for (let i = 0; i < 3; i++) {
        expect(prediction.top[i].confidence).toBeGreaterThanOrEqual(0);
        expect(prediction.top[i].confidence).toBeLessThanOrEqual(1);
        if (i > 0) expect(prediction.top[i].confidence).toBeLessThanOrEqual(prediction.top[i - 1].confidence);
      }
      expect(prediction.top.reduce((sum, t) => sum + t.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(tagger.predict('parcel', 10).top).toHaveLength(4);
    expect(tagger.predict('courier tracking delivery').confidence).toBeGreaterThan(
      tagger.predict('hi please').confidence,
    );
  });

  it('takes partial settings, merged over the defaults', () => {
    const wordsOnly = trainTagger(history(10, 5), { features: { charMaxN: 0 }, linear: { c: 0.5 } });
    expect(wordsOnly.vectorizer.size).toBe(wordsOnly.vectorizer.wordCount);
    expect(wordsOnly.vectorizer.options.wordMaxN).toBe(2);
  });

  it('is deterministic', () => {
    const again = trainTagger(history(30, 1));
    expect(again.predict('my parcel is late')).toEqual(tagger.predict('my parcel is late'));
  });

  it('needs two labels, and trains without measuring on a handful of rows', () => {
    expect(() => trainTagger([{ text: 'a', label: 'x' }])).toThrow(TaggerError);
    expect(() => trainTagger([])).toThrow(TaggerError);
    const tiny = trainTagger(history(2, 3));
    expect(tiny.report.heldOut).toBeNull();
    expect(tiny.predict('password reset').confidence).toBeLessThanOrEqual(1);
  });
});

describe('shouldAbstain', () => {
  it('withholds suggestions below the threshold', () => {
    expect(shouldAbstain({ label: 'x', confidence: 0.4 }, 0.5)).toBe(true);
    expect(shouldAbstain({ label: 'x', confidence: 0.5 }, 0.5)).toBe(false);
    expect(tagger.report.abstainBelow).toBeGreaterThanOrEqual(0);
    expect(tagger.report.abstainBelow).toBeLessThanOrEqual(1);
  });
});

describe('model file', () => {
  const file = JSON.parse(JSON.stringify(serializeTagger(tagger)));

  it('round-trips through JSON with identical predictions', () => {
    const loaded = loadTagger(file);
    expect(loaded.labels).toEqual(tagger.labels);
    expect(loaded.report).toEqual(tagger.report);
    for (const { text } of history(10, 4)) expect(loaded.predict(text)).toEqual(tagger.predict(text));
    expect(loaded.predict('')).toEqual(tagger.predict(''));
    expect(file).toMatchObject({ format: 'baton-tagger', version: 1 });
  });

  it('refuses foreign, newer or damaged files with a clear message', () => {
    expect(() => loadTagger({ hello: 1 })).toThrow(/not a Baton tagger model/);
    expect(() => loadTagger(null)).toThrow(TaggerError);
    expect(() => loadTagger({ ...file, version: 2 })).toThrow(/version 2/);
    expect(() => loadTagger({ ...file, labels: 'x' })).toThrow(/invalid tagger model/);
    expect(() => loadTagger({ ...file, levels: file.levels.slice(0, 8) })).toThrow(/sizes/);
    expect(() => loadTagger({ ...file, bias: [1] })).toThrow(/sizes/);
  });
});
