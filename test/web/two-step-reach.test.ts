import { describe, expect, it } from 'vitest';
import { namesInWords } from '../../web/src/app/format.ts';
import { stoppedBy } from '../../web/src/settings/two-step-reach.ts';

describe('whom a two-step requirement would stop', () => {
  const people = [
    { name: 'Inès Duarte', roles: ['lead', 'admin'] },
    { name: 'Amara Okafor', roles: ['agent'] },
  ];

  it('covers admins or everyone, never anyone for nobody', () => {
    expect(stoppedBy('nobody', people)).toEqual([]);
    expect(stoppedBy('admins', people).map((p) => p.name)).toEqual(['Inès Duarte']);
    expect(stoppedBy('everyone', people)).toHaveLength(2);
  });

  it('names them in a sentence, the rest counted', () => {
    expect(namesInWords([])).toBe('');
    expect(namesInWords(['A'])).toBe('A');
    expect(namesInWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(namesInWords(['A', 'B', 'C', 'D'], 2)).toBe('A, B and 2 more');
    expect(namesInWords(Array.from({ length: 10 }, (_, i) => `P${i}`))).toMatch(/P8 and P9$/);
  });
});
