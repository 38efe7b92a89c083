import { expect, it } from 'vitest';
import { scenarioFor } from './group-mapping.ts';

it('maps a group by id first, then by name ignoring case', () => {
  const mappings = [
    { group: '3600118822', scenario: 'billing-to-finance' },
    { group: 'Tier 2', scenario: 'tier1-to-tier2' },
  ];
  expect(scenarioFor(mappings, { id: '3600118822', name: 'Tier 2' })).toBe('billing-to-finance');
  expect(scenarioFor(mappings, { id: '1', name: 'tier 2' })).toBe('tier1-to-tier2');
  expect(scenarioFor(mappings, { id: '1' })).toBeUndefined();
  expect(scenarioFor(mappings, null)).toBeUndefined();
});
