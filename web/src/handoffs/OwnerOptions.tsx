type Member = { id: string; name: string; availability: string; active: boolean };

/** Who of a team's members may be given a handoff: not those who lost access (the server refuses them). */
export const mayOwn = <M extends Member>(members: readonly M[]): M[] => members.filter((m) => m.active);

/** The people a handoff may be given to, as a select's options: each with why they may be slow to act. */
export function OwnerOptions({ members }: { members: readonly Member[] }) {
  return mayOwn(members).map((m) => (
    <option key={m.id} value={m.id}>
      {m.availability === 'available' ? m.name : `${m.name} (${m.availability})`}
    </option>
  ));
}
