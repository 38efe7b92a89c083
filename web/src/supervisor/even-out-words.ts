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
