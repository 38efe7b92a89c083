import type { Scenario } from '../api/types.ts';
import { fieldLabel } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, Section } from '../app/ui.tsx';
import { formatTarget } from '../sla/business-time.ts';

/** Where the case probably goes: the suggested scenario, or the candidates when the tagger is unsure. */
export type ScenarioHint = {
  id?: string;
  confidence?: number;
  /** The issue type the tagger recognised. */
  label?: string;
  alternatives: { id: string; confidence: number; label: string }[];
  abstained?: boolean;
};

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The scenario decides the receiving team, the required fields and the SLA. */
export function ScenarioPicker({
  scenarios,
  value,
  onChange,
  suggested,
  fixed,
}: {
  scenarios: Scenario[];
  value: string;
  onChange: (id: string) => void;
  suggested: ScenarioHint;
  /** Why the scenario cannot change here (a saved draft keeps its own). */
  fixed?: string;
}) {
  const s = useSession();
  const current = scenarios.find((x) => x.id === value);
  const team = (key: string) => s.teams.find((t) => t.key === key)?.name ?? key;
  return (
    <Section title="Where it goes">
      <div className="field">
        <label htmlFor="handoff-scenario">Scenario</label>
        <select
          id="handoff-scenario"
          value={value}
          disabled={fixed !== undefined}
          title={fixed}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby="handoff-scenario-hint"
        >
          {scenarios.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name ?? x.id} → {team(x.toTeam)}
              {x.id === suggested.id ? ' (suggested)' : ''}
            </option>
          ))}
        </select>
        <span className="hint" id="handoff-scenario-hint">
          {current ? (
            <>
              Goes to <strong>{team(current.toTeam)}</strong>
              {current.sla.length
                ? ` · SLA ${current.sla.map((c) => `${c.name} ${formatTarget(c.target, c.calendar?.hours !== '24/7')}`).join(', ')}`
                : ''}{' '}
              · needs {current.required.map(fieldLabel).join(', ').toLowerCase()}
            </>
          ) : (
            'Choose where the case should go.'
          )}
        </span>
      </div>
      {suggested.id && suggested.id === value ? (
        <p className="small" data-testid="scenario-suggested">
          <Badge tone="info">Suggested</Badge>{' '}
          {suggested.label ? (
            <>
              the conversation reads as <strong>{suggested.label}</strong>
            </>
          ) : (
            'from the conversation'
          )}
          {suggested.confidence !== undefined ? ` (${percent(suggested.confidence)} confident)` : ''}.
        </p>
      ) : null}
      {suggested.id && suggested.id !== value ? (
        <p className="small">
          Baton suggested{' '}
          <button type="button" className="link-button" onClick={() => onChange(suggested.id!)}>
            {scenarios.find((x) => x.id === suggested.id)?.name ?? suggested.id}
          </button>
          {suggested.confidence !== undefined ? ` (${percent(suggested.confidence)})` : ''}.
        </p>
      ) : null}
      {!suggested.id && suggested.alternatives.length > 0 ? (
        <div className="small" data-testid="scenario-candidates">
          <p className="hint">
            {suggested.abstained ? 'Baton is not sure where this goes. ' : ''}Closest matches:
          </p>
          <ul className="plain candidate-list">
            {suggested.alternatives.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="button small"
                  aria-pressed={a.id === value}
                  onClick={() => onChange(a.id)}
                >
                  {scenarios.find((x) => x.id === a.id)?.name ?? a.id}
                </button>{' '}
                <span className="muted">
                  {a.label} · {percent(a.confidence)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
