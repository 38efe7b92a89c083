import { describe, expect, it } from 'vitest';
import { loadTagger } from './model-file.ts';
import { buildTaxonomy, emptyTaxonomy } from './taxonomy.ts';
import { decideLoad } from './taxonomy-changes.ts';
import { trainOffThread } from './training.ts';
import { caseText, correctionWeight, retrainDue, trainingSet } from './training-set.ts';

const spec = (name: string, examples: string[], aliases: Record<string, string[]> = {}) => ({
  name,
  definition: '',
  examples,
  scenario: null,
  aliases,
});

const taxonomy = buildTaxonomy(
  decideLoad(emptyTaxonomy, [
    { path: 'billing', spec: spec('Billing', []) },
    {
      path: 'billing/duplicate-charge',
      spec: spec('Duplicate charge', ['charged twice for my invoice', 'two payments taken'], {
        support: ['double charge'],
      }),
    },
    { path: 'app', spec: spec('App', []) },
    {
      path: 'app/login',
      spec: spec('Login', ['cannot log in to the app', 'password reset email never arrives']),
    },
  ]),
);

describe('trainingSet', () => {
  it('learns from the taxonomy, resolved history read through aliases, and corrections', () => {
    const set = trainingSet(
      taxonomy,
      [
        { caseId: 'c1', text: 'I paid two times this month', tag: 'Double-Charge' },
        { caseId: 'c2', text: 'app keeps logging me out', tag: 'app/login' },
        { caseId: 'c3', text: 'something', tag: 'billing' }, // a parent: too coarse to learn from
        { caseId: 'c4', text: 'whatever', tag: 'no such thing' },
        { caseId: 'c5', text: 'my login fails', tag: 'billing/duplicate-charge' },
      ],
      [{ caseId: 'c5', text: 'my login fails', to: 'app/login' }],
    );
    expect(set.counts).toEqual({ taxonomy: 4, history: 2, corrections: 1, skipped: 2 });
    expect(set.labels).toEqual(['app/login', 'billing/duplicate-charge']);
    expect(set.examples.filter((e) => e.text === 'my login fails')).toHaveLength(correctionWeight);
    expect(set.examples.find((e) => e.text === 'I paid two times this month')!.label).toBe(
      'billing/duplicate-charge',
    );
  });

  it('retrains when there is no model or enough new labels', () => {
    expect(retrainDue({ exists: false, newLabels: 0, newCorrections: 0 }, 20)).toBe(true);
    expect(retrainDue({ exists: true, newLabels: 12, newCorrections: 7 }, 20)).toBe(false);
    expect(retrainDue({ exists: true, newLabels: 12, newCorrections: 8 }, 20)).toBe(true);
  });

  it("reads a case through its subject and the customer's words", () => {
    const text = caseText('Charged twice', [
      { role: 'customer', text: 'Two payments left my account' },
      { role: 'agent', text: 'Passing you to Finance' },
    ]);
    expect(text).toBe('Charged twice\nTwo payments left my account');
  });
});

describe('trainOffThread', () => {
  it('trains on a worker thread and returns a loadable model', async () => {
    const { examples } = trainingSet(taxonomy, [], []);
    const trained = await trainOffThread(examples);
    expect(trained.where).toBe('worker');
    const tagger = loadTagger(JSON.parse(trained.model));
    expect(tagger.predict('I was charged twice').label).toBe('billing/duplicate-charge');
    expect(trained.report.labels).toBe(2);
  });

  it('passes a training error through', async () => {
    await expect(trainOffThread([{ text: 'a', label: 'x' }])).rejects.toThrow(/at least two labels/);
  });
});
