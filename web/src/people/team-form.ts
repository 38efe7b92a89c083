import type { OwnershipStrategy } from '../api/types.ts';

/** The team forms' rules: ownership in a lead's words, capacities, keys. */

/** The ownership rules as src/ownership/assign.ts applies them; this only explains. */
export const strategies: { value: OwnershipStrategy; label: string; explain: string }[] = [
  {
    value: 'round-robin',
    label: 'Round-robin',
    explain: 'Members take turns; anyone away, off shift or at capacity is skipped.',
  },
  {
    value: 'least-loaded',
    label: 'Least-loaded',
    explain: 'The member with the least open work for their capacity takes it.',
  },
  {
    value: 'skills',
    label: 'Skills match',
    explain:
      "The member whose skills best match the case's issue takes it, the least loaded among equals; with no match, the least loaded.",
  },
];

export const strategyOf = (value: string) => strategies.find((s) => s.value === value);

/** Capacity as the API takes it: a whole number from 1 to 1000; blank is "none given". */
export function parseCapacity(text: string): { value: number | null; error?: string } {
  const t = text.trim();
  if (!t) return { value: null };
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    return { value: null, error: 'A whole number from 1 to 1000.' };
  return { value: n };
}

/** "Tier 2 (EMEA)" -> "tier-2-emea": the key the API accepts, until the admin types their own. */
export const keyFromName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
