import { useSession } from '../app/session.tsx';
import { type Member, mayOwn } from './owner-choice.ts';

/** The people a handoff may be given to, as a select's options: each with why they may be slow to act. */
export function OwnerOptions({ members }: { members: readonly Member[] }) {
  return mayOwn(members).map((m) => (
    <option key={m.id} value={m.id}>
      {m.availability === 'available' ? m.name : `${m.name} (${m.availability})`}
    </option>
  ));
}

/**
 * Said under an owner picker when the person chosen lost access while it was open (the choice then
 * falls back to Baton's rule, which a lead might not notice before pressing Reassign).
 */
export function LostOwnerNote({ ownerId }: { ownerId: string }) {
  const s = useSession();
  const person = ownerId ? s.people.find((p) => p.id === ownerId) : undefined;
  if (!person || person.active) return null;
  return (
    <p className="field-error" role="alert">
      {person.name} no longer has access: choose someone else, or let Baton choose.
    </p>
  );
}
