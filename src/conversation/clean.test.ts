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

  it('says a link the sentence points at as "the link", so the sentence still reads', () => {
    expect(cleanText('Compare the fares at https://t.co/abc plus the fare difference')).toBe(
      'Compare the fares at the link plus the fare difference',
    );
    expect(cleanText('Please visit www.acme.com/reset to set a new one.')).toBe(
      'Please visit the link to set a new one.',
    );
    // A link that only stands beside the words goes.
    expect(cleanText('Look at this https://t.co/x')).toBe('Look at this');
    expect(cleanText('Screenshot: https://t.co/x')).toBe('Screenshot:');
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
