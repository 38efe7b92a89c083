import { describe, expect, it } from 'vitest';
import { cleanText, isFiller } from './clean.ts';

describe('cleanText', () => {
  it('removes handles, links and signatures', () => {
    expect(cleanText('@AppleSupport My iPhone is on 11.1.2 https://t.co/m9DPQbkftD')).toBe(
      'My iPhone is on 11.1.2',
    );
    expect(cleanText("@115850 We're sorry to hear that. Please DM us. ^JK")).toBe(
      "We're sorry to hear that. Please DM us.",
    );
    expect(cleanText('@Acme Hi there, can you check? -Anna')).toBe('Hi there, can you check?');
    expect(cleanText('Fixed it, thanks *TS')).toBe('Fixed it, thanks');
  });

  it('decodes entities and squeezes spaces', () => {
    expect(cleanText('bags &amp; seats   (1/2)')).toBe('bags & seats');
  });
});

describe('isFiller', () => {
  it('tells greetings and thanks from content', () => {
    expect(isFiller('Thank you so much!')).toBe(true);
    expect(isFiller('Hi there.')).toBe(true);
    expect(isFiller('My card was declined.')).toBe(false);
  });
});
