// What the organisation's tagger learns from: the taxonomy's own examples (so a new organisation
// has a model at once), cases labelled in history, and agents' corrections (which outrank the
// case's tag and count several times). Pure.
import type { LabelledExample } from './csv.ts';
import { normaliseTag } from './normalise.ts';
import { leafTypes, resolveType, type Taxonomy } from './taxonomy.ts';

/** A case whose tag was confirmed by its handoffs resolving. */
export type LabelledCase = { caseId: string; text: string; tag: string };
/** An agent's correction of a case's type, newest last. */
export type CorrectionLabel = { caseId: string; text: string; to: string };

export type TrainingSet = {
  examples: LabelledExample[];
  labels: string[];
  counts: { taxonomy: number; history: number; corrections: number; skipped: number };
};

/** A correction is repeated this many times: one person's fix should move the model. */
export const correctionWeight = 3;

export function trainingSet(
  taxonomy: Taxonomy,
  history: LabelledCase[],
  corrections: CorrectionLabel[],
): TrainingSet {
  const leaves = new Set(leafTypes(taxonomy));
  // Tags repeat: each distinct one is read once.
  const read = new Map<string, string | null>();
  const leaf = (tag: string) => {
    if (!read.has(tag)) {
      const type = resolveType(taxonomy, tag)?.path ?? normaliseTag(taxonomy, tag);
      read.set(tag, type && leaves.has(type) ? type : null);
    }
    return read.get(tag)!;
  };
  const examples: LabelledExample[] = [];
  const counts = { taxonomy: 0, history: 0, corrections: 0, skipped: 0 };
  for (const label of leaves) {
    for (const text of taxonomy.types.get(label)!.spec.examples) {
      examples.push({ text, label });
      counts.taxonomy++;
    }
  }
  const corrected = new Map<string, CorrectionLabel>();
  for (const c of corrections) corrected.set(c.caseId, c);
  for (const item of history) {
    if (corrected.has(item.caseId)) continue;
    const label = leaf(item.tag);
    if (!label || !item.text.trim()) {
      counts.skipped++;
      continue;
    }
    examples.push({ text: item.text, label });
    counts.history++;
  }
  for (const c of corrected.values()) {
    const label = leaf(c.to);
    if (!label || !c.text.trim()) {
      counts.skipped++;
      continue;
    }
    for (let i = 0; i < correctionWeight; i++) examples.push({ text: c.text, label });
    counts.corrections++;
  }
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  return { examples, labels, counts };
}

/** The text the tagger reads for a case: its subject and what the customer wrote. */
export function caseText(subject: string, messages: { role: string; text: string }[], limit = 4000): string {
  const customer = messages.filter((m) => m.role === 'customer');
  const parts = [
    subject,
    ...(customer.length > 0 ? customer : messages.filter((m) => m.role !== 'internal')).map((m) => m.text),
  ];
  const text = parts.filter((p) => p.trim()).join('\n');
  return text.length > limit ? text.slice(0, limit) : text;
}

/** Retrain once enough has been learnt since the last model (or when there is none). */
export function retrainDue(
  last: { exists: boolean; newLabels: number; newCorrections: number },
  threshold: number,
) {
  return !last.exists || last.newLabels + last.newCorrections >= threshold;
}
