type Move = { from: { id: string; name: string }; to: { id: string; name: string } };

/** "3 from Priya Raman to Tom Becker, 1 from Priya Raman to Grace Liu": the moves of an even-out, grouped. */
export function movesInWords(moves: readonly Move[]): string {
  const groups = new Map<string, { from: string; to: string; n: number }>();
  for (const m of moves) {
    const key = `${m.from.id}>${m.to.id}`;
    const g = groups.get(key) ?? { from: m.from.name, to: m.to.name, n: 0 };
    g.n += 1;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => `${g.n} from ${g.from} to ${g.to}`).join(', ');
}

/** "Moved 4 waiting handoffs in Finance", or what was found when nothing needed moving. */
export function evenedOutWords(moved: number, team: string): string {
  if (!moved) return `Nothing to move in ${team}: its load was already even.`;
  return `Moved ${moved} waiting handoff${moved === 1 ? '' : 's'} in ${team}.`;
}

type Stay = { holder: { id: string; name: string }; reason: string; skills?: readonly string[] };

const orList = (xs: readonly string[]) =>
  xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`;

/**
 * Why the waiting handoffs an even-out leaves stay where they are, one sentence per holder and reason:
 * "2 stay with Kenji Tanaka: nobody else with room knows mobile."
 */
export function stayingInWords(stays: readonly Stay[]): string[] {
  const groups = new Map<string, { name: string; reason: string; n: number; skills: Set<string> }>();
  for (const s of stays) {
    const key = `${s.holder.id}>${s.reason}`;
    const g = groups.get(key) ?? { name: s.holder.name, reason: s.reason, n: 0, skills: new Set<string>() };
    g.n += 1;
    for (const k of s.skills ?? []) g.skills.add(k);
    groups.set(key, g);
  }
  const limited = stays.filter((s) => s.reason === 'limit').length;
  const words = [...groups.values()]
    .filter((g) => g.reason !== 'limit')
    .map((g) => {
      const stay = `${g.n} stay${g.n === 1 ? 's' : ''} with ${g.name}`;
      if (g.reason === 'kept') return `${g.n} kept with ${g.name}, as you chose.`;
      if (g.reason === 'skills')
        return `${stay}: nobody else with room knows ${orList([...g.skills].sort()) || 'what they ask for'}.`;
      return `${stay}, away or off shift: nobody who can take work has room.`;
    });
  if (limited)
    words.push(`${limited} more could move: one run moves at most 100, so even out again afterwards.`);
  return words;
}
