import { expect, it } from 'vitest';
import { parseMentions } from './mentions.ts';

it('finds @localpart and @team-key mentions, not email addresses', () => {
  expect(parseMentions('@grace can you look? cc @Finance.')).toEqual(['grace', 'finance']);
  expect(parseMentions('Customer wrote from ana@example.com, see @first.last, @tier2!')).toEqual([
    'first.last',
    'tier2',
  ]);
  expect(parseMentions('(@mateo) and @mateo again')).toEqual(['mateo']);
  expect(parseMentions('no mention here, just an @ sign')).toEqual([]);
});
