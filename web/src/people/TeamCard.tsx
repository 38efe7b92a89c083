import { type FormEvent, useState } from 'react';
import type { LastSend } from '../../../src/notifications/notifications.types.ts';
import { api } from '../api/endpoints.ts';
import type { OwnershipStrategy, Team, TeamChange, TeamMember } from '../api/types.ts';
import { counted, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, ErrorNote } from '../app/ui.tsx';
import { LeadSelect, StrategySelect } from './TeamFields.tsx';
import { TeamSlackChannel } from './TeamSlackChannel.tsx';
import { parseCapacity, strategyOf } from './team-form.ts';
import type { AdminRun } from './useAdminRun.ts';

/** What the lead has typed and not saved; everything else shows the team as the server has it. */
type Edits = {
  leadId?: string;
  ownershipStrategy?: OwnershipStrategy;
  capacity?: string;
  members: Record<string, string>;
};

/**
 * One team for a lead: its lead, ownership rule and default capacity, each member's capacity and
 * open load, saved together; adding and removing members act at once (removing asks first).
 */
export function TeamCard({
  team,
  admin,
  onRemove,
  channel,
}: {
  team: Team;
  admin: AdminRun;
  onRemove: (team: Team, member: TeamMember) => void;
  /** Its Slack channel for leads, once read (`undefined` until then, or for others). */
  channel?: { slackUrl: string | null; lastPost: LastSend | null; onSaved: () => void };
}) {
  const s = useSession();
  const canEdit = s.can('lead');
  const [edits, setEdits] = useState<Edits>({ members: {} });
  const [error, setError] = useState<unknown>();
  const [adding, setAdding] = useState('');
  const key = team.key;
  const headingId = `team-${key}`;

  const leadId = edits.leadId ?? team.leadId;
  const strategy = edits.ownershipStrategy ?? (team.ownershipStrategy as OwnershipStrategy);
  const capacityText = edits.capacity ?? String(team.capacity);
  const capacity = parseCapacity(capacityText);
  const capacityError = capacity.error ?? (capacity.value === null ? 'Give a default capacity.' : undefined);
  const memberText = (m: TeamMember) =>
    edits.members[m.id] ?? (m.capacity === null ? '' : String(m.capacity));

  const change: TeamChange = {};
  if (leadId !== team.leadId) change.leadId = leadId;
  if (strategy !== team.ownershipStrategy) change.ownershipStrategy = strategy;
  if (capacity.value !== null && capacity.value !== team.capacity) change.capacity = capacity.value;
  const memberChanges = team.members.flatMap((m) => {
    const c = parseCapacity(memberText(m));
    return !c.error && c.value !== m.capacity ? [{ id: m.id, capacity: c.value }] : [];
  });
  const invalid =
    Boolean(capacityError) || team.members.some((m) => parseCapacity(memberText(m)).error !== undefined);
  const dirty = Object.keys(change).length > 0 || memberChanges.length > 0;
  const busy = admin.busy === `team-${key}`;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || invalid) return;
    setError(undefined);
    try {
      await admin.run(
        `team-${key}`,
        async () => {
          if (Object.keys(change).length) await api.changeTeam(key, change);
          for (const m of memberChanges) await api.setMemberCapacity(key, m.id, m.capacity);
        },
        () => `${team.name} saved`,
      );
      setEdits({ members: {} });
    } catch (err) {
      setError(err);
    }
  };

  const add = async () => {
    const person = s.people.find((p) => p.id === adding);
    if (!person) return;
    setError(undefined);
    try {
      await admin.run(
        `add-${key}`,
        () => api.addMember(key, person.id),
        () => `${person.name} added to ${team.name}`,
      );
      setAdding('');
    } catch (err) {
      setError(err);
    }
  };

  const memberIds = new Set(team.members.map((m) => m.id));
  const joinable = s.people.filter((p) => p.active && !memberIds.has(p.id));
  const open = team.members.reduce((n, m) => n + m.openHandoffs, 0);
  const described = strategyOf(strategy);

  return (
    <article className="card team-card" aria-labelledby={headingId} data-team={key}>
      <header className="card-head">
        <h3 id={headingId}>
          {team.name} <span className="muted small">({key})</span>
        </h3>
        <span className="muted small">
          {counted(team.members.length, 'member')} · {counted(open, 'open handoff')}
        </span>
      </header>
      <form className="card-body team-form" onSubmit={save} noValidate>
        {team.managedByProvider ? (
          <p className="small muted" data-testid="team-managed">
            Managed by your identity provider: its name and members follow the provider’s group.
          </p>
        ) : null}
        {canEdit ? (
          <div className="team-settings">
            <LeadSelect
              id={`${key}-lead`}
              memberIds={team.members.map((m) => m.id)}
              value={leadId}
              onChange={(v) => setEdits((x) => ({ ...x, leadId: v }))}
            />
            <StrategySelect
              id={`${key}-strategy`}
              value={strategy}
              onChange={(v) => setEdits((x) => ({ ...x, ownershipStrategy: v }))}
            />
            <div className={`field${capacityError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${key}-capacity`}>Default capacity</label>
              <input
                id={`${key}-capacity`}
                type="number"
                min={1}
                max={1000}
                inputMode="numeric"
                value={capacityText}
                aria-invalid={capacityError ? true : undefined}
                aria-describedby={`${key}-capacity-hint`}
                onChange={(e) => setEdits((x) => ({ ...x, capacity: e.target.value }))}
              />
              <span className="hint" id={`${key}-capacity-hint`}>
                {capacityError ?? 'Open handoffs per member'}
              </span>
            </div>
          </div>
        ) : (
          <p className="small">
            Lead {s.personName(team.leadId)} ·{' '}
            {strategyOf(team.ownershipStrategy)?.label ?? humanize(team.ownershipStrategy)} · capacity{' '}
            {team.capacity} per member
          </p>
        )}
        {described ? (
          <p className="hint strategy-explain" id={`${key}-strategy-explain`}>
            {described.explain}
          </p>
        ) : null}
        {team.members.length === 0 ? (
          <p className="muted">No members yet: the lead takes everything this team receives.</p>
        ) : (
          <table className="table compact team-members">
            <caption className="visually-hidden">Members of {team.name}</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Capacity</th>
                <th scope="col">Open load</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => {
                const text = memberText(m);
                const own = parseCapacity(text);
                const limit = own.value ?? team.capacity;
                return (
                  <tr key={m.id} data-member={m.name}>
                    <th scope="row">
                      <span
                        className={`availability-dot availability-${m.availability}`}
                        title={humanize(m.availability)}
                      />
                      {m.name}
                      {m.id === team.leadId ? <Badge tone="info">Lead</Badge> : null}
                      {m.active ? null : <Badge tone="warn">No access</Badge>}
                      <span className="visually-hidden"> ({m.availability})</span>
                    </th>
                    <td data-label="Capacity">
                      {canEdit ? (
                        <input
                          className={`capacity-input${own.error ? ' invalid' : ''}`}
                          type="number"
                          min={1}
                          max={1000}
                          inputMode="numeric"
                          aria-label={`Capacity of ${m.name}`}
                          aria-invalid={own.error ? true : undefined}
                          title={
                            own.error ?? `Blank: the team's default (${capacity.value ?? team.capacity})`
                          }
                          placeholder={String(capacity.value ?? team.capacity)}
                          value={text}
                          onChange={(e) =>
                            setEdits((x) => ({ ...x, members: { ...x.members, [m.id]: e.target.value } }))
                          }
                        />
                      ) : m.capacity === null ? (
                        <span className="muted">{team.capacity} (team)</span>
                      ) : (
                        m.capacity
                      )}
                    </td>
                    <td data-label="Load">
                      <Load open={m.openHandoffs} limit={limit} />
                    </td>
                    {canEdit ? (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button small ghost"
                          aria-label={`Remove ${m.name} from ${team.name}`}
                          onClick={() => onRemove(team, m)}
                        >
                          Remove
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {canEdit && team.members.length ? (
          <p className="hint">A blank capacity is the team's default.</p>
        ) : null}
        <ErrorNote error={error} title={`${team.name} not changed`} />
        {canEdit ? (
          <div className="team-actions">
            <div className="add-member">
              <label htmlFor={`${key}-add`} className="visually-hidden">
                Add a member to {team.name}
              </label>
              <select id={`${key}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">
                  {joinable.length ? 'Add a member…' : 'Everyone active is in this team'}
                </option>
                {joinable.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={!adding || admin.busy === `add-${key}`}
                onClick={() => void add()}
              >
                Add
              </button>
            </div>
            <div className="form-actions">
              {dirty ? (
                <button type="button" className="button ghost" onClick={() => setEdits({ members: {} })}>
                  Discard
                </button>
              ) : null}
              <button type="submit" className="button primary" disabled={!dirty || invalid || busy}>
                {busy ? 'Saving…' : 'Save changes'}
              </button>
            </div>
          </div>
        ) : null}
      </form>
      {canEdit && channel ? (
        <TeamSlackChannel
          teamKey={key}
          teamName={team.name}
          slackUrl={channel.slackUrl}
          lastPost={channel.lastPost}
          onSaved={channel.onSaved}
        />
      ) : null}
    </article>
  );
}

/** "3 of 10", with a bar that turns amber near the limit and red at it. */
function Load({ open, limit }: { open: number; limit: number }) {
  const share = Math.min(1, open / Math.max(1, limit));
  const tone = open >= limit ? 'bad' : share >= 0.8 ? 'warn' : 'good';
  return (
    <span className="load">
      <span className={`meter load-meter meter-${tone}`} aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
      <span className="load-text">
        {open} of {limit}
      </span>
    </span>
  );
}
