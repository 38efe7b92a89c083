import { describe, expect, it } from 'vitest';
import { endsWithJourney, isDone } from './case-status.ts';

describe('a case status', () => {
  it('is done when resolved or closed, not while open or pending', () => {
    expect(['open', 'pending', 'resolved', 'closed'].filter(isDone)).toEqual(['resolved', 'closed']);
  });

  it('ends with its journey only when no handoff is open and the case is not done already', () => {
    expect(endsWithJourney('open', 0)).toBe(true);
    expect(endsWithJourney('pending', 0)).toBe(true);
    expect(endsWithJourney('open', 1)).toBe(false);
    expect(endsWithJourney('resolved', 0)).toBe(false);
    expect(endsWithJourney('closed', 0)).toBe(false);
  });
});
