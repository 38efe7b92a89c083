import { statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOf, ruleFindings, scoreSentiment } from './sentiment.ts';
import modelFile from './sentiment-model.json' with { type: 'json' };
import { blendLabel, blendScore, fromModelFile, isCalmQuestion } from './sentiment-model.ts';

const label = (text: string) => scoreSentiment(text).label;

describe('the shipped sentiment model', () => {
  it('loads, with the classes, blend and training record it was written with', () => {
    const { model, file } = fromModelFile(modelFile);
    expect(file.classes).toEqual(['negative', 'neutral', 'positive']);
    expect(file.trained.rows).toBeGreaterThanOrEqual(1500);
    expect(model.weights.size).toBeGreaterThan(1000);
    expect(model.weights.has('r:score')).toBe(true);
    // Small enough to ship in the package and load at start-up.
    expect(statSync(new URL('./sentiment-model.json', import.meta.url)).size).toBeLessThan(300_000);
  });

  it('refuses a file of another format or shape, saying why', () => {
    expect(() => fromModelFile({ ...modelFile, format: 'other' })).toThrow(/format/);
    expect(() => fromModelFile({ ...modelFile, bias: [0, 0] })).toThrow(/bias/);
    expect(() => fromModelFile({ ...modelFile, weights: { 'w:x': [1, 'a', 2] } })).toThrow(/w:x/);
    expect(() => fromModelFile(null)).toThrow(/format/);
  });

  it('scores the same text the same way every time', () => {
    const text = 'Still no refund after three weeks, and nobody answers my emails.';
    expect(scoreSentiment(text)).toEqual(scoreSentiment(text));
  });

  it('does not call calm questions, information and thanks negative', () => {
    for (const text of [
      '@AcmeHelp hi, can you tell me when my order will arrive?',
      'What is the status of my refund?',
      'When will I get my refund?',
      'Do you deliver to Ireland?',
      "I've sent you a DM with my order number.",
      'My booking reference is QX7PLM',
      'Yes, I restarted the router and the lights are green now.',
      'Ok thanks',
      'Done.',
      "It's working now, thank you for your help :)",
    ]) {
      expect(label(text), text).not.toBe('negative');
    }
  });

  it('reads complaints and unsolved problems as negative', () => {
    for (const text of [
      'I have been waiting three weeks for my refund and nobody replies.',
      'The app keeps crashing since the update, fix it',
      'Tried that, still does not work.',
      'Thanks for nothing.',
      'My parcel was marked delivered but it never arrived',
    ]) {
      expect(label(text), text).toBe('negative');
    }
  });

  it('reads thanks and praise as positive', () => {
    for (const text of [
      'Brilliant, thank you so much for sorting this out!',
      'The staff were excellent, keep up the good work',
      'All sorted now, thanks again!',
    ]) {
      expect(label(text), text).toBe('positive');
    }
  });

  it('never gives a score that contradicts its label', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const { score, label } = scoreSentiment(text);
        expect(labelOf(score)).toBe(label);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the rules alone when asked', () => {
    const text = 'When will I get my refund?';
    expect(scoreSentiment(text, { useModel: false }).score).toBe(ruleFindings(text).score);
  });
});

describe('blending the model with the rules', () => {
  const findings = ruleFindings('hello');
  const bands = { negativeBelow: -0.05, positiveAbove: 0.5 };

  it('lets strong rule scores decide and the model decide the rest', () => {
    const strong = { ...findings, score: -0.9 };
    const blend = { rulesDecideAbove: 0.8, calmQuestionsStayNeutral: false };
    expect(blendLabel([0.1, 0.2, 0.7], strong, 'negative', blend)).toBe('negative');
    expect(blendLabel([0.1, 0.2, 0.7], { ...findings, score: -0.3 }, 'negative', blend)).toBe('positive');
  });

  it('keeps a calm question neutral but leaves a "why" question to the model', () => {
    const calm = ruleFindings('When will my order arrive?');
    const why = ruleFindings('Why has my order not arrived?');
    expect(isCalmQuestion(calm)).toBe(true);
    expect(isCalmQuestion(why)).toBe(false);
    const blend = { rulesDecideAbove: null, calmQuestionsStayNeutral: true };
    expect(blendLabel([0.9, 0.05, 0.05], calm, 'neutral', blend)).toBe('neutral');
  });

  it("keeps the rules' score when they agree and moves the model's into its label's band", () => {
    expect(blendScore('negative', -0.4, 'negative', [0.8, 0.1, 0.1], bands)).toBe(-0.4);
    expect(blendScore('negative', 0.1, 'neutral', [0.5, 0.4, 0.1], bands)).toBe(-0.4);
    expect(blendScore('negative', 0.1, 'neutral', [0.45, 0.1, 0.45], bands)).toBe(-0.06);
    expect(blendScore('positive', 0, 'neutral', [0.1, 0.3, 0.6], bands)).toBe(0.51);
    expect(blendScore('neutral', -0.7, 'negative', [0.2, 0.7, 0.1], bands)).toBe(-0.05);
  });
});
