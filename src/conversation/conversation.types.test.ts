import { describe, expect, it } from 'vitest';
import { dialogLineSchema, issueText, messageLineSchema } from './conversation.types.ts';

describe('conversation types', () => {
  it('accepts the CLI line shapes', () => {
    expect(messageLineSchema.parse({ id: 'm1', text: 'hi' })).toEqual({ id: 'm1', text: 'hi' });
    expect(dialogLineSchema.parse({ id: 7, turns: [{ role: 'bot', text: 'hello' }] }).turns).toHaveLength(1);
  });

  it('names the field at fault', () => {
    const result = dialogLineSchema.safeParse({ id: 'd', turns: [{ role: 'boss', text: 'x' }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(issueText(result.error)).toMatch(/^turns\.0\.role: /);
  });
});
