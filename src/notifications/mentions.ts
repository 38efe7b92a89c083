/**
 * The handles mentioned in an internal note: `@grace` (a person's email local part) or `@finance`
 * (a team key). An address such as `ana@example.com` is not a mention; trailing punctuation is dropped.
 */
export function parseMentions(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(^|[^\w@.+-])@([a-z0-9][a-z0-9._+-]{0,63})/gi)) {
    const handle = m[2]!.replace(/[._+-]+$/, '').toLowerCase();
    if (handle) found.add(handle);
  }
  return [...found];
}
