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

  it('tells what the customer says of the company as the team says it: we, us, our', () => {
    expect(customerToThird("hi, your plumber fixed my bathroom tap and now it drips when it's off")).toBe(
      "hi, our plumber fixed their bathroom tap and now it drips when it's off",
    );
    expect(customerToThird('You charged me twice')).toBe('we charged them twice');
    expect(customerToThird('I called you three times and you never called back')).toBe(
      'they called us three times and we never called back',
    );
    expect(customerToThird('Why did you cancel my flight?')).toBe('Why did we cancel their flight?');
    expect(customerToThird("your app keeps crashing, are you guys aware? You're not listening")).toBe(
      'our app keeps crashing, are we aware? we are not listening',
    );
  });

  it("takes the customer's own 'we' (their household, their business) as 'they'", () => {
    expect(customerToThird('Three invoices for our managed properties are wrong, can you help us?')).toBe(
      'Three invoices for their managed properties are wrong, can we help them?',
    );
    expect(customerToThird("we've been waiting for your engineer since 8")).toBe(
      'they have been waiting for our engineer since 8',
    );
  });

  it('leaves thanks as said', () => {
    expect(customerToThird('Thank you so much for your help')).toBe('Thank you so much for your help');
  });

  it('leaves only the clause that thanks as said', () => {
    expect(customerToThird('Thank you, but your engineer never came')).toBe(
      'Thank you, but our engineer never came',
    );
    expect(customerToThird('You charged me twice; thank you for fixing it')).toBe(
      'we charged them twice; thank you for fixing it',
    );
    expect(customerToThird('Thanks for your reply however you still have not refunded me')).toBe(
      'Thanks for your reply however we still have not refunded them',
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

  it('tells the agent, who speaks for the team, as "we"', () => {
    expect(agentToThird("I'll move you to chat so you can send it")).toBe(
      'we will move them to chat so they can send it',
    );
    expect(agentToThird('Let me check that for you, my colleague was on it')).toBe(
      'Let us check that for them, our colleague was on it',
    );
  });

  it('takes a "you" that opens a clause, or comes before a past verb, as the subject', () => {
    expect(agentToThird('You restarted the router already?')).toBe('they restarted the router already?');
    expect(agentToThird('Ok, you can restart the router')).toBe('Ok, they can restart the router');
    expect(agentToThird("We'll call you back but you must confirm")).toBe(
      "We'll call them back but they must confirm",
    );
    expect(agentToThird("I've sent you detailed instructions")).toBe(
      'we have sent them detailed instructions',
    );
  });
});

describe('lowerFirst', () => {
  it('keeps acronyms', () => {
    expect(lowerFirst('Please DM us')).toBe('please DM us');
    expect(lowerFirst('DM us')).toBe('DM us');
  });
});
