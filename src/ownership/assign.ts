/** A team member as ownership sees them at the moment of assignment. */
export type Candidate = {
  id: string;
  available: boolean;
  onShift: boolean;
  load: number;
  capacity: number;
  skills: readonly string[];
};

export type Strategy = 'round-robin' | 'least-loaded' | 'skills';

export type Choice = { ownerId: string; rule: string } | { ownerId: null; rule: 'no-eligible-member' };

export function eligible(c: Candidate): boolean {
  return c.available && c.onShift && c.load < c.capacity;
}

/** Who after `cursor` in the members' stable order; wraps around. */
function nextAfter(members: readonly Candidate[], cursor: string | null): Candidate | undefined {
  if (members.length === 0) return undefined;
  const at = cursor ? members.findIndex((m) => m.id > cursor) : 0;
  return members[at === -1 ? 0 : at];
}

function leastLoaded(members: readonly Candidate[]): Candidate | undefined {
  return [...members].sort(
    (a, b) => a.load / a.capacity - b.load / b.capacity || a.load - b.load || (a.id < b.id ? -1 : 1),
  )[0];
}

/**
 * Picks the one accountable owner among a team's members, or none (the caller then falls back
 * to the team lead). Members must come sorted by id so round-robin is stable.
 */
export function chooseOwner(
  members: readonly Candidate[],
  strategy: Strategy,
  cursor: string | null,
  wantedSkills: readonly string[] = [],
): Choice {
  const pool = members.filter(eligible);
  if (pool.length === 0) return { ownerId: null, rule: 'no-eligible-member' };
  if (strategy === 'skills' && wantedSkills.length > 0) {
    const score = (c: Candidate) => wantedSkills.filter((s) => c.skills.includes(s)).length;
    const best = Math.max(...pool.map(score));
    if (best > 0) {
      const skilled = pool.filter((c) => score(c) === best);
      return {
        ownerId: leastLoaded(skilled)!.id,
        rule: `skills match (${best}/${wantedSkills.length}), least loaded`,
      };
    }
  }
  if (strategy === 'round-robin') return { ownerId: nextAfter(pool, cursor)!.id, rule: 'round-robin' };
  return { ownerId: leastLoaded(pool)!.id, rule: 'least-loaded' };
}
