import type { Scenario } from '../api/types.ts';
import { fieldLabel } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, Section } from '../app/ui.tsx';

/** The scenario decides the receiving team, the required fields and the SLA. */
export function ScenarioPicker({
  scenarios,
  value,
  onChange,
  suggested,
}: {
  scenarios: Scenario[];
  value: string;
  onChange: (id: string) => void;
  suggested: { id?: string; confidence?: number };
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
                ? ` · SLA ${current.sla.map((c) => `${c.name} ${c.target}`).join(', ')}`
                : ''}{' '}
              · needs {current.required.map(fieldLabel).join(', ').toLowerCase()}
            </>
          ) : (
            'Choose where the case should go.'
          )}
        </span>
      </div>
      {suggested.id && suggested.id === value ? (
        <p className="small">
          <Badge tone="info">Suggested</Badge> from the conversation
          {suggested.confidence !== undefined
            ? ` (${Math.round(suggested.confidence * 100)}% confident)`
            : ''}
          .
        </p>
      ) : null}
    </Section>
  );
}
