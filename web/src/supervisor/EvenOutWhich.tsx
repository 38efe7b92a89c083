import type { EvenOutAnswer } from '../api/types.ts';
import { Erasable, plainText } from '../app/Erased.tsx';
import { Link } from '../app/router.tsx';

/**
 * The handoffs of an even-out's plan, each by its case's subject (a link to the case): where each
 * would go, with a **Keep** that leaves it with its holder (the plan is made again without it), and
 * with whom each stays, those kept with a **Let it move** that gives it back to the plan.
 */
export function EvenOutWhich({
  plan,
  busy,
  onKeep,
}: {
  plan: EvenOutAnswer;
  busy: boolean;
  onKeep: (handoffId: string, keep: boolean) => void;
}) {
  if (!plan.moves.length && !plan.staying.length) return null;
  const rows = [
    ...plan.moves.map((m) => ({ ...m, says: `${m.from.name} → ${m.to.name}`, kept: false, movable: true })),
    ...plan.staying.map((x) => ({
      ...x,
      says: `${x.reason === 'kept' ? 'kept' : 'stays'} with ${x.holder.name}`,
      kept: x.reason === 'kept',
      movable: false,
    })),
  ];
  return (
    <details className="even-out-which" data-testid="even-out-which">
      <summary>Which handoffs</summary>
      <ul className="small">
        {rows.map((x) => (
          <li key={x.handoffId}>
            <Link to={`/cases/${x.caseId}`}>
              <Erasable text={x.subject} label="Subject erased" />
            </Link>{' '}
            <span className="muted">{x.says}</span>{' '}
            {x.movable || x.kept ? (
              <button
                type="button"
                className="link-button"
                disabled={busy}
                aria-label={`${x.kept ? 'Let it move' : 'Keep'}: ${plainText(x.subject, 'Subject erased')}`}
                onClick={() => onKeep(x.handoffId, !x.kept)}
              >
                {x.kept ? 'Let it move' : 'Keep'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
