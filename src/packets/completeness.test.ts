import { describe, expect, it } from 'vitest';
import { completeness, missingFields } from './completeness.ts';
import { defaultRequiredFields } from './packet.types.ts';

const full = {
  whatHappened: 'Charged twice for October',
  attempted: ['Checked the ledger'],
  emotion: 'frustrated' as const,
  documents: { required: [], onFile: [] },
  urgency: 'high' as const,
  nextSteps: ['Refund the duplicate'],
};

describe('packet completeness', () => {
  it('names nothing missing on a full packet', () => {
    expect(missingFields(full, defaultRequiredFields)).toEqual([]);
    expect(completeness(full, defaultRequiredFields)).toBe(100);
  });
  it('treats blank text and empty lists as missing, but empty document lists as present', () => {
    const p = { ...full, whatHappened: '   ', attempted: [], nextSteps: [' '] };
    expect(missingFields(p, defaultRequiredFields)).toEqual(['whatHappened', 'attempted', 'nextSteps']);
    expect(completeness(p, defaultRequiredFields)).toBe(50);
  });
  it('names every missing field of an empty packet in order', () => {
    expect(missingFields({}, defaultRequiredFields)).toEqual(defaultRequiredFields);
    expect(completeness({}, defaultRequiredFields)).toBe(0);
  });
  it('weighs fields', () => {
    expect(completeness({ whatHappened: 'x' }, ['whatHappened', 'attempted'], { whatHappened: 3 })).toBe(75);
  });
});
