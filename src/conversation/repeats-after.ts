import { detectRepeat } from './repeat.ts';

/**
 * Customer messages after a handoff that explain again what the customer had already said before
 * it (the seed's "the customer had to repeat the problem twice").
 */
export function detectRepeats(
  before: readonly { id: string; text: string }[],
  after: readonly { id: string; text: string }[],
): { messageId: string; of: string | null; similarity: number; phrase?: string }[] {
  const out: { messageId: string; of: string | null; similarity: number; phrase?: string }[] = [];
  if (before.length === 0) return out;
  const earlier = before.map((m) => m.text);
  for (const m of after) {
    const r = detectRepeat(earlier, m.text);
    if (r.repeated)
      out.push({
        messageId: m.id,
        of: r.of === undefined ? null : before[r.of]!.id,
        similarity: r.similarity,
        phrase: r.phrase,
      });
  }
  return out;
}
