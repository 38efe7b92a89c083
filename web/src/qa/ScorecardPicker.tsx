import { navigate } from '../app/router.tsx';
import type { ScorecardView } from './qa.api.ts';

/** Chooses the scorecard a lead's page shows; the choice lives in the address (`?scorecard=`). */
export function ScorecardPicker({
  cards,
  value,
  path,
}: {
  cards: ScorecardView[];
  value: string;
  path: string;
}) {
  return (
    <div className="inline-field">
      <label htmlFor="qa-pick-scorecard">Scorecard</label>
      <select
        id="qa-pick-scorecard"
        value={value}
        onChange={(e) =>
          navigate(`${path}?scorecard=${encodeURIComponent(e.target.value)}`, { replace: true })
        }
      >
        {cards.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} (v{c.version})
          </option>
        ))}
      </select>
    </div>
  );
}
