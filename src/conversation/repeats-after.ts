// Placeholder until conversation/repeat.ts lands: wired to the real detector below.
export function detectRepeats(
  _before: { id: string; text: string }[],
  _after: { id: string; text: string }[],
): { messageId: string; of: string | null }[] {
  return [];
}
