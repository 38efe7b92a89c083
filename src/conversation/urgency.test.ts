import { describe, expect, it } from 'vitest';
import { urgencyOf } from './urgency.ts';

describe('urgencyOf', () => {
  it('is critical for fraud, legal threats and outages', () => {
    expect(urgencyOf('There are unauthorized charges on my card, I think it is fraud')).toBe('critical');
    expect(urgencyOf('I will contact my lawyer')).toBe('critical');
    expect(urgencyOf('Your whole platform has an outage')).toBe('critical');
  });

  it('is high for deadlines, lockouts and angry customers', () => {
    expect(urgencyOf("I can't log in and need to pay rent today")).toBe('high');
    expect(urgencyOf('Please fix this ASAP')).toBe('high');
    expect(urgencyOf('my order is late', 'angry')).toBe('high');
  });

  it('is low for feedback without pressure', () => {
    expect(urgencyOf('No rush, just a suggestion for the app')).toBe('low');
    expect(urgencyOf('No rush, just a suggestion', 'frustrated')).toBe('normal');
  });

  it('is normal otherwise', () => {
    expect(urgencyOf('My parcel is two days late')).toBe('normal');
  });
});
