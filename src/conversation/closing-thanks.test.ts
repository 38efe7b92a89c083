import { describe, expect, it } from 'vitest';
import { isClosingThanks } from './closing-thanks.ts';

describe('a closing thank-you', () => {
  it('is a short reply that only thanks or acknowledges', () => {
    for (const text of [
      'Thanks!',
      'thank you so much',
      'Cheers, forwarded to the accountant.',
      'yes thank you. that’s a weight off',
      'Perfect, got the refund. Thanks for your help!',
      'Brilliant, got the corrected invoice.',
      'No worries, thanks again for sorting it',
      'Muchas gracias',
      'Merci beaucoup !',
      'ok great',
    ])
      expect(isClosingThanks(text), text).toBe(true);
  });

  it('is not a question, a new or lasting problem, a complaint, or a long message', () => {
    for (const text of [
      '',
      'Thanks, but it still does not work',
      'Thank you. When will the engineer come',
      'Thanks, is there anything else I need to send?',
      "Thanks, although the refund hasn't arrived",
      'Thanks. The boiler is broken again.',
      'thanks for nothing',
      'Great, another week without heating. Thanks a lot.',
      'The engineer came and fixed it.',
      'Hello, I have a new problem with my thermostat, thanks',
      `Thanks for sorting the invoice. ${'I also wanted to tell you about my neighbour and the other house we bought last spring in town. '.repeat(2)}`,
      'Thanks, the direct debit doesn’t show on my statement',
    ])
      expect(isClosingThanks(text), text).toBe(false);
  });
});
