import { describe, expect, it } from 'vitest';
import { allowedActions, nextState } from './state-machine.ts';

describe('handoff state machine', () => {
  it('walks the happy path', () => {
    expect(nextState('draft', 'send')).toBe('sent');
    expect(nextState('sent', 'accept')).toBe('accepted');
    expect(nextState('accepted', 'resolve')).toBe('resolved');
  });
  it('refuses moves it does not allow', () => {
    expect(nextState('sent', 'resolve')).toBeNull();
    expect(nextState('resolved', 'accept')).toBeNull();
    expect(nextState('bounced', 'accept')).toBeNull();
    expect(nextState('draft', 'accept')).toBeNull();
    expect(nextState('cancelled', 'send')).toBeNull();
  });
  it('bounces from sent or accepted, and keeps state on reassign', () => {
    expect(nextState('sent', 'bounce')).toBe('bounced');
    expect(nextState('accepted', 'bounce')).toBe('bounced');
    expect(nextState('accepted', 'reassign')).toBe('accepted');
    expect(allowedActions('resolved')).toEqual([]);
  });
});
