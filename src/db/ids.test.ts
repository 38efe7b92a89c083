import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes prefixed ids of 20 characters from the unambiguous alphabet', () => {
    expect(newId('cs')).toMatch(/^cs_[0-9abcdefghjkmnpqrstvwxyz]{20}$/);
  });

  it('never repeats an id, across many refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId('x')));
    expect(ids.size).toBe(5000);
  });

  it('spreads its characters evenly (the pool is random, not reused)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const ch of newId('x').slice(2)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 40,000 characters over 32 symbols: 1,250 each on average; a reused pool would skew this.
    for (const n of counts.values()) expect(n).toBeGreaterThan(1000);
  });
});
