import { type Member, mayOwn } from './owner-choice.ts';

/** The people a handoff may be given to, as a select's options: each with why they may be slow to act. */
export function OwnerOptions({ members }: { members: readonly Member[] }) {
  return mayOwn(members).map((m) => (
    <option key={m.id} value={m.id}>
      {m.availability === 'available' ? m.name : `${m.name} (${m.availability})`}
    </option>
  ));
}
