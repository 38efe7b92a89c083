/** The placeholders a warm-handoff template may use: customer-facing facts only, never the packet. */
export const templatePlaceholders = ['customer', 'team', 'owner', 'replyBy'] as const;

const placeholderPattern = /\{([^{}]*)\}/g;

/** The placeholders a template names that are not in the catalogue (a typo or a reach for the packet). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(templatePlaceholders);
  return [...template.matchAll(placeholderPattern)].map((m) => m[1]!).filter((p) => !known.has(p));
}
