import { describe, expect, it } from 'vitest';
import { actionKind, isSelfHelp, saysResolved } from './actions.ts';

describe('actionKind', () => {
  it('recognises what agents did, asked, and promised', () => {
    expect(actionKind("I've reset your password.")).toBe('done');
    expect(actionKind('We refunded the second charge this morning.')).toBe('done');
    expect(actionKind('Your refund has been processed.')).toBe('done');
    expect(actionKind('Please try restarting the app.')).toBe('instruction');
    expect(actionKind('Have you tried reinstalling it?')).toBe('instruction');
    expect(actionKind('Restart the router and wait two minutes.')).toBe('instruction');
    expect(actionKind('DM us your email address and we can look into it.')).toBe('channel');
    expect(actionKind('Please reach out to our billing team.')).toBe('channel');
    expect(actionKind("We'll follow up with you by Friday.")).toBe('promise');
  });

  it('ignores sympathy and small talk', () => {
    expect(actionKind("We're sorry to hear that.")).toBeUndefined();
    expect(actionKind('Thanks for reaching out!')).toBeUndefined();
  });
});

describe('isSelfHelp and saysResolved', () => {
  it('finds what the customer tried and whether it is solved', () => {
    expect(isSelfHelp('I’ve restarted both, also un-paired then re-paired the watch.')).toBe(true);
    expect(isSelfHelp('My watch does not count steps.')).toBe(false);
    expect(saysResolved('That worked, thank you!')).toBe(true);
    expect(saysResolved('It still does not work.')).toBe(false);
  });
});
