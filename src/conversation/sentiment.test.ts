import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOf, scoreSentiment, squash } from './sentiment.ts';

const label = (text: string) => scoreSentiment(text).label;

describe('scoreSentiment', () => {
  it('reads support complaints as negative', () => {
    for (const text of [
      'Still waiting for my refund, third time I contact you.',
      'I have been on hold for two hours. Nobody answers.',
      'This is unacceptable. Cancel my account.',
      'My order never arrived and no one replies to my emails',
      'the app keeps crashing every time I open it',
      'Why is my card blocked AGAIN???',
    ]) {
      expect(label(text), text).toBe('negative');
    }
  });

  it('reads complaints without strong words as negative', () => {
    for (const text of [
      'Your staff could care less about customers.',
      'I already explained this to your colleague, it makes no sense.',
      'Every single time I call, nobody answers.',
      'Still not heard back about my claim.',
    ]) {
      expect(label(text), text).toBe('negative');
    }
  });

  it('reads a plain question about a problem as milder than a complaint about it', () => {
    const question = scoreSentiment('Is my order cancelled? I was not charged yet.').score;
    const complaint = scoreSentiment('My order was cancelled and I was charged anyway.').score;
    expect(question).toBeGreaterThan(complaint);
    expect(scoreSentiment('What is the status of my refund?').score).toBeGreaterThan(-0.25);
  });

  it('reads thanks and praise as positive', () => {
    for (const text of [
      'Thank you so much, that fixed it!',
      'Great service, the agent was super helpful 👍',
      'Thanks a lot for sorting this out so quickly :)',
    ]) {
      expect(label(text), text).toBe('positive');
    }
  });

  it('keeps plain questions and information neutral', () => {
    for (const text of [
      'What is the status of order 44821?',
      'Can I change the delivery address on my order?',
      'My account number is 1234-5678.',
      'Do you ship to Canada?',
    ]) {
      expect(label(text), text).toBe('neutral');
    }
  });

  it('does not call calm questions or polite new information negative', () => {
    for (const text of [
      'Hi, can I change the delivery address on order 5521 before it ships?',
      'Is my order cancelled?',
      'I was wondering if the refund for my cancelled order has gone through?',
      'Just to let you know, my new phone number is 07700 900123.',
      'Quick update: I moved house last week, the new address is 12 Mill Lane.',
      'Can you send me a receipt for my order? Thanks',
      'Hello team, how do I reset my password?',
      'ok',
    ]) {
      expect(label(text), text).not.toBe('negative');
    }
  });

  it('reads a thanks that closes a request as courtesy, and thanks for help as praise', () => {
    expect(label('Can you send me a receipt for my order? Thanks')).toBe('neutral');
    expect(label('Thanks for the help!')).toBe('positive');
    expect(label('Thank you, that fixed it')).toBe('positive');
  });

  it('reads sarcasm and repeated asking as negative', () => {
    for (const text of [
      'Thanks for nothing.',
      'Thanks for not answering my emails.',
      'Great, another delay.',
      'Awesome. My parcel is lost again and nobody answers.',
      'Lost my bag again. Love this service!',
      "This is the third time I'm asking for my refund.",
      'Yay for delays!',
    ]) {
      expect(label(text), text).toBe('negative');
    }
  });

  it('reads failed actions, hashtags and stretched words', () => {
    for (const text of [
      "I still can't log in.",
      "The app won't load and the payment didn't go through.",
      'Same problem again after the update.',
      '#nothappy with the service',
      'soooo disappointed',
    ]) {
      expect(label(text), text).toBe('negative');
    }
    expect(label("I don't live there any more, the new address is 4 Elm Road.")).toBe('neutral');
  });

  it('keeps a mixed message mixed rather than ironic', () => {
    const mixed = scoreSentiment('The agent was lovely. Sadly the parcel is still missing.').score;
    const ironic = scoreSentiment('Lovely. Sadly the parcel is still missing.').score;
    expect(mixed).toBeGreaterThan(ironic);
  });

  it('handles negation', () => {
    expect(scoreSentiment('The agent was helpful').score).toBeGreaterThan(0);
    expect(scoreSentiment('The agent was not helpful').score).toBeLessThan(0);
    expect(scoreSentiment('not bad at all').score).toBeGreaterThan(0);
  });

  it('strengthens with intensifiers, shouting and exclamation marks', () => {
    const plain = scoreSentiment('the delivery was bad').score;
    expect(scoreSentiment('the delivery was really bad').score).toBeLessThan(plain);
    expect(scoreSentiment('the delivery was BAD').score).toBeLessThan(plain);
    expect(scoreSentiment('the delivery was bad!!!').score).toBeLessThan(plain);
  });

  it('reads emoji', () => {
    expect(scoreSentiment('my parcel 😡').score).toBeLessThan(0);
    expect(scoreSentiment('my parcel arrived 😍').score).toBeGreaterThan(0);
  });

  it('weighs what follows "but" more', () => {
    expect(label('The agent was nice but the problem is still not fixed')).toBe('negative');
  });

  it('ignores handles and links', () => {
    expect(scoreSentiment('@worstshop https://t.co/terrible').label).toBe('neutral');
  });

  it('stays in [-1, 1] for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { score, label: l } = scoreSentiment(text);
        expect(score).toBeGreaterThanOrEqual(-1);
        expect(score).toBeLessThanOrEqual(1);
        expect(['negative', 'neutral', 'positive']).toContain(l);
      }),
      { numRuns: 200 },
    );
  });
});

describe('squash and labelOf', () => {
  it('squashes monotonically into (-1, 1)', () => {
    expect(squash(0)).toBe(0);
    expect(squash(2)).toBeLessThan(squash(5));
    expect(squash(-100)).toBeGreaterThanOrEqual(-1);
  });

  it('labels by thresholds', () => {
    expect(labelOf(-0.5)).toBe('negative');
    expect(labelOf(0)).toBe('neutral');
    expect(labelOf(0.9)).toBe('positive');
    expect(labelOf(0.2, { negativeBelow: -0.1, positiveAbove: 0.1, winkWeight: 0 })).toBe('positive');
  });
});
