import type { OwnershipStrategy } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { strategies } from './team-form.ts';

/** The team's lead: its members first, then anyone else with access (a lead need not be a member). */
export function LeadSelect({
  id,
  memberIds,
  value,
  onChange,
  error,
}: {
  id: string;
  memberIds: string[];
  value: string;
  onChange: (personId: string) => void;
  error?: string;
}) {
  const s = useSession();
  const active = s.people.filter((p) => p.active || p.id === value);
  const members = active.filter((p) => memberIds.includes(p.id));
  const others = active.filter((p) => !memberIds.includes(p.id));
  const option = (p: (typeof active)[number]) => (
    <option key={p.id} value={p.id}>
      {p.name}
      {p.active ? '' : ' (no access)'}
    </option>
  );
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>Lead</label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {value ? null : <option value="">Choose the lead…</option>}
        {members.length ? <optgroup label="Members">{members.map(option)}</optgroup> : null}
        <optgroup label={members.length ? 'Others' : 'People'}>{others.map(option)}</optgroup>
      </select>
      <span className={error ? 'field-error' : 'hint'} id={`${id}-hint`}>
        {error ?? 'Takes what no member can'}
      </span>
    </div>
  );
}

/** The ownership rule, with the chosen one explained under it. */
export function StrategySelect({
  id,
  value,
  onChange,
  explain,
}: {
  id: string;
  value: OwnershipStrategy;
  onChange: (v: OwnershipStrategy) => void;
  /** Under the select (in a dialog); else the caller shows it by the id `${id}-explain`. */
  explain?: boolean;
}) {
  const chosen = strategies.find((x) => x.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>Ownership</label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-explain`}
        onChange={(e) => onChange(e.target.value as OwnershipStrategy)}
      >
        {strategies.map((x) => (
          <option key={x.value} value={x.value}>
            {x.label}
          </option>
        ))}
      </select>
      {explain ? (
        <span className="hint" id={`${id}-explain`}>
          {chosen?.explain}
        </span>
      ) : null}
    </div>
  );
}
