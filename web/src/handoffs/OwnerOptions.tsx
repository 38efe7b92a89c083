/** The people a handoff may be given to, as a select's options: each with why they may be slow to act. */
export function OwnerOptions({ members }: { members: { id: string; name: string; availability: string }[] }) {
  return members.map((m) => (
    <option key={m.id} value={m.id}>
      {m.availability === 'available' ? m.name : `${m.name} (${m.availability})`}
    </option>
  ));
}
