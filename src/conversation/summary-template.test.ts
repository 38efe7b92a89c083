import { describe, expect, it } from 'vitest';
import { dialogSentences } from './dialog.ts';
import {
  agentActionSentence,
  agentClause,
  customerClause,
  problemSentences,
  shorten,
  statusClause,
  trimSentence,
} from './summary-template.ts';

const sentences = dialogSentences([
  { role: 'customer', text: 'Hi! So my parcel 123 has not arrived. It was due on Monday.' },
  { role: 'agent', text: "We're sorry to hear that. Could you DM us your address?" },
  { role: 'customer', text: 'Done.' },
  { role: 'agent', text: "Thanks, I've reissued the parcel, it will arrive tomorrow." },
]);

describe('summary template', () => {
  it('trims openers and final punctuation', () => {
    expect(trimSentence('So, hi team, my card is blocked.')).toBe('my card is blocked');
  });

  it('takes the first substantive customer sentences', () => {
    expect(problemSentences(sentences).map((s) => s.text)).toEqual([
      'So my parcel 123 has not arrived.',
      'It was due on Monday.',
    ]);
  });

  it('writes the customer clause in the third person', () => {
    expect(customerClause(problemSentences(sentences))).toBe(
      'Customer is complaining that their parcel 123 has not arrived and it was due on Monday.',
    );
    const praise = dialogSentences([
      { role: 'customer', text: 'I love the new app, the dark mode is great!' },
    ]);
    expect(customerClause(problemSentences(praise))).toBe(
      'Customer says that they love the new app, the dark mode is great.',
    );
    const ask = dialogSentences([{ role: 'customer', text: 'Can I change my delivery date?' }]);
    expect(customerClause(problemSentences(ask))).toBe(
      'Customer is asking can they change their delivery date.',
    );
  });

  it('prefers what the agent did over what they asked', () => {
    const action = agentActionSentence(sentences);
    expect(action?.text).toBe("Thanks, I've reissued the parcel, it will arrive tomorrow.");
    expect(agentClause(action)).toBe('Agent said that we have reissued the parcel, it will arrive tomorrow.');
  });

  it('turns requests into "asked the customer to"', () => {
    const [ask] = dialogSentences([{ role: 'agent', text: 'Could you DM us your address?' }]);
    expect(agentClause(ask)).toBe('Agent asked the customer to DM us their address.');
    expect(agentClause(undefined)).toBe('');
  });

  it('reads "when" without a question mark as a complaint, with one as a question', () => {
    const said = (text: string) =>
      customerClause(problemSentences(dialogSentences([{ role: 'customer', text }])));
    expect(said("When you charge £1.65 for three onions I don't expect them to look like this")).toMatch(
      /^Customer is complaining that when we charge/,
    );
    expect(said('When will my refund arrive?')).toMatch(/^Customer is asking when will their refund arrive/);
    expect(said('What a mess, the engineer never came and nobody called')).toMatch(
      /^Customer is complaining that what a mess/,
    );
  });

  it('says an apology or thanks before a name as such, not as "said that Andi"', () => {
    const [sorry, thanks] = dialogSentences([
      { role: 'agent', text: 'Apologies for the disruption to your journey this evening, Andi ^KS' },
      { role: 'agent', text: 'Thank you, Maria!' },
    ]);
    expect(agentClause(sorry)).toBe('Agent apologised for the disruption to their journey this evening.');
    expect(agentClause(thanks)).toBe('Agent thanked the customer.');
    // What follows the courtesy is kept when it is more than a name.
    const [done] = dialogSentences([{ role: 'agent', text: 'Sorry, fixed now.' }]);
    expect(agentClause(done)).toBe('Agent said that fixed now.');
  });

  it('shortens long sentences at a clause boundary', () => {
    expect(shorten('one two three, four five six seven', 5)).toBe('one two three');
    expect(shorten('short one', 5)).toBe('short one');
  });

  it('reports a confirmed fix only from the last customer message', () => {
    expect(statusClause(sentences)).toBe('');
    const fixed = dialogSentences([
      { role: 'customer', text: 'It worked before the update.' },
      { role: 'customer', text: 'All sorted now, thanks' },
    ]);
    expect(statusClause(fixed)).toBe('Customer confirmed the issue is resolved.');
  });
});
