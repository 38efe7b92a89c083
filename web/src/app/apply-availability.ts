import type { AvailabilityChange } from '../live/stream.ts';

type WithAvailability = { id: string; availability: string };

/**
 * The organisation's people and teams with these status changes applied, in order (the last for a
 * person wins): what the live stream says when someone goes away or comes back, kept without reading
 * the people and teams again. Untouched records keep their identity.
 */
export function applyAvailability<
  P extends WithAvailability,
  T extends { members: readonly WithAvailability[] },
>(
  people: readonly P[],
  teams: readonly T[],
  changes: readonly AvailabilityChange[],
): { people: P[]; teams: T[] } {
  const now = new Map(changes.map((c) => [c.personId, c.availability]));
  const apply = <X extends WithAvailability>(x: X): X => {
    const availability = now.get(x.id);
    return availability === undefined || availability === x.availability ? x : { ...x, availability };
  };
  return {
    people: people.map(apply),
    teams: teams.map((t) =>
      t.members.some((m) => now.has(m.id)) ? { ...t, members: t.members.map(apply) } : t,
    ),
  };
}
