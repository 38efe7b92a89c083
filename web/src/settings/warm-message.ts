import { templatePlaceholders, unknownPlaceholders } from '../../../src/continuity/placeholders.ts';

export { unknownPlaceholders };
export const placeholders = templatePlaceholders;

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** `es` -> "Spanish", `pt-BR` -> "Brazilian Portuguese"; an unknown tag stays as it is. */
export function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** What a lead should fix before saving, said as the API would: unknown placeholders, no reply time. */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  const unknown = unknownPlaceholders(text);
  if (unknown.length) problems.push(`unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}`);
  if (text.trim() && !text.includes('{replyBy}')) problems.push('no reply time: add {replyBy}');
  return problems;
}
