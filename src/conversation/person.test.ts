import { describe, expect, it } from 'vitest';
import { agentToThird, customerToThird, lowerFirst } from './person.ts';

describe('customerToThird', () => {
  it('rewrites the customer in the third person', () => {
    expect(customerToThird("I've restarted my phone but it won't let me log in")).toBe(
      "they have restarted their phone but it won't let them log in",
    );
    expect(customerToThird('I am still waiting, I was told it would take a day')).toBe(
      'they are still waiting, they were told it would take a day',
    );
  });
});

describe('agentToThird', () => {
  it('rewrites "you" as the customer', () => {
    expect(agentToThird('Can you send us your order number so we can help you?')).toBe(
      'Can they send us their order number so we can help them?',
    );
    expect(agentToThird("You'll receive an email")).toBe('they will receive an email');
  });
});

describe('lowerFirst', () => {
  it('keeps acronyms', () => {
    expect(lowerFirst('Please DM us')).toBe('please DM us');
    expect(lowerFirst('DM us')).toBe('DM us');
  });
});
